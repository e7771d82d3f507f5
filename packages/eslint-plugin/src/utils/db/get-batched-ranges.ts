import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DbModel } from './create-db-model.js';
import { unwrapExpression } from './get-call-chain.js';

/**
 * The expressions a batch transaction runs: its array's elements, and for a batch kept in a
 * variable, the variable's values and what was pushed into it (`ops.push(prisma.user.update(…))`).
 * Writes inside them run in the batch's transaction.
 *
 * @param batch - the batch argument (`[…]`, `ops`, `[...ops, log]`)
 * @param model - the file's database model
 * @example
 * const ranges = getBatchedRanges(transaction.batch, model);
 */
export function getBatchedRanges(batch: TSESTree.Expression, model: DbModel): TSESTree.Node[] {
  const ranges: TSESTree.Node[] = [];
  const add = (node: TSESTree.Node): void => {
    const expression = node.type === AST_NODE_TYPES.SpreadElement ? node.argument : node;
    const unwrapped = unwrapExpression(expression as TSESTree.Expression);
    ranges.push(unwrapped);
    if (unwrapped.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of unwrapped.elements) if (element !== null) add(element);
    }
    if (unwrapped.type !== AST_NODE_TYPES.Identifier) return;
    const variable = model.findVariable(unwrapped);
    for (const reference of variable?.references ?? []) {
      const { parent } = reference.identifier;
      if (reference.writeExpr) ranges.push(reference.writeExpr);
      // ops.push(prisma.user.update(…))
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && parent.parent.type === AST_NODE_TYPES.CallExpression) {
        ranges.push(parent.parent);
      }
    }
  };
  add(batch);
  return ranges;
}
