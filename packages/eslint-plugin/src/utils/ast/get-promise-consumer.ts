import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getMemberName } from '../db/get-call-chain.js';

/**
 * What consumes the value of an expression — typically a promise: the first parent that is not a
 * TypeScript wrapper, an optional chain or a `.then()`/`.catch()`/`.finally()` link; and the
 * outermost expression of that chain. An `ExpressionStatement` consumer means nobody waits.
 *
 * @param node - the expression (a query call)
 * @example
 * getPromiseConsumer(call).consumer.type === AST_NODE_TYPES.AwaitExpression; // awaited
 */
export function getPromiseConsumer(node: TSESTree.Node): { consumer: TSESTree.Node; expression: TSESTree.Node } {
  let expression = node;
  for (;;) {
    const { parent } = expression;
    if (parent === undefined) return { consumer: expression, expression };
    if (
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      expression = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === expression) {
      const name = getMemberName(parent);
      if ((name === 'then' || name === 'catch' || name === 'finally') && parent.parent.type === AST_NODE_TYPES.CallExpression) {
        expression = parent.parent;
        continue;
      }
    }
    return { consumer: parent, expression };
  }
}
