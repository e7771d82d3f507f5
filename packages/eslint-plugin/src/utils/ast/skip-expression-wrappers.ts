import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The expression under TypeScript-only wrappers and optional-chain boundaries: `x as T`,
 * `<T>x`, `x!`, `x satisfies T`, `f<T>` and the `ChainExpression` around `a?.b`. Parentheses are
 * not nodes in ESTree, so they need no skipping.
 *
 * @param node - any expression
 * @example
 * skipExpressionWrappers(parse('(error as Error)!')); // the Identifier `error`
 */
export function skipExpressionWrappers(node: TSESTree.Expression): TSESTree.Expression;
export function skipExpressionWrappers(node: TSESTree.Node): TSESTree.Node;
export function skipExpressionWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}
