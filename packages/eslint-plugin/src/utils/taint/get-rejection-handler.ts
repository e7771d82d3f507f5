import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getLocalFunction } from '../ast/get-local-function.js';
import type { FunctionNode } from '../ast/is-function-node.js';
import { getRejectionCallback } from '../errors/get-rejection-callback.js';

/**
 * The function that receives a promise's rejection reason in `promise.catch(fn)` or
 * `promise.then(onFulfilled, fn)`, written inline or declared in the file, when it declares the
 * reason parameter. Calls such as `schema.catch('default')` (no function) are ignored.
 *
 * @param node - a call expression
 * @param sourceCode - the file's source code, for scopes
 * @example
 * const handler = getRejectionHandler(call, context.sourceCode);
 * if (handler) tracker.track({ binding: handler.params[0], root: handler, description });
 */
export function getRejectionHandler(node: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const callback = getRejectionCallback(node);
  const handler = callback && getLocalFunction(callback, sourceCode);
  return handler !== undefined && handler.params.length > 0 ? handler : undefined;
}
