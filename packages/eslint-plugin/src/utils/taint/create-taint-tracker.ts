import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import { getLocalFunction } from '../ast/get-local-function.js';
import { getPropertyName, getStaticName } from '../ast/get-static-name.js';
import { isFunctionNode, type FunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { getCallTaint, getCalleeName } from './get-call-taint.js';
import { getMethodTaint } from './get-method-taint.js';

/** Where tainted data enters: a binding (catch parameter, callback parameter) and the function it belongs to. */
export interface TaintSource {
  /** The binding that receives the tainted value; patterns are destructured property by property. */
  binding: TSESTree.Node;
  /** The function (or program) the source belongs to: the scope guards and messages are about. */
  root: TSESTree.Node;
  /** Names the source in messages, e.g. "the caught error `e`". */
  description: string;
}

/** A variable that holds tainted data. */
export interface TaintedVariable {
  variable: TSESLint.Scope.Variable;
  source: TaintSource;
  /** The tainted variable this one was computed from; `undefined` for the source binding itself. */
  parent: TaintedVariable | undefined;
  /** True when this variable holds the very object its parent holds (`const err = e as Error`). */
  alias: boolean;
  /**
   * The properties that hold tainted data when only some do (`report.log.push(e.message)`,
   * `out.reason = e.message`): reads of its other properties are clean. `undefined`: all of it.
   */
  fields?: Set<string>;
}

/** How a tainted value got to where an event happens. */
export interface TaintFlow {
  /** The reference the value was read through. */
  reference: TSESTree.Identifier;
  /** The variable that reference reads. */
  tainted: TaintedVariable;
  /**
   * The outermost expression that carries the tainted value as a whole, inside any object and
   * array literals around it: `e.message` in `{ error: e.message }`, `String(e)`, `` `x ${e}` ``.
   */
  leaf: TSESTree.Node;
  /** Property names from the event's value down to the leaf (`['error']`); `...` for a spread. */
  path: readonly string[];
  /** Whether the user's `isSafeReference` clears the value at its reference; computed on demand. */
  isSafe: () => boolean;
}

/** A tainted value arriving somewhere the tracker cannot judge alone. */
export type TaintEvent =
  | { type: 'argument'; node: TSESTree.CallExpression | TSESTree.NewExpression; index: number | undefined; flow: TaintFlow }
  | { type: 'assignment'; node: TSESTree.AssignmentExpression; flow: TaintFlow }
  | { type: 'return'; node: FunctionNode; flow: TaintFlow };

/** What the tracker needs from its user. */
export interface TaintTrackerOptions {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** Property names whose values are safe to read (`code`, `status`). */
  safeProperties: ReadonlySet<string>;
  /** Callee names (last segment or dotted) whose results are safe whatever they are given. */
  sanitizers: ReadonlySet<string>;
  /**
   * Whether the tainted value is known safe at this reference (guards, types); default: never.
   * Asked lazily: before the value moves into another variable or a helper of the file, and by the
   * user through `flow.isSafe()` for the events it cares about, so references that lead nowhere
   * cost nothing.
   */
  isSafeReference?: (reference: TSESTree.Identifier, tainted: TaintedVariable, known: ReadonlyMap<TSESLint.Scope.Variable, TaintedVariable>) => boolean;
  /**
   * Receives every tainted value that reaches a call or `new` argument, a member assignment or a
   * function's return. Returns true when it consumed the value (a sink, reported or deliberately
   * ignored): the tracker then stops following it. Otherwise the tracker applies its own rules.
   */
  onEvent: (event: TaintEvent) => boolean;
}

/** A taint tracker: follow tainted sources through a function. */
export interface TaintTracker {
  /** Follows one source to every event it reaches. */
  track: (source: TaintSource) => void;
}

// Bounds that keep pathological files fast; real handlers stay far below them.
const MAX_VARIABLES_PER_SOURCE = 200;
const MAX_SUMMARY_DEPTH = 3;

// Callbacks whose return values become the call's result: promise handlers and element mappers.
const RESULT_CALLBACKS = new Set(['then', 'catch', 'map', 'flatMap']);
// Methods that store their argument in the receiver: `results.push({ error: e.message })`.
const STORING_METHODS = new Set(['push', 'unshift', 'set', 'add', 'append']);

interface Run {
  source: TaintSource;
  known: Map<TSESLint.Scope.Variable, TaintedVariable>;
  queue: TaintedVariable[];
  /** The function being summarised (does it return its tainted parameter?), if any. */
  summary: { fn: FunctionNode; returns: boolean } | undefined;
  depth: number;
  /** Events already emitted, by node and leaf: a value can arrive twice (`e.errors.map((x) => x.message)`). */
  emitted: Set<string>;
}

interface Walk {
  node: TSESTree.Node;
  leaf: TSESTree.Node;
  path: string[];
  /** Still the very object the reference holds (only wrappers and `await` so far). */
  alias: boolean;
}

/**
 * Creates an intraprocedural taint tracker. From a source binding it follows every read of the
 * tainted variables, upwards through the expressions that carry the
 * value on: member reads (except safe properties), `String(x)`, `x.toString()`, `JSON.stringify`,
 * `util.inspect`, templates, `+`, object and array literals and spreads, `??`/`||`, ternaries,
 * `await`, TypeScript wrappers, string and array methods, and into new variables through
 * declarations, destructuring, assignments, `for…of` and storing methods (`list.push(x)`), and out
 * of promise and `map` callbacks through what they return. Calls of functions declared in the same
 * file are summarised (does the callee leak or return its argument?); other calls stop the taint
 * unless their name says they format or serialise (`getErrorMessage`, `serializeError`).
 * Comparisons, `typeof`, `instanceof`, `.length` and predicates such as `.includes()` stop it.
 *
 * @param options - safe properties, sanitizers, guards and the event sink
 * @example
 * const tracker = createTaintTracker({ sourceCode, safeProperties, sanitizers, onEvent: (event) => isSink(event) });
 * tracker.track({ binding: catchClause.param, root: fn, description: 'the caught error `e`' });
 */
export function createTaintTracker(options: TaintTrackerOptions): TaintTracker {
  const { sourceCode, safeProperties, sanitizers } = options;
  const summaries = new Map<FunctionNode, Map<number, boolean>>();

  /** Hands an event to the user once per node and leaf; a repeated arrival stops there. */
  function emit(run: Run, event: TaintEvent): boolean {
    const key = `${String(event.node.range[0])}:${String(event.flow.leaf.range[0])}:${String(event.flow.leaf.range[1])}`;
    if (run.emitted.has(key)) return true;
    run.emitted.add(key);
    return options.onEvent(event);
  }

  function addVariable(run: Run, variable: TSESLint.Scope.Variable | null, parent: TaintedVariable | undefined, alias: boolean, field?: string): void {
    if (variable === null) return;
    const known = run.known.get(variable);
    if (known !== undefined) {
      // Tainted in one property so far: a new property or the whole value widens it, and its reads are followed again.
      if (known.fields === undefined || (field !== undefined && known.fields.has(field))) return;
      if (field === undefined) delete known.fields;
      else known.fields.add(field);
      run.queue.push(known);
      return;
    }
    if (run.known.size >= MAX_VARIABLES_PER_SOURCE) return;
    const tainted: TaintedVariable = { variable, source: run.source, parent, alias, ...(field === undefined ? {} : { fields: new Set([field]) }) };
    run.known.set(variable, tainted);
    run.queue.push(tainted);
  }

  function bind(run: Run, pattern: TSESTree.Node, parent: TaintedVariable | undefined, alias: boolean): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier:
        addVariable(run, ASTUtils.findVariable(sourceCode.getScope(pattern), pattern), parent, alias);
        return;
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) {
            bind(run, property.argument, parent, false);
            continue;
          }
          const name = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
          if (name !== undefined && (safeProperties.has(name) || name === 'length')) continue;
          bind(run, property.value, parent, false);
        }
        return;
      case AST_NODE_TYPES.ArrayPattern:
        for (const element of pattern.elements) if (element !== null) bind(run, element, parent, false);
        return;
      case AST_NODE_TYPES.AssignmentPattern:
        bind(run, pattern.left, parent, alias);
        return;
      case AST_NODE_TYPES.RestElement:
        bind(run, pattern.argument, parent, false);
        return;
      case AST_NODE_TYPES.TSParameterProperty:
        bind(run, pattern.parameter, parent, alias);
        return;
      default:
    }
  }

  /**
   * `body.error = e.message` and `report.log.push(e.message)` taint `body` and `report` when they
   * are local variables (not parameters): in the property written to (`error`, `log`) only.
   *
   * @param container - what receives the value: the assigned member, or the object a storing method is called on
   */
  function taintMemberBase(run: Run, container: TSESTree.Expression, parent: TaintedVariable): void {
    let object: TSESTree.Node = container;
    let field: string | undefined;
    while (object.type === AST_NODE_TYPES.MemberExpression) {
      field = object.computed ? undefined : getPropertyName(object);
      object = object.object;
    }
    if (object.type !== AST_NODE_TYPES.Identifier) return;
    const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
    if (variable?.defs.every((definition) => definition.type === TSESLint.Scope.DefinitionType.Variable) === true && variable.defs.length > 0) {
      addVariable(run, variable, parent, false, field);
    }
  }

  function isSanitizer(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const name = getCalleeName(call);
    const callee = skipExpressionWrappers(call.callee);
    const dotted = callee.type === AST_NODE_TYPES.Super ? undefined : getStaticName(callee);
    return (name !== undefined && sanitizers.has(name)) || (dotted !== undefined && sanitizers.has(dotted));
  }

  function summarize(run: Run, fn: FunctionNode, index: number, description: string): boolean {
    const parameter = fn.params[index];
    if (parameter === undefined || run.depth >= MAX_SUMMARY_DEPTH) return false;
    let byIndex = summaries.get(fn);
    if (byIndex === undefined) summaries.set(fn, (byIndex = new Map<number, boolean>()));
    const cached = byIndex.get(index);
    if (cached !== undefined) return cached;
    byIndex.set(index, false); // recursion: assume clean while the callee is being analysed
    const inner: Run = {
      source: { binding: parameter, root: fn, description },
      known: new Map(),
      queue: [],
      summary: { fn, returns: false },
      depth: run.depth + 1,
      emitted: new Set(),
    };
    execute(inner);
    byIndex.set(index, inner.summary?.returns === true);
    return inner.summary?.returns === true;
  }

  /** Taints the first parameter of the callbacks of `tainted.map(cb)`, `tainted.forEach(cb)`, …. */
  function bindCallbackParameters(run: Run, call: TSESTree.CallExpression, parameterIndex: number, tainted: TaintedVariable): void {
    for (const argument of call.arguments) {
      if (isFunctionNode(argument)) {
        const parameter = argument.params[parameterIndex];
        if (parameter !== undefined) bind(run, parameter, tainted, false);
      }
    }
  }

  function follow(run: Run, reference: TSESTree.Identifier, tainted: TaintedVariable): void {
    const walk: Walk = { node: reference, leaf: reference, path: [], alias: true };
    let safe: boolean | undefined;
    const isSafe = (): boolean => (safe ??= options.isSafeReference?.(reference, tainted, run.known) === true);
    const flow = (): TaintFlow => ({ reference, tainted, leaf: walk.leaf, path: [...walk.path], isSafe });
    // Moves the walk to `next`: a container keeps the leaf and records the key, anything else becomes the leaf.
    const advance = (next: TSESTree.Node, container?: string): void => {
      if (container === undefined) {
        walk.leaf = next;
        walk.path = [];
      } else {
        walk.path.unshift(container);
      }
      walk.node = next;
    };

    for (;;) {
      const { node } = walk;
      const parent = node.parent;
      if (parent == null) return;
      switch (parent.type) {
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSInstantiationExpression:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
          if (walk.path.length === 0) advance(parent);
          else walk.node = parent;
          continue;

        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== node) return;
          const name = getPropertyName(parent);
          if (name !== undefined && (safeProperties.has(name) || name === 'length')) return;
          walk.alias = false;
          const call = parent.parent;
          if (call.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
            const method = getMethodTaint(name);
            if (method.callbackParameter !== undefined && !isSafe()) bindCallbackParameters(run, call, method.callbackParameter, tainted);
            if (!method.returnsTaint) return;
            advance(call);
          } else {
            advance(parent);
          }
          continue;
        }

        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression: {
          if (parent.callee === node) return;
          const index = node.type === AST_NODE_TYPES.SpreadElement ? undefined : parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
          if (emit(run, { type: 'argument', node: parent, index, flow: flow() })) return;
          if (isSanitizer(parent)) return;
          const local = parent.type === AST_NODE_TYPES.CallExpression && index !== undefined ? getLocalFunction(parent.callee, sourceCode) : undefined;
          const effect =
            local === undefined
              ? getCallTaint(parent, index, walk.path)
              : !isSafe() && summarize(run, local, index ?? 0, `the error passed to \`${getCalleeName(parent) ?? 'a function'}()\``)
                ? 'propagate'
                : 'stop';
          if (effect === 'stop') {
            if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && STORING_METHODS.has(getPropertyName(parent.callee) ?? '')) {
              if (!isSafe()) taintMemberBase(run, parent.callee.object, tainted);
            }
            return;
          }
          if (effect === 'assign-first' && parent.arguments[0] !== undefined) {
            const target = parent.arguments[0];
            if (target.type === AST_NODE_TYPES.Identifier && !isSafe()) bind(run, target, tainted, false);
          }
          walk.alias = false;
          if (walk.path.length > 0 && isJsonStringify(parent)) {
            // JSON.stringify({ error: e.message }) keeps pointing at the value inside the literal.
            walk.path = [];
            walk.node = parent;
          } else {
            advance(parent);
          }
          continue;
        }

        case AST_NODE_TYPES.SpreadElement:
          walk.alias = false;
          walk.node = parent;
          continue;

        case AST_NODE_TYPES.Property: {
          if (parent.value !== node || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
          const key = parent.computed
            ? '?'
            : parent.key.type === AST_NODE_TYPES.Identifier
              ? parent.key.name
              : String((parent.key as TSESTree.Literal).value);
          walk.alias = false;
          walk.path.unshift(key);
          // Straight to the object literal: it is a container, and the spread case below would add '...'.
          walk.node = parent.parent;
          continue;
        }

        case AST_NODE_TYPES.ObjectExpression:
          // Reached from a spread element inside it.
          walk.path.unshift('...');
          walk.node = parent;
          continue;

        case AST_NODE_TYPES.ArrayExpression:
          walk.alias = false;
          walk.node = parent;
          walk.path.unshift('[]');
          continue;

        case AST_NODE_TYPES.TemplateLiteral:
          walk.alias = false;
          advance(parent);
          continue;

        case AST_NODE_TYPES.BinaryExpression:
          if (parent.operator !== '+') return;
          walk.alias = false;
          advance(parent);
          continue;

        case AST_NODE_TYPES.LogicalExpression:
          if (parent.operator === '&&' && parent.left === node) return;
          // `cond && { error: e.message }` keeps the leaf inside the literal.
          if (walk.path.length === 0) advance(parent);
          else walk.node = parent;
          continue;

        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === node) return;
          if (walk.path.length === 0) advance(parent);
          else walk.node = parent;
          continue;

        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) !== node) return;
          advance(parent);
          continue;

        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === node && !isSafe()) bind(run, parent.id, tainted, walk.alias);
          return;

        case AST_NODE_TYPES.AssignmentExpression: {
          if (parent.right !== node) return;
          if (parent.left.type === AST_NODE_TYPES.MemberExpression) {
            if (emit(run, { type: 'assignment', node: parent, flow: flow() })) return;
            if (!isSafe()) taintMemberBase(run, parent.left, tainted);
            return;
          }
          if (!isSafe()) bind(run, parent.left, tainted, walk.alias && parent.operator === '=');
          return;
        }

        case AST_NODE_TYPES.ReturnStatement: {
          let fn: TSESTree.Node | undefined = parent.parent;
          while (fn != null && !isFunctionNode(fn)) fn = fn.parent;
          if (fn == null) return;
          if (!returnFrom(run, fn, walk, flow)) return;
          continue;
        }

        case AST_NODE_TYPES.ArrowFunctionExpression:
          if (parent.body !== node) return;
          if (!returnFrom(run, parent, walk, flow)) return;
          continue;

        case AST_NODE_TYPES.ForOfStatement: {
          if (parent.right !== node) return;
          const { left } = parent;
          // `for (const x of …)` declares exactly one binding.
          if (!isSafe()) bind(run, left.type === AST_NODE_TYPES.VariableDeclaration ? left.declarations[0].id : left, tainted, false);
          return;
        }

        default:
          return;
      }
    }
  }

  /**
   * A tainted value returned from `fn`: an event first (a handler's return may be a response),
   * then the summary of the function being analysed, then promise callbacks, whose result carries
   * what they return (`const r = await p.catch((e) => ({ error: e.message }))`). Returns whether the
   * walk continues from the walk's (updated) node.
   */
  function returnFrom(run: Run, fn: FunctionNode, walk: Walk, flow: () => TaintFlow): boolean {
    if (emit(run, { type: 'return', node: fn, flow: flow() })) return false;
    if (run.summary?.fn === fn) {
      if (!flow().isSafe()) run.summary.returns = true;
      return false;
    }
    const call = fn.parent;
    if (
      call.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      RESULT_CALLBACKS.has(getPropertyName(call.callee) ?? '')
    ) {
      walk.alias = false;
      walk.node = call;
      walk.leaf = call;
      walk.path = [];
      return true;
    }
    return false;
  }

  function execute(run: Run): void {
    bind(run, run.source.binding, undefined, true);
    // Every read in the variable's scope counts: a value assigned in a callback's catch is read by
    // the function around it.
    for (let tainted = run.queue.shift(); tainted !== undefined; tainted = run.queue.shift()) {
      for (const reference of tainted.variable.references) {
        const { identifier } = reference;
        if (!reference.isRead() || identifier.type !== AST_NODE_TYPES.Identifier || isCleanField(identifier, tainted)) continue;
        follow(run, identifier, tainted);
      }
    }
  }

  return {
    track(source) {
      execute({ source, known: new Map(), queue: [], summary: undefined, depth: 0, emitted: new Set() });
    },
  };
}

/** A read of a property that holds no tainted data: `report.imported` when only `report.log` does. */
function isCleanField(reference: TSESTree.Identifier, tainted: TaintedVariable): boolean {
  const { parent } = reference;
  if (tainted.fields === undefined || parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference || parent.computed) return false;
  const name = getPropertyName(parent);
  return name !== undefined && !tainted.fields.has(name);
}

function isJsonStringify(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const { callee } = node;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON' &&
    getPropertyName(callee) === 'stringify'
  );
}
