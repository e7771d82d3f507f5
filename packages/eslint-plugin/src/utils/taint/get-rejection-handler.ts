import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getLocalFunction } from '../ast/get-local-function.js';
import { getPropertyName } from '../ast/get-static-name.js';
import type { FunctionNode } from '../ast/is-function-node.js';

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
  if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getPropertyName(node.callee);
  const argument = method === 'catch' ? node.arguments[0] : method === 'then' ? node.arguments[1] : undefined;
  if (argument === undefined) return undefined;
  const handler = getLocalFunction(argument, sourceCode);
  return handler !== undefined && handler.params.length > 0 ? handler : undefined;
}
