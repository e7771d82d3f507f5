import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

const EXITS = new Set<string>([
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.LabeledStatement,
  AST_NODE_TYPES.BlockStatement,
]);

/**
 * Whether the statement holding `node` (directly in a block of `boundary`) is followed, on every
 * path, by a `throw` in the same block: only straight-line statements lie between them.
 *
 * @param node - a node inside `boundary`
 * @param boundary - the function to search in
 * @example
 * isFollowedByThrow(logCall, fn); // true for `await log(); throw new Error('denied');`
 */
export function isFollowedByThrow(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  let statement: TSESTree.Node = node;
  while (statement.parent !== undefined && statement.parent !== boundary) {
    const { parent } = statement;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.SwitchCase) break;
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    statement = parent;
  }
  const { parent } = statement;
  if (parent === undefined || statement.type === AST_NODE_TYPES.IfStatement || EXITS.has(statement.type)) return false;
  const list: readonly TSESTree.Node[] =
    parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : [];
  for (const next of list.slice(list.indexOf(statement) + 1)) {
    if (next.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (EXITS.has(next.type)) return false;
  }
  return false;
}
