import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';
import { getConventionalInlineKind, getMaxPathWeight } from '../code-path/get-max-path-weight.js';
import type { DbHandle, DbQuery, DbTransaction, DbTransactionControl } from './create-db-library.js';
import type { DbModel } from './create-db-model.js';
import { getCallChain, getMemberName, unwrapExpression } from './get-call-chain.js';

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

/** Per-function write analysis on top of a file's database model. */
export interface WriteAnalyzer {
  readonly model: DbModel;
  /** The atomicity-relevant events of a function, nested inline callbacks included. */
  getEvents: (fn: FunctionNode) => readonly WriteEvent[];
  /** What calling `fn` does, for callers that pass it handles. */
  getSummary: (fn: FunctionNode) => WriteSummary;
  /** Whether a write through `handle` at `node` already runs in a transaction. */
  isInTransaction: (handle: DbHandle, node: TSESTree.Node) => boolean;
  /** Which parameter of `fn` a handle comes from, or -1. */
  getParameterIndex: (handle: DbHandle, fn: FunctionNode) => number;
}

const { DefinitionType } = TSESLint.Scope;
const EMPTY_SUMMARY: WriteSummary = { parameters: [], free: 0, transactions: 0 };
// Functions the analyzer cannot see, named for a write and handed a handle plus data
// (`await insertOrder(db, order)`), are taken to write once through it.
const WRITE_VERB = /^(?:insert|update|upsert|delete|remove|save|create|decrement|increment|destroy|persist|record|debit|credit)(?:[A-Z_\d]|$)/u;
const MAX_SUMMARY_DEPTH = 8;

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'type', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

/** Calls and tagged templates in a function, not inside functions that run on their own. */
function collectCalls(fn: FunctionNode): (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] {
  const calls: (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node !== fn && (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression)) {
      if (getConventionalInlineKind(node) === 'separate') return;
    }
    if (node !== fn && (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression)) {
      return;
    }
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) calls.push(node);
    for (const key of Object.keys(node)) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(fn.body);
  return calls;
}

/** The expressions a batch transaction runs: array elements, and what was pushed into a batch variable. */
function getBatchedRanges(batch: TSESTree.Expression, model: DbModel): TSESTree.Node[] {
  const ranges: TSESTree.Node[] = [];
  const add = (node: TSESTree.Node): void => {
    const expression = node.type === AST_NODE_TYPES.SpreadElement ? node.argument : node;
    const unwrapped = unwrapExpression(expression as TSESTree.Expression);
    ranges.push(unwrapped);
    if (unwrapped.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of unwrapped.elements) if (element !== null) add(element);
    }
    if (unwrapped.type !== AST_NODE_TYPES.Identifier) return;
    const variable = model.findVariable(unwrapped);
    for (const reference of variable?.references ?? []) {
      const { parent } = reference.identifier;
      if (reference.writeExpr) ranges.push(reference.writeExpr);
      // ops.push(prisma.user.update(…))
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && parent.parent.type === AST_NODE_TYPES.CallExpression) {
        ranges.push(parent.parent);
      }
    }
  };
  add(batch);
  return ranges;
}

/**
 * Creates the per-function write analysis behind `require-transaction` (and the audit's
 * cross-file check): which writes, calls of writing functions and transactions a function
 * contains, and summaries that say how many writes a call performs through the handles passed
 * to it. Summaries follow calls of functions declared in the same file, and further through
 * `resolveCallee` when given (type information, other files).
 *
 * @param model - the file's database model
 * @param controls - every `BEGIN`/`COMMIT`/`ROLLBACK` statement of the file, in source order
 * @param resolveCallee - finds functions declared elsewhere (optional)
 * @example
 * const analyzer = createWriteAnalyzer(model, controls);
 * const summary = analyzer.getSummary(fn); // { parameters: [2], free: 0, transactions: 0 }
 */
export function createWriteAnalyzer(
  model: DbModel,
  controls: readonly DbTransactionControl[],
  resolveCallee?: CalleeResolver,
): WriteAnalyzer {
  const events = new WeakMap<FunctionNode, readonly WriteEvent[]>();
  const summaries = new WeakMap<FunctionNode, WriteSummary>();
  const inProgress = new Set<FunctionNode>();
  let depth = 0;

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

  const getCalled = (call: TSESTree.CallExpression): { callee: FunctionNode; analyzer: WriteAnalyzer } | undefined => {
    const callee = unwrapExpression(call.callee);
    let found: TSESTree.Node | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const definition = model.findVariable(callee)?.defs[0];
      if (definition?.type === DefinitionType.FunctionName && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) found = definition.node;
      if (definition?.type === DefinitionType.Variable && definition.node.init !== null) found = unwrapExpression(definition.node.init);
    } else if (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = getMemberName(callee);
      let body: TSESTree.Node | undefined = callee.parent;
      while (body !== undefined && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
      for (const member of body?.type === AST_NODE_TYPES.ClassBody ? body.body : []) {
        if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && !member.computed) {
          if (member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name && member.value !== null) found = member.value;
        }
      }
    }
    if (
      found !== undefined &&
      (found.type === AST_NODE_TYPES.FunctionDeclaration ||
        found.type === AST_NODE_TYPES.FunctionExpression ||
        found.type === AST_NODE_TYPES.ArrowFunctionExpression)
    ) {
      return { callee: found, analyzer };
    }
    return resolveCallee?.(call);
  };

  /** One write for an awaited call of an unknown function named for a write and given a handle. */
  const guessCallEvents = (call: TSESTree.CallExpression, fn: FunctionNode): WriteEvent[] => {
    let consumer: TSESTree.Node = call.parent;
    while (consumer.type === AST_NODE_TYPES.ChainExpression || consumer.type === AST_NODE_TYPES.TSNonNullExpression) consumer = consumer.parent;
    if (consumer.type !== AST_NODE_TYPES.AwaitExpression || call.arguments.length < 2) return [];
    const callee = unwrapExpression(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
    if (name === undefined || !WRITE_VERB.test(name)) return [];
    if (callee.type === AST_NODE_TYPES.MemberExpression && model.getHandle(callee.object) !== undefined) return [];
    for (const argument of call.arguments) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
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
    const called = getCalled(call);
    if (called === undefined) return guessCallEvents(call, fn);
    if (called.callee === fn || model.getCallbackTransaction(called.callee) !== undefined) return [];
    const summary = called.analyzer.getSummary(called.callee);
    const found: WriteEvent[] = [];
    const base = { node: call, kind: 'call' as const, callee: called.callee };
    if (summary.free > 0) found.push({ ...base, category: 'free', weight: summary.free });
    if (summary.transactions > 0) found.push({ ...base, category: 'transaction', weight: summary.transactions });
    summary.parameters.forEach((weight, index) => {
      if (weight <= 0) return;
      const argument = call.arguments[index];
      if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) {
        found.push({ ...base, category: 'free', weight });
        return;
      }
      const handle = model.getHandle(argument);
      const parameter = handle === undefined ? -1 : getParameterIndex(handle, fn);
      if (parameter >= 0) found.push({ ...base, category: parameter, weight, handle });
      else if (handle === undefined || !isInTransaction(handle, call)) found.push({ ...base, category: 'free', weight, ...(handle && { handle }) });
    });
    return found;
  };

  const getEvents = (fn: FunctionNode): readonly WriteEvent[] => {
    const cached = events.get(fn);
    if (cached !== undefined) return cached;
    const found: WriteEvent[] = [];
    const batched: TSESTree.Node[] = [];
    for (const node of collectCalls(fn)) {
      const transaction = model.getTransaction(node);
      if (transaction !== undefined) {
        if (transaction.batch !== undefined) batched.push(...getBatchedRanges(transaction.batch, model));
        found.push({ node, kind: 'transaction', category: 'transaction', weight: 1, transaction, handle: transaction.handle });
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
      getInlineKind: getConventionalInlineKind,
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

  const analyzer: WriteAnalyzer = { model, getEvents, getSummary, isInTransaction, getParameterIndex };
  return analyzer;
}
