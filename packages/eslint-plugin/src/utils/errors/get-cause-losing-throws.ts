import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { NodeIndex } from '../ast/create-node-index.js';
import { getStaticName } from '../ast/get-static-name.js';
import { isFunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { type CarryingOptions, isCarryingValue } from '../taint/is-carrying-value.js';
import type { ErrorHandler } from './get-handler-outcome.js';

// `createError(…)`, `HttpError(…)`, `TypeError(…)`, hapi's `Boom.internal(…)`: factories and
// classes called without `new`.
const ERROR_FACTORY = /(?:Error|Exception)$|^Boom\./u;
// `throw new Response('Not Found', { status: 404 })` (Remix, React Router) answers the request; it is not an error.
const RESPONSE_CLASS = /(?:^|\.)(?:Next)?Response$/u;

function isNewError(thrown: TSESTree.Expression): thrown is TSESTree.NewExpression | TSESTree.CallExpression {
  if (thrown.type === AST_NODE_TYPES.NewExpression) return !RESPONSE_CLASS.test(getStaticName(thrown.callee) ?? '');
  return thrown.type === AST_NODE_TYPES.CallExpression && ERROR_FACTORY.test(getStaticName(thrown.callee) ?? '');
}

/**
 * A `throw` of the handler itself: not inside a nested function or a nested `catch`, and not in a
 * nested `try` block whose own catch takes it (`if (!response.ok) throw new Error(…)` there is a
 * fresh failure that never leaves the handler).
 */
function isOwnThrow(node: TSESTree.ThrowStatement, body: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== body; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.CatchClause) return false;
    if (current.type === AST_NODE_TYPES.TryStatement && current.handler && current.block === child) return false;
    child = current;
  }
  return true;
}

/**
 * The new errors a handler throws without the one it caught: `throw new X(…)` or
 * `throw createError(…)` in the handler itself (nested callbacks and nested catches have their own
 * error) whose arguments do not carry the caught error (`{ cause: e }`, `e`, `wrap(e)`).
 *
 * @param handler - the handler
 * @param index - the `throw` statements recorded inside the handler (see `createNodeIndex`)
 * @param carrying - what carries the caught error itself (value mode)
 * @example
 * for (const thrown of getCauseLosingThrows(handler, index, carrying)) report(thrown);
 */
export function getCauseLosingThrows(
  handler: ErrorHandler,
  index: NodeIndex,
  carrying: CarryingOptions,
): (TSESTree.NewExpression | TSESTree.CallExpression)[] {
  const found: (TSESTree.NewExpression | TSESTree.CallExpression)[] = [];
  for (const node of index.within(handler.body)) {
    if (node.type !== AST_NODE_TYPES.ThrowStatement || !isOwnThrow(node, handler.body)) continue;
    const thrown = skipExpressionWrappers(node.argument);
    if (isNewError(thrown) && !thrown.arguments.some((argument) => isCarryingValue(argument, carrying))) found.push(thrown);
  }
  return found;
}
