import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { isAnyOrUnknownType } from '../types/is-any-or-unknown-type.js';
import { isThenableType } from '../types/is-thenable-type.js';

// `z.string().catch('x')` is zod's fallback, not a promise's rejection handler.
const SCHEMA_BUILDERS = new Set(['z', 'zod']);

function getChainRoot(node: TSESTree.Expression): TSESTree.Expression {
  let current = skipExpressionWrappers(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) current = skipExpressionWrappers(current.callee);
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = skipExpressionWrappers(current.object);
    else return current;
  }
}

function isKnownNonThenable(services: ParserServicesWithTypeInformation, node: TSESTree.Expression): boolean {
  return !isAnyOrUnknownType(services.getTypeAtLocation(node)) && !isThenableType(services, node);
}

/**
 * The rejection handler a call installs: the argument of `promise.catch(cb)` or the second
 * argument of `promise.then(ok, cb)`. Without type information every such call counts except
 * zod's `z….catch(…)`; with it, receivers whose type is known not to be thenable are skipped.
 *
 * @param call - any call
 * @param services - parser services with a program, when the file is linted with types
 * @example
 * const callback = getRejectionCallback(node, getTypeServices(context));
 * if (callback && isFunctionNode(callback)) analyse(callback);
 */
export function getRejectionCallback(
  call: TSESTree.CallExpression,
  services?: ParserServicesWithTypeInformation,
): TSESTree.Expression | undefined {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getPropertyName(callee);
  let callback: TSESTree.CallExpressionArgument | undefined;
  if (method === 'catch' && call.arguments.length === 1) callback = call.arguments[0];
  else if (method === 'then' && call.arguments.length === 2) callback = call.arguments[1];
  if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const root = getChainRoot(callee.object);
  if (root.type === AST_NODE_TYPES.Identifier && SCHEMA_BUILDERS.has(root.name)) return undefined;
  if (services && isKnownNonThenable(services, callee.object)) return undefined;
  return callback;
}
