import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { type CarryingOptions, isCarryingValue } from '../taint/is-carrying-value.js';

/**
 * Whether every path through a handler body meets a `throw` or a reporting call given the error
 * before anything can branch or leave: `catch (e) { logger.error({ err: e }); … }`,
 * `catch (e) { cleanUp(); throw e; }`. Only straight-line statements may come first, so no path
 * can leave earlier. The most common handlers are settled this way without following paths.
 *
 * @param body - the handler's body
 * @param isReporting - whether a call reports at warning level or above
 * @param getValueMode - what carries the caught error itself; asked only once a reporting call is found
 * @example
 * if (isHandledUpFront(handler.body, calls.isReporting, () => calls.carrying(references, false))) return handled;
 */
export function isHandledUpFront(
  body: TSESTree.BlockStatement | TSESTree.Expression,
  isReporting: (call: TSESTree.CallExpression) => boolean,
  getValueMode: () => CarryingOptions,
): boolean {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let valueMode: CarryingOptions | undefined;
  for (const statement of body.body) {
    if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) continue;
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    let expression = skipExpressionWrappers(statement.expression);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipExpressionWrappers(expression.argument);
    if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      isReporting(expression) &&
      expression.arguments.some((argument) => isCarryingValue(argument, (valueMode ??= getValueMode())))
    ) {
      return true;
    }
  }
  return false;
}
