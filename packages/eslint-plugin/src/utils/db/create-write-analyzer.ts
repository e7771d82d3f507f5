import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';
import { isFollowedByThrow } from '../ast/is-followed-by-throw.js';
import { getInlineFunctionKind } from '../code-path/get-inline-function-kind.js';
import { getMaxPathWeight } from '../code-path/get-max-path-weight.js';
import type { DbHandle, DbQuery, DbTransaction, DbTransactionControl } from './create-db-library.js';
import type { DbModel } from './create-db-model.js';
import { createOwnerLookup } from './create-owner-lookup.js';
import { getBatchedRanges } from './get-batched-ranges.js';
import { getCallChain, unwrapExpression } from './get-call-chain.js';
import { getCalleeName, getFunctionName } from './get-function-name.js';
import { getLocalCallee } from './get-local-callee.js';
import { getNestedCalls } from './get-nested-calls.js';
import { isDatabaseParameter } from './is-database-parameter.js';
import { isDetachedCall } from './is-detached-call.js';
import { isTransactionOnlyParameter } from './is-transaction-only-parameter.js';

/** A function body the analyzer measures. */
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * Whose handle a write goes through: `free` (a handle of its own: a module client, `this.db`), a
 * parameter index (the caller's handle), or `transaction` (a transaction the function opens).
 */
export type WriteCategory = 'free' | 'transaction' | number;

/** Something a function does that matters for atomicity. */
export interface WriteEvent {
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  /** A direct write, a call of a function that writes, or a transaction it opens. */
  kind: 'write' | 'call' | 'transaction';
  category: WriteCategory;
  /** How many writes (or transactions) the event stands for along its heaviest path. */
  weight: number;
  query?: DbQuery;
  transaction?: DbTransaction | DbTransactionControl;
  /** For `call` events: the called function. */
  callee?: FunctionNode;
  /** The handle written through (for a call: the handle argument, when it is one). */
  handle?: DbHandle;
  /**
   * For `call` events: whether the called function counts these writes itself (they go through
   * a handle of its own, or a parameter it treats as a database rather than a transaction), so
   * that it answers for them on its own when they are several.
   */
  countedByCallee?: boolean;
}

/** What calling a function does to the caller's handles. */
export interface WriteSummary {
  /** Per parameter index: the heaviest number of writes through the handle passed there. */
  parameters: readonly number[];
  /** Writes through handles of the function's own. */
  free: number;
  /** Transactions it opens. */
  transactions: number;
}

/** Finds the function a call runs, when the analyzer can see it. */
export type CalleeResolver = (call: TSESTree.CallExpression) => { callee: FunctionNode; analyzer: WriteAnalyzer } | undefined;

/** A call or tagged template: what can run a query. */
export type CallNode = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

/** Per-function write analysis on top of a file's database model. */
export interface WriteAnalyzer {
  readonly model: DbModel;
  /** The functions that contain calls (each call belongs to the nearest function that does not run inline). */
  getFunctions: () => readonly FunctionNode[];
  /** The atomicity-relevant events of a function, nested inline callbacks included. */
  getEvents: (fn: FunctionNode) => readonly WriteEvent[];
  /** What calling `fn` does, for callers that pass it handles. */
  getSummary: (fn: FunctionNode) => WriteSummary;
  /** Whether a write through `handle` at `node` already runs in a transaction. */
  isInTransaction: (handle: DbHandle, node: TSESTree.Node) => boolean;
  /** Which parameter of `fn` a handle comes from, or -1. */
  getParameterIndex: (handle: DbHandle, fn: FunctionNode) => number;
  /**
   * Whether `fn` answers for writes through its parameter `index`: true when it treats the
   * parameter as a database (or cannot tell), false when it is a transaction the caller passes.
   */
  isDatabaseParameter: (fn: FunctionNode, index: number) => boolean;
}

const { DefinitionType } = TSESLint.Scope;
const EMPTY_SUMMARY: WriteSummary = { parameters: [], free: 0, transactions: 0 };
// Functions the analyzer cannot see, named for a write and handed a handle plus data
// (`await insertOrder(db, order)`), are taken to write once through it.
const WRITE_VERB = /^(?:insert|update|upsert|delete|remove|save|create|decrement|increment|destroy|persist|record|debit|credit)(?:[A-Z_\d]|$)/u;
const MAX_SUMMARY_DEPTH = 8;
const SETUP_STEP = /^(?:seed|migrate)(?:[A-Z_\d]|$)/u;

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Creates the per-function write analysis behind `require-transaction` (and the audit's
 * cross-file check): which writes, calls of writing functions and transactions a function
 * contains, and summaries that say how many writes a call performs through the handles passed
 * to it. Each call belongs to the nearest enclosing function that does not run inline (array
 * callbacks and `.then()` callbacks belong to the function around them). Summaries follow calls
 * of functions declared in the same file, and further through `resolveCallee` when given (type
 * information, other files) for calls that are handed a database handle.
 *
 * @param model - the file's database model
 * @param calls - every call and tagged template of the file
 * @param resolveCallee - finds functions declared elsewhere (optional)
 * @example
 * const analyzer = createWriteAnalyzer(model, calls);
 * for (const fn of analyzer.getFunctions()) console.log(analyzer.getSummary(fn)); // { parameters: [2], free: 0, transactions: 0 }
 */
export function createWriteAnalyzer(model: DbModel, calls: readonly CallNode[], resolveCallee?: CalleeResolver): WriteAnalyzer {
  const events = new WeakMap<FunctionNode, readonly WriteEvent[]>();
  const summaries = new WeakMap<FunctionNode, WriteSummary>();
  const inProgress = new Set<FunctionNode>();
  let depth = 0;

  // Each relevant call belongs to the function that owns it. Relevant: a query, a transaction,
  // or a call that may run one (of a function of this file that writes, named for a write, or
  // handed a handle for `resolveCallee`). Most calls of a file are none of these.
  const getOwner = createOwnerLookup();
  const isDatabaseCall = (call: CallNode): boolean =>
    model.getTransaction(call) !== undefined || model.getTransactionControl(call) !== undefined || model.getQuery(call) !== undefined;
  const databaseCalls = calls.filter(isDatabaseCall);

  // Names of the functions of this file that write, directly or through each other: calls by
  // any other name need no resolving.
  const writerNames = new Set<string>();
  const writers = new Set<FunctionNode>();
  const addWriter = (fn: FunctionNode | null): boolean => {
    if (fn === null || writers.has(fn)) return false;
    writers.add(fn);
    const name = getFunctionName(fn);
    if (name !== undefined) writerNames.add(name);
    return true;
  };
  for (const call of databaseCalls) {
    const control = model.getTransactionControl(call);
    if (model.getTransaction(call) !== undefined || control?.action === 'begin' || model.isWrite(call)) addWriter(getOwner(call.parent));
  }
  const namedCalls = calls.filter(
    (call): call is TSESTree.CallExpression => call.type === AST_NODE_TYPES.CallExpression && getCalleeName(call) !== undefined,
  );
  for (let changed = writerNames.size > 0; changed; ) {
    changed = false;
    for (const call of namedCalls) if (writerNames.has(getCalleeName(call) ?? '')) changed = addWriter(getOwner(call.parent)) || changed;
  }

  const mayRunQueries = (call: TSESTree.CallExpression): boolean => {
    const name = getCalleeName(call) ?? '';
    return (
      writerNames.has(name) ||
      (call.arguments.length >= 2 && WRITE_VERB.test(name)) ||
      (resolveCallee !== undefined &&
        call.arguments.some(
          (argument) =>
            argument.type === AST_NODE_TYPES.Identifier ||
            (argument.type === AST_NODE_TYPES.MemberExpression && argument.object.type === AST_NODE_TYPES.ThisExpression),
        ))
    );
  };
  const owned = new Map<FunctionNode, CallNode[]>();
  for (const call of calls) {
    if (!isDatabaseCall(call) && !(call.type === AST_NODE_TYPES.CallExpression && mayRunQueries(call))) continue;
    const owner = getOwner(call.parent);
    if (owner === null) continue;
    const list = owned.get(owner);
    if (list === undefined) owned.set(owner, [call]);
    else list.push(call);
  }

  const controls = databaseCalls.map((call) => model.getTransactionControl(call)).filter((control): control is DbTransactionControl => control !== undefined);
  // A BEGIN on a connection covers what runs on that connection until its COMMIT or ROLLBACK.
  const regions = controls
    .filter((control) => control.action === 'begin' && !control.returnsHandle)
    .map((begin) => {
      const end = controls.find(
        (control) => control.action !== 'begin' && control.handle.key === begin.handle.key && control.node.range[0] > begin.node.range[1],
      );
      return { key: begin.handle.key, start: begin.node.range[1], end: end?.node.range[0] ?? Number.POSITIVE_INFINITY };
    });

  const isInTransaction = (handle: DbHandle, node: TSESTree.Node): boolean =>
    handle.kind === 'transaction' ||
    (handle.kind === 'either' && handle.isParameter) ||
    regions.some((region) => region.key === handle.key && region.start <= node.range[0] && node.range[1] <= region.end);

  const getParameterIndex = (handle: DbHandle, fn: FunctionNode): number => {
    if (!handle.isParameter) return -1;
    let expression: TSESTree.Expression = handle.node;
    // Follow aliases (`const repo = manager.getRepository(User)`) back to the parameter.
    for (let step = 0; step < 4; step += 1) {
      const { root } = getCallChain(expression);
      if (root.type !== AST_NODE_TYPES.Identifier) return -1;
      const definition = model.findVariable(root)?.defs[0];
      if (definition?.type === DefinitionType.Parameter) {
        return definition.node === fn ? fn.params.findIndex((parameter) => contains(parameter, definition.name)) : -1;
      }
      if (definition?.type !== DefinitionType.Variable || definition.node.init === null) return -1;
      expression = definition.node.init;
    }
    return -1;
  };

  /** Whether a transaction writes: a write in its batch, or a write or handle hand-off in its callback. */
  const hasWrites = (transaction: DbTransaction, batched: readonly TSESTree.Node[]): boolean => {
    const { callback, parameter } = transaction;
    if (callback === undefined) {
      return batched.some((range) => getNestedCalls(range).some((call) => model.getQuery(call)?.operation === 'write'));
    }
    return (owned.get(callback) ?? []).some(
      (call) =>
        model.getQuery(call)?.operation === 'write' ||
        (call.type === AST_NODE_TYPES.CallExpression &&
          parameter?.type === AST_NODE_TYPES.Identifier &&
          call.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === parameter.name)),
    );
  };


  /** One write for an awaited call of an unknown function named for a write and given a handle. */
  const guessCallEvents = (call: TSESTree.CallExpression, fn: FunctionNode): WriteEvent[] => {
    if (call.arguments.length < 2 || !WRITE_VERB.test(getCalleeName(call) ?? '')) return [];
    let consumer: TSESTree.Node = call.parent;
    while (consumer.type === AST_NODE_TYPES.ChainExpression || consumer.type === AST_NODE_TYPES.TSNonNullExpression) consumer = consumer.parent;
    if (consumer.type !== AST_NODE_TYPES.AwaitExpression) return [];
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && model.getHandle(callee.object) !== undefined) return [];
    for (const argument of call.arguments) {
      // The handle must be evident from its name or declaration; types may still veto it.
      if (argument.type === AST_NODE_TYPES.SpreadElement || model.getSyntacticHandle(argument) === undefined) continue;
      const handle = model.getHandle(argument);
      if (handle === undefined || handle.evidence === 'shape') continue;
      const parameter = getParameterIndex(handle, fn);
      const base = { node: call, kind: 'call' as const, weight: 1, handle };
      if (parameter >= 0) return [{ ...base, category: parameter }];
      return isInTransaction(handle, call) ? [] : [{ ...base, category: 'free' }];
    }
    return [];
  };

  const getCallEvents = (call: TSESTree.CallExpression, fn: FunctionNode): WriteEvent[] => {
    // Seeding and migrating are idempotent setup steps, atomic (or not) on their own terms.
    if (SETUP_STEP.test(getCalleeName(call) ?? '')) return [];
    const local = writerNames.has(getCalleeName(call) ?? '') ? getLocalCallee(call, model) : undefined;
    // The callee first: its summary says which arguments matter, so only those are looked at
    // (with types, looking at an argument asks the checker, which is what costs).
    const mayTakeHandle = (): boolean =>
      call.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && model.getSyntacticHandle(argument) !== undefined);
    const called = local === undefined ? (resolveCallee !== undefined && mayTakeHandle() ? resolveCallee(call) : undefined) : { callee: local, analyzer };
    if (called === undefined) return guessCallEvents(call, fn);
    if (called.callee === fn || model.getCallbackTransaction(called.callee) !== undefined) return [];
    const summary = called.analyzer.getSummary(called.callee);
    const found: WriteEvent[] = [];
    const base = { node: call, kind: 'call' as const, callee: called.callee };
    if (summary.free > 0) found.push({ ...base, category: 'free', weight: summary.free, countedByCallee: true });
    if (summary.transactions > 0) found.push({ ...base, category: 'transaction', weight: summary.transactions, countedByCallee: true });
    summary.parameters.forEach((weight, index) => {
      if (weight <= 0) return;
      const countedByCallee = isDatabaseParameter(called.callee.params[index], called.analyzer.model);
      const argument = call.arguments[index];
      if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) {
        found.push({ ...base, category: 'free', weight, countedByCallee });
        return;
      }
      const handle = model.getHandle(argument);
      const parameter = handle === undefined ? -1 : getParameterIndex(handle, fn);
      if (parameter >= 0) found.push({ ...base, category: parameter, weight, handle, countedByCallee });
      else if (handle === undefined || !isInTransaction(handle, call)) {
        found.push({ ...base, category: 'free', weight, countedByCallee, ...(handle && { handle }) });
      }
    });
    return found;
  };

  const getEvents = (fn: FunctionNode): readonly WriteEvent[] => {
    const cached = events.get(fn);
    if (cached !== undefined) return cached;
    const found: WriteEvent[] = [];
    const batched: TSESTree.Node[] = [];
    for (const node of owned.get(fn) ?? []) {
      // Detached work and failure records before a `throw` commit on their own, by design.
      if (isDetachedCall(node, fn) || isFollowedByThrow(node, fn)) continue;
      const transaction = model.getTransaction(node);
      if (transaction !== undefined) {
        const ranges = transaction.batch === undefined ? [] : getBatchedRanges(transaction.batch, model);
        batched.push(...ranges);
        if (hasWrites(transaction, ranges)) {
          found.push({ node, kind: 'transaction', category: 'transaction', weight: 1, transaction, handle: transaction.handle });
        }
        continue;
      }
      const control = model.getTransactionControl(node);
      if (control !== undefined) {
        if (control.action === 'begin') found.push({ node, kind: 'transaction', category: 'transaction', weight: 1, transaction: control, handle: control.handle });
        continue;
      }
      const query = model.getQuery(node);
      if (query !== undefined) {
        if (query.operation !== 'write') continue;
        const parameter = getParameterIndex(query.handle, fn);
        if (parameter >= 0) found.push({ node, kind: 'write', category: parameter, weight: 1, query, handle: query.handle });
        else if (!isInTransaction(query.handle, node)) found.push({ node, kind: 'write', category: 'free', weight: 1, query, handle: query.handle });
        continue;
      }
      if (node.type === AST_NODE_TYPES.CallExpression && depth < MAX_SUMMARY_DEPTH) found.push(...getCallEvents(node, fn));
    }
    const result = found.filter((event) => event.kind === 'transaction' || !batched.some((range) => contains(range, event.node)));
    events.set(fn, result);
    return result;
  };

  const measure = (fn: FunctionNode, list: readonly WriteEvent[], keep: (event: WriteEvent) => boolean): number => {
    const weights = new Map<TSESTree.Node, number>();
    for (const event of list) if (keep(event)) weights.set(event.node, (weights.get(event.node) ?? 0) + event.weight);
    if (weights.size === 0) return 0;
    return getMaxPathWeight(fn.body, {
      weight: (node) => weights.get(node) ?? 0,
      getInlineKind: getInlineFunctionKind,
      countRepeats: true,
    }).max;
  };

  const getSummary = (fn: FunctionNode): WriteSummary => {
    const cached = summaries.get(fn);
    if (cached !== undefined) return cached;
    if (inProgress.has(fn)) return EMPTY_SUMMARY;
    inProgress.add(fn);
    depth += 1;
    try {
      const list = getEvents(fn);
      const parameters = fn.params.map((_, index) => measure(fn, list, (event) => event.category === index));
      const summary: WriteSummary = {
        parameters,
        free: measure(fn, list, (event) => event.category === 'free'),
        transactions: measure(fn, list, (event) => event.category === 'transaction'),
      };
      summaries.set(fn, summary);
      return summary;
    } finally {
      depth -= 1;
      inProgress.delete(fn);
    }
  };

  const analyzer: WriteAnalyzer = {
    model,
    getFunctions: () => [...owned.keys()],
    getEvents,
    getSummary,
    isInTransaction,
    getParameterIndex,
    isDatabaseParameter: (fn, index) => isDatabaseParameter(fn.params[index], model) && !isTransactionOnlyParameter(fn, index, model, isInTransaction),
  };
  return analyzer;
}
