import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { isFunctionNode } from './is-function-node.js';

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * Whether `node` runs inside a loop of its own function (a loop around the function does not count).
 *
 * @param node - any node
 * @example
 * isInLoop(catchClause.parent); // true for a `try` in `for (;;) { try { … } catch { … } }`
 */
export function isInLoop(node: TSESTree.Node): boolean {
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    if (LOOPS.has(current.type)) return true;
  }
  return false;
}
