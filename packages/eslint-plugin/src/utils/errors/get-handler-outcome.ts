import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName, getStaticName } from '../ast/get-static-name.js';
import { isFunctionNode } from '../ast/is-function-node.js';
import { isImpliedByBranch } from '../ast/is-implied-by-branch.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { visitDescendants } from '../ast/visit-descendants.js';
import { getExitStates, type PathTransfer } from '../code-path/get-exit-states.js';
import { getLogCallLevel } from '../logging/get-log-call-level.js';
import { type CarryingOptions, isCarryingValue } from '../taint/is-carrying-value.js';
import { type CaughtErrorReferences, getCaughtErrorReferences, isReference } from './get-caught-error-references.js';
import { getErrorTestFact, isErrorSubject } from './get-error-test-fact.js';

/** An error handler: a `catch` clause, or a `.catch(cb)` / `.then(_, cb)` callback. */
export interface ErrorHandler {
  /** The `CatchClause` or the callback function (it declares `binding`). */
  node: TSESTree.CatchClause | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  body: TSESTree.BlockStatement | TSESTree.Expression;
  binding: TSESTree.Node | null;
  /** Inside a loop, `lastError = e` is a retry that hides each failed attempt, not a hand-over. */
  inLoop: boolean;
}

/** What the paths through a handler do with the caught error. */
export interface HandlerOutcome {
  references: CaughtErrorReferences;
  /** Some path leaves the handler (falls through, returns, breaks, continues) with no trace of the error. */
  swallowed: boolean;
  /** Reporter calls without the error object on paths that leave with nothing better. */
  reportsWithoutError: TSESTree.CallExpression[];
}

/** Recognises the calls that report an error: options-driven (`*.error`, `reportError`, …). */
export type ReporterMatcher = (call: TSESTree.CallExpression) => boolean;

const HANDLED = -1;
const LAST_WEAK_BIT = 30;
// Calls that end the request or process as loudly as a throw (Next.js helpers throw internally).
const TERMINATORS = new Set(['notFound', 'redirect', 'permanentRedirect', 'unauthorized', 'forbidden']);
const PREDICATE = /^(?:is|has|can|should|includes|startsWith|endsWith|test|match|matches|some|every|indexOf|lastIndexOf|search|get)(?:[A-Z_\d]|$)/u;
const STRINGIFIERS = new Set(['String', 'JSON.stringify', 'encodeURIComponent', 'encodeURI']);

function getCalleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipExpressionWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : getStaticName(callee);
}

function isTerminator(call: TSESTree.CallExpression): boolean {
  const name = getStaticName(call.callee);
  if (name === 'process.exit') {
    const [code] = call.arguments;
    return !(code?.type === AST_NODE_TYPES.Literal && code.value === 0);
  }
  return name !== undefined && TERMINATORS.has(name);
}

function isTestExpression(node: TSESTree.Expression): boolean {
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator !== '-' && node.operator !== '+';
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    return /^(?:[=!]==?|[<>]=?|instanceof|in)$/u.test(node.operator);
  }
  return node.type === AST_NODE_TYPES.LogicalExpression && isTestExpression(node.left) && isTestExpression(node.right);
}

/**
 * Classifies calls for error handling: which report the error, which only log below warning
 * level or test it (and so pass nothing on), and which turn it into text.
 *
 * @param isReporter - the configured reporters
 * @example
 * const calls = createCallClassifier((call) => isReporterCallee(call.callee));
 */
export function createCallClassifier(isReporter: ReporterMatcher): {
  isReporting: (call: TSESTree.CallExpression) => boolean;
  carrying: (references: CaughtErrorReferences, derived: boolean) => CarryingOptions;
} {
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
    return (name !== undefined && STRINGIFIERS.has(name)) || getCalleeName(call) === 'toString';
  };
  return {
    isReporting,
    carrying: (references, derived) => ({
      isSource: (node) => (derived ? isReference(references, node) : references.values.has(node)),
      derived,
      isOpaqueCall: (call) => isOpaque(call) || (!derived && isStringifying(call)),
      isStringifyingCall: isStringifying,
      isCarryingMember: (member) => getPropertyName(member) === 'stack',
    }),
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
 * @param isReporter - the configured reporters
 * @example
 * const outcome = getHandlerOutcome(context.sourceCode, handler, isReporter);
 * if (outcome.swallowed) context.report(…);
 */
export function getHandlerOutcome(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handler: ErrorHandler,
  isReporter: ReporterMatcher,
): HandlerOutcome {
  const calls = createCallClassifier(isReporter);
  const references = getCaughtErrorReferences(sourceCode, handler.binding, handler.node, handler.body, {
    isCarryingError: (node, current) => isCarryingValue(node, calls.carrying(current, false)),
    isErrorTest: (node, current) => isImpliedByBranch(node, true, (atom) => getErrorTestFact(atom, current)),
  });
  const valueMode = calls.carrying(references, false);
  const derivedMode = calls.carrying(references, true);
  const weakCalls: TSESTree.CallExpression[] = [];
  const effects = new Map<TSESTree.Node, number>();

  const getEffect = (root: TSESTree.Node): number => {
    const cached = effects.get(root);
    if (cached !== undefined) return cached;
    let effect = 0;
    const scan = (start: TSESTree.Node, nested: boolean): void => {
      visitDescendants(start, sourceCode.visitorKeys, (node) => {
        if (effect === HANDLED) return false;
        if (isFunctionNode(node)) return node === start;
        if (node.type === AST_NODE_TYPES.CallExpression) {
          if (isTerminator(node)) effect = HANDLED;
          else if (calls.isReporting(node)) {
            if (node.arguments.some((argument) => isCarryingValue(argument, valueMode))) effect = HANDLED;
            else if (!nested) {
              effect |= 1 << Math.min(weakCalls.length, LAST_WEAK_BIT);
              weakCalls.push(node);
            }
          } else if (
            !valueMode.isOpaqueCall?.(node) &&
            node.arguments.some((argument) => isCarryingValue(argument, derivedMode))
          ) {
            effect = HANDLED;
          }
        } else if (node.type === AST_NODE_TYPES.AssignmentExpression) {
          const plainVariable = node.left.type === AST_NODE_TYPES.Identifier;
          if (getStaticName(node.left) === 'process.exitCode') effect = HANDLED;
          else if (!(plainVariable && handler.inLoop) && isCarryingValue(node.right, derivedMode)) effect = HANDLED;
        } else if (node.type === AST_NODE_TYPES.YieldExpression && node.argument) {
          if (isCarryingValue(node.argument, derivedMode)) effect = HANDLED;
        }
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
          for (const argument of node.arguments) if (isFunctionNode(argument)) scan(argument.body, true);
        }
        return true;
      });
    };
    scan(root, false);
    effects.set(root, effect);
    return effect;
  };

  const isGuarded = (test: TSESTree.Expression, outcome: boolean): boolean =>
    isImpliedByBranch(test, outcome, (atom) => getErrorTestFact(atom, references));

  const isPropagating = (raw: TSESTree.Expression): boolean => {
    const node = skipExpressionWrappers(raw);
    if (node.type === AST_NODE_TYPES.AwaitExpression) return isPropagating(node.argument);
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      return (
        (isGuarded(node.test, true) || isPropagating(node.consequent)) &&
        (isGuarded(node.test, false) || isPropagating(node.alternate))
      );
    }
    return !isTestExpression(node) && isCarryingValue(node, derivedMode);
  };

  const transfer: PathTransfer = {
    evaluate: (node, state) => {
      if (state === HANDLED) return HANDLED;
      const effect = getEffect(node);
      return effect === HANDLED ? HANDLED : state | effect;
    },
    branch: (test, outcome, state) => (state === HANDLED || isGuarded(test, outcome) ? HANDLED : state),
    enterCase: (discriminant, test, state) => {
      if (state === HANDLED || test === null) return state;
      if (isErrorSubject(discriminant, references)) return HANDLED;
      const isSwitchTrue = discriminant.type === AST_NODE_TYPES.Literal && discriminant.value === true;
      return isSwitchTrue && isGuarded(test, true) ? HANDLED : state;
    },
    leaveByReturn: (argument, state) =>
      state === HANDLED || (argument !== null && isPropagating(argument)) ? HANDLED : state,
    leaveByThrow: () => HANDLED,
  };

  let weakMask = 0;
  let swallowed = false;
  for (const state of getExitStates(handler.body, 0, transfer)) {
    if (state === 0) swallowed = true;
    else if (state !== HANDLED) weakMask |= state;
  }
  const reportsWithoutError = weakCalls.filter(
    (_, index) => (weakMask & (1 << Math.min(index, LAST_WEAK_BIT))) !== 0,
  );
  return { references, swallowed, reportsWithoutError };
}
