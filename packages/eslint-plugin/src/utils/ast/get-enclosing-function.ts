import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from './is-function-node.js';

/**
 * The innermost function (declaration, expression or arrow) that contains `node`, not counting
 * `node` itself; `undefined` at module level.
 *
 * @param node - any node
 * @example
 * const fn = getEnclosingFunction(returnStatement); // the function the `return` leaves
 */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current != null; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}
