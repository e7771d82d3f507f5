import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName, getStaticName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';

/**
 * What a call does with a tainted argument: `propagate` (the result carries it), `assign-first`
 * (`Object.assign(target, tainted)` also taints the target), or `stop`.
 */
export type CallTaint = 'propagate' | 'assign-first' | 'stop';

const PROPAGATORS = new Set([
  'String',
  'JSON.stringify',
  'JSON.parse',
  'util.inspect',
  'inspect',
  'util.format',
  'format',
  'sprintf',
  'Object.entries',
  'Object.values',
  'Object.fromEntries',
  'Object.freeze',
  'Array.from',
  'Array.of',
  'structuredClone',
  'Buffer.from',
  'encodeURIComponent',
  'encodeURI',
  'escape',
  'Promise.resolve',
  'Promise.all',
  'Promise.allSettled',
]);

// Names that announce a formatter or serialiser of their argument…
const FORMATTER_NAME = /message|msg|stringify|inspect|serializ|stack|details?$|tostring|describe/iu;
// …unless they also announce a safe result or a side effect.
const SAFE_NAME = /safe|public|user|client|problem|response|sanitiz|redact|scrub|mask|generic|friendly|display|human|status|code|log|report|capture|track|send|emit|throw|assert/iu;
const PREDICATE_NAME = /^(?:is|has|should|can)[A-Z]/u;
const ERROR_CLASS = /(?:Error|Exception)$/u;

/**
 * The name a call is known by: the last segment of its callee (`inspect` for `util.inspect`),
 * `undefined` when the callee has no static name.
 *
 * @param node - a call or `new` expression
 * @example
 * getCalleeName(parse('logger.child({}).error(e)')); // 'error'
 */
export function getCalleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipExpressionWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(callee);
  return undefined;
}

/**
 * How a call whose argument `index` is tainted treats the taint, judged by the callee's name:
 * `String`, `JSON.stringify`, `util.inspect`, `util.format`, `Object.entries`, `Array.from` and
 * functions named like formatters (`getErrorMessage`, `serializeError`, `formatStack`) propagate it;
 * `new SomethingError(e.message)` wraps it (a `{ cause: e }` option does not); `Object.assign(target, tainted)` propagates into
 * `target`; every other call stops it (logging, reporting, unknown helpers). Sanitizers and calls
 * of functions declared in the file are the caller's business.
 *
 * @param node - the call or `new` expression
 * @param index - the tainted argument's index (`undefined` for a spread)
 * @param path - property names from the argument down to the tainted value (default: the whole argument)
 * @example
 * getCallTaint(parse('String(e)'), 0); // 'propagate'
 */
export function getCallTaint(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number | undefined,
  path: readonly string[] = [],
): CallTaint {
  const name = getCalleeName(node);
  if (name === undefined) return 'stop';
  if (node.type === AST_NODE_TYPES.NewExpression) {
    // new AppError(e.message) carries the text on; new AppError('Failed', { cause: e }) keeps it as a cause only.
    return ERROR_CLASS.test(name) && index === 0 && path[0] !== 'cause' ? 'propagate' : 'stop';
  }
  const dotted = getStaticName(skipExpressionWrappers(node.callee));
  if (dotted === 'Object.assign') return index === 0 ? 'propagate' : 'assign-first';
  if (PROPAGATORS.has(dotted ?? name)) return 'propagate';
  return FORMATTER_NAME.test(name) && !SAFE_NAME.test(name) && !PREDICATE_NAME.test(name) ? 'propagate' : 'stop';
}
