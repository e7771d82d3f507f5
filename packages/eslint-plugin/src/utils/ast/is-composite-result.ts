import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * Whether a result may combine kinds by itself: `a ? b : c`, `a ?? b`, `a || b`, `a?.b`,
 * `Promise.resolve(…)` (awaited, asserted or not).
 *
 * @param expression - a returned expression
 * @example
 * isCompositeResult(parse('user ?? false')); // true
 */
export function isCompositeResult(expression: TSESTree.Expression): boolean {
  let current = expression;
  while (
    current.type === AST_NODE_TYPES.AwaitExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  return (
    current.type === AST_NODE_TYPES.ConditionalExpression ||
    current.type === AST_NODE_TYPES.LogicalExpression ||
    current.type === AST_NODE_TYPES.ChainExpression ||
    // `Promise.resolve(a ? b : null)` settles to whatever its argument is.
    (current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      current.callee.property.type === AST_NODE_TYPES.Identifier &&
      current.callee.property.name === 'resolve')
  );
}
