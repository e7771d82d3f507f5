import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { FunctionNode } from './is-function-node.js';

function isJsx(expression: TSESTree.Expression): boolean {
  switch (expression.type) {
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return isJsx(expression.consequent) || isJsx(expression.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return isJsx(expression.right);
    default:
      return false;
  }
}

/**
 * Whether a function's results are not compared by anyone: constructors and setters have no result
 * a caller reads, and render functions mix JSX with `null` and `false` by design.
 *
 * @param node - the function
 * @param results - its `return` arguments (`null` for a bare `return;`), or its expression body
 * @example
 * if (hasNoComparableResult(node, results)) return;
 */
export function hasNoComparableResult(node: FunctionNode, results: readonly (TSESTree.Expression | null)[]): boolean {
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.MethodDefinition && (parent.kind === 'constructor' || parent.kind === 'set')) {
    return true;
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.kind === 'set') return true;
  return results.some((result) => result !== null && isJsx(result));
}
