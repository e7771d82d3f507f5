import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName, getStaticName } from '../ast/get-static-name.js';
import { isFunctionNode } from '../ast/is-function-node.js';
import { isImpliedByBranch } from '../ast/is-implied-by-branch.js';
import { isInLoop } from '../ast/is-in-loop.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import type { NodeIndex } from '../ast/create-node-index.js';
import { getExitStates, type PathTransfer } from '../code-path/get-exit-states.js';
import { getLogCallLevel } from '../logging/get-log-call-level.js';
import { type CarryingOptions, isCarryingValue } from '../taint/is-carrying-value.js';
import { type CaughtErrorReferences, getCaughtErrorReferences, isReference } from './get-caught-error-references.js';
import { getErrorTestFact, isErrorSubject } from './get-error-test-fact.js';
import { isHandledUpFront } from './is-handled-up-front.js';
import { isTerminatorCall } from './is-terminator-call.js';

/** An error handler: a `catch` clause, or a `.catch(cb)` / `.then(_, cb)` callback. */
export interface ErrorHandler {
  /** The `CatchClause` or the callback function (it declares `binding`). */
  node: TSESTree.CatchClause | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  body: TSESTree.BlockStatement | TSESTree.Expression;
  binding: TSESTree.Node | null;
}

/** What the paths through a handler do with the caught error. */
export interface HandlerOutcome {
  references: CaughtErrorReferences;
  /** Some path leaves the handler (falls through, returns, breaks, continues) with no trace of the error. */
  swallowed: boolean;
  /**
   * Reporter calls without the error object on paths that leave without the error itself going on
   * (rethrown, returned, handed to `next`): only a log line without a stack remains.
   */
  reportsWithoutError: TSESTree.CallExpression[];
}

/** Recognises the calls that report an error: options-driven (`*.error`, `reportError`, …). */
export type ReporterMatcher = (call: TSESTree.CallExpression) => boolean;

/** How calls in a handler treat the caught error (see `createCallClassifier`). */
export interface CallClassifier {
  /** Reports at warning level or above (the configured reporters, `logger.log('error', …)`). */
  isReporting: (call: TSESTree.CallExpression) => boolean;
  /** What carries the error: the value itself (`derived` false) or anything computed from it. */
  carrying: (references: CaughtErrorReferences, derived: boolean) => CarryingOptions;
  /**
   * What carries the error itself, known by the binding's name: exact where nothing can shadow it,
   * as in the handler body's own statements (`isCarryingValue` does not enter functions).
   */
  carryingName: (name: string) => CarryingOptions;
}

// Path states, as bits: reported without the error object (WEAK), passed on only as data taken
// from it (DERIVED, `res.json({ error: e.message })`); HANDLED absorbs both.
const NONE = 0;
const WEAK = 1;
const DERIVED = 2;
const HANDLED = 4;

/** How far something passes the caught error on. */
type Carried = 'none' | 'derived' | 'value';
const CARRIED_ORDER: readonly Carried[] = ['none', 'derived', 'value'];
const max = (a: Carried, b: Carried): Carried => (CARRIED_ORDER.indexOf(a) >= CARRIED_ORDER.indexOf(b) ? a : b);
const min = (a: Carried, b: Carried): Carried => (CARRIED_ORDER.indexOf(a) <= CARRIED_ORDER.indexOf(b) ? a : b);

/** What evaluating a node does to a path: handle the error, pass on data from it, or report it without it. */
interface Effect {
  handled: boolean;
  derived: boolean;
  weak: TSESTree.CallExpression[];
}
// Calls answering a yes/no question about their arguments: they pass nothing on.
const PREDICATE = /^(?:is|has|can|should|includes|startsWith|endsWith|test|match|matches|some|every)(?:[A-Z_\d]|$)/u;
// Calls reading something out of their arguments: data taken from the error, not the error.
const GETTER = /^(?:get|extract|indexOf|lastIndexOf|search|find|format|parse)(?:[A-Z_\d]|$)/u;
// `toErrorMessage(e)`, `errorMessage(e)`: the error's text (not `postMessage(e)`, nor a UI setter such as `setErrorMessage`).
const MESSAGE_GETTER = /^(?:to\w*|error)Message$/u;
const STRINGIFIERS = new Set(['String', 'JSON.stringify', 'encodeURIComponent', 'encodeURI']);

function getCalleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : getStaticName(callee);
}

/** Whether an expression is a yes/no question (`a === b`, `!x`, `isNotFound(e)`), not data. */
function isBooleanShaped(raw: TSESTree.Expression): boolean {
  const node = skipExpressionWrappers(raw);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const name = getCalleeName(node);
    return name !== undefined && PREDICATE.test(name);
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression) return isBooleanShaped(node.left) && isBooleanShaped(node.right);
  return isTestExpression(node);
}

function isTestExpression(node: TSESTree.Expression): boolean {
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator !== '-' && node.operator !== '+';
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    return /^(?:[=!]==?|[<>]=?|instanceof|in)$/u.test(node.operator);
  }
  return node.type === AST_NODE_TYPES.LogicalExpression && isTestExpression(node.left) && isTestExpression(node.right);
}

/**
 * How code at `node` runs relative to `root`, a region of a handler: directly, inside a callback
 * passed to a call (`setTimeout(() => log(e))`, `new Promise((_, reject) => reject(e))` — counts
 * for reporting and passing on), or inside some other function (opaque: it may never run).
 *
 * @param node - a node inside `root`
 * @param root - the region the handler analysis evaluates
 * @example
 * if (getReach(call, statement) === 'direct') countThrow(call);
 */
export function getReach(node: TSESTree.Node, root: TSESTree.Node): 'direct' | 'callback' | 'opaque' {
  let reach: 'direct' | 'callback' = 'direct';
  if (node === root) return reach;
  for (let current = node.parent; current && current !== root; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const { parent } = current;
    const isArgument =
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      (parent.arguments as readonly TSESTree.Node[]).includes(current);
    if (!isArgument) return 'opaque';
    reach = 'callback';
  }
  return reach;
}

/** Inside a `catch` nested in the handler, a reporting call is about that catch's own error. */
function isInNestedCatch(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/**
 * Classifies calls for error handling: which report the error, which only log below warning
 * level or test it (and so pass nothing on), and which turn it into text.
 *
 * @param isReporter - the configured reporters
 * @example
 * const calls = createCallClassifier((call) => isReporterCallee(call.callee));
 */
export function createCallClassifier(isReporter: ReporterMatcher): CallClassifier {
  const isReporting = (call: TSESTree.CallExpression): boolean => {
    if (isReporter(call)) return true;
    const level = getLogCallLevel(call);
    return getCalleeName(call) === 'log' && (level === 'error' || level === 'warn' || level === 'fatal');
  };
  const isOpaque = (call: TSESTree.CallExpression | TSESTree.NewExpression): boolean => {
    if (call.type === AST_NODE_TYPES.NewExpression) return false;
    if (isReporting(call)) return true;
    const level = getLogCallLevel(call);
    if (level === 'info' || level === 'debug') return true;
    const name = getCalleeName(call);
    return name !== undefined && PREDICATE.test(name);
  };
  const isStringifying = (call: TSESTree.CallExpression | TSESTree.NewExpression): boolean => {
    const name = getStaticName(call.callee);
    if (name !== undefined && STRINGIFIERS.has(name)) return true;
    const calleeName = getCalleeName(call);
    return (
      calleeName !== undefined &&
      (calleeName === 'toString' || GETTER.test(calleeName) || MESSAGE_GETTER.test(calleeName))
    );
  };
  const carryingFrom = (isSource: (node: TSESTree.Identifier) => boolean, derived: boolean): CarryingOptions => ({
    isSource,
    derived,
    isOpaqueCall: (call) => isOpaque(call) || (!derived && isStringifying(call)),
    isStringifyingCall: isStringifying,
    isCarryingMember: (member) => getPropertyName(member) === 'stack',
  });
  return {
    isReporting,
    carrying: (references, derived) =>
      carryingFrom(derived ? (node) => isReference(references, node) : (node) => references.values.has(node), derived),
    carryingName: (name) => carryingFrom((node) => node.name === name, false),
  };
}

/**
 * Follows every path through an error handler and tells whether one leaves without throwing,
 * passing the error on (returning it or a value built from it, handing it to a call such as
 * `next(e)`, `reject(e)`, `errors.push(e)`), reporting it with the error object, or having
 * tested for a specific expected error. Logging below warning level (`console.log`,
 * `logger.info`) passes nothing on. Code in nested callbacks counts for reporting and passing on,
 * never for throwing.
 *
 * @param sourceCode - the rule context's source code
 * @param handler - the handler to analyse
 * @param calls - the call classifier built from the configured reporters
 * @param index - the calls, assignments, `yield`s and variable declarators recorded inside the handler
 * @example
 * const outcome = getHandlerOutcome(context.sourceCode, handler, createCallClassifier(isReporter), index);
 * if (outcome.swallowed) context.report(…);
 */
export function getHandlerOutcome(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handler: ErrorHandler,
  calls: CallClassifier,
  index: NodeIndex,
): HandlerOutcome {
  const declarators = index
    .within(handler.body)
    .filter(
      (node): node is TSESTree.VariableDeclarator =>
        node.type === AST_NODE_TYPES.VariableDeclarator && getReach(node, handler.body) === 'direct',
    );
  const references = getCaughtErrorReferences(sourceCode, handler.binding, handler.node, declarators, {
    isCarryingError: (node, current) => isCarryingValue(node, calls.carrying(current, false)),
    isErrorTest: (node, current) =>
      isBooleanShaped(node) && isImpliedByBranch(node, true, (atom) => getErrorTestFact(atom, current)),
  });
  const valueMode = calls.carrying(references, false);
  if (isHandledUpFront(handler.body, calls.isReporting, () => valueMode)) return { references, swallowed: false, reportsWithoutError: [] };
  const derivedMode = calls.carrying(references, true);
  const weakCalls: TSESTree.CallExpression[] = [];
  const effects = new Map<TSESTree.Node, Effect>();

  /** How far an expression passes the error on: the error itself, only data taken from it, or nothing. */
  const getCarried = (node: TSESTree.Node): Carried => {
    if (isCarryingValue(node, valueMode)) return 'value';
    return isCarryingValue(node, derivedMode) ? 'derived' : 'none';
  };

  /** What one recorded node does: report, pass on, or end the process. */
  const apply = (effect: Effect, node: TSESTree.Node, nested: boolean): void => {
    let carried: Carried = 'none';
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (isTerminatorCall(node)) carried = 'value';
      else if (calls.isReporting(node)) {
        if (node.arguments.some((argument) => isCarryingValue(argument, valueMode))) carried = 'value';
        else if (!nested && !isInNestedCatch(node, handler.body)) effect.weak.push(node);
      } else if (valueMode.isOpaqueCall?.(node) !== true) {
        carried = node.arguments.reduce<Carried>((best, argument) => max(best, getCarried(argument)), 'none');
      }
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      // In a retry loop `lastError = e` hides each failed attempt until the last.
      const isRetryVariable =
        node.left.type === AST_NODE_TYPES.Identifier &&
        handler.node.type === AST_NODE_TYPES.CatchClause &&
        isInLoop(handler.node.parent);
      if (getStaticName(node.left) === 'process.exitCode') carried = 'value';
      else if (!isRetryVariable) carried = getCarried(node.right);
    } else if (node.type === AST_NODE_TYPES.YieldExpression && node.argument) {
      carried = getCarried(node.argument);
    }
    if (carried === 'value') effect.handled = true;
    else if (carried === 'derived') effect.derived = true;
  };

  const getEffect = (root: TSESTree.Node): Effect => {
    const cached = effects.get(root);
    if (cached) return cached;
    const effect: Effect = { handled: false, derived: false, weak: [] };
    for (const node of index.within(root)) {
      const reach = getReach(node, root);
      if (reach !== 'opaque') apply(effect, node, reach === 'callback');
      if (effect.handled) break;
    }
    for (const call of effect.weak) if (!weakCalls.includes(call)) weakCalls.push(call);
    effects.set(root, effect);
    return effect;
  };

  const isGuarded = (test: TSESTree.Expression, outcome: boolean): boolean =>
    isImpliedByBranch(test, outcome, (atom) => getErrorTestFact(atom, references));

  /** What a returned expression passes on; each branch of `?:` may instead be guarded by an error test. */
  const getReturned = (raw: TSESTree.Expression): Carried => {
    const node = skipExpressionWrappers(raw);
    if (node.type === AST_NODE_TYPES.AwaitExpression) return getReturned(node.argument);
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      const consequent = isGuarded(node.test, true) ? 'value' : getReturned(node.consequent);
      const alternate = isGuarded(node.test, false) ? 'value' : getReturned(node.alternate);
      return min(consequent, alternate);
    }
    return isTestExpression(node) ? 'none' : getCarried(node);
  };

  // Which reporter calls without the error count as "weak" reporting in this pass: all of them
  // first; then, if some path leaves with nothing better, each alone to tell which to report.
  let countsAsWeak: (call: TSESTree.CallExpression) => boolean = () => true;
  const transfer: PathTransfer = {
    evaluate: (node, state) => {
      if (state === HANDLED) return HANDLED;
      const effect = getEffect(node);
      if (effect.handled) return HANDLED;
      return state | (effect.derived ? DERIVED : 0) | (effect.weak.some((call) => countsAsWeak(call)) ? WEAK : 0);
    },
    branch: (test, outcome, state) => (state === HANDLED || isGuarded(test, outcome) ? HANDLED : state),
    enterCase: (discriminant, test, state) => {
      if (state === HANDLED || test === null) return state;
      if (isErrorSubject(discriminant, references)) return HANDLED;
      const isSwitchTrue = discriminant.type === AST_NODE_TYPES.Literal && discriminant.value === true;
      return isSwitchTrue && isGuarded(test, true) ? HANDLED : state;
    },
    leaveByReturn: (argument, state) => {
      if (state === HANDLED || argument === null) return state;
      const returned = getReturned(argument);
      if (returned === 'value') return HANDLED;
      return returned === 'derived' ? state | DERIVED : state;
    },
    leaveByThrow: () => HANDLED,
  };

  const hasWeakExit = (exits: number): boolean => (exits & ((1 << WEAK) | (1 << (WEAK | DERIVED)))) !== 0;
  const exits = getExitStates(handler.body, NONE, transfer);
  const swallowed = (exits & (1 << NONE)) !== 0;
  const reportsWithoutError = hasWeakExit(exits)
    ? weakCalls.filter((weakCall) => {
        countsAsWeak = (call) => call === weakCall;
        return hasWeakExit(getExitStates(handler.body, NONE, transfer));
      })
    : [];
  return { references, swallowed, reportsWithoutError };
}
