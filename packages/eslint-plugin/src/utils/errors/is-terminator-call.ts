import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';

// Calls that end the request or process as loudly as a throw (Next.js helpers throw internally;
// `process.exit()` without a code is a normal exit).
const TERMINATORS = new Set(['notFound', 'redirect', 'permanentRedirect', 'unauthorized', 'forbidden']);

/** `exit(code)` ends the process as loudly as a throw, unless the code is missing or 0. */
function exitsWithFailure(call: TSESTree.CallExpression): boolean {
  const [code] = call.arguments;
  return code !== undefined && !(code.type === AST_NODE_TYPES.Literal && code.value === 0);
}

/**
 * Whether a call ends the request or the process as loudly as a throw: `process.exit(1)`,
 * Next.js's `notFound()` and `redirect()`, Koa's `ctx.throw(…)`.
 *
 * @param call - any call
 * @example
 * isTerminatorCall(parse('process.exit(1)')); // true; `process.exit()` and `exit(0)` are false
 */
export function isTerminatorCall(call: TSESTree.CallExpression): boolean {
  // Read off the callee's shape rather than its dotted name: this runs for every call in a handler.
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return callee.name === 'exit' ? exitsWithFailure(call) : TERMINATORS.has(callee.name);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(callee);
  // Koa's `ctx.throw(…)` and friends throw on the caller's behalf.
  if (method === 'throw') return true;
  const object = skipExpressionWrappers(callee.object);
  return method === 'exit' && object.type === AST_NODE_TYPES.Identifier && object.name === 'process' && exitsWithFailure(call);
}
