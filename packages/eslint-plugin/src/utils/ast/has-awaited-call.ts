import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { unwrapExpression } from '../db/get-call-chain.js';

/**
 * Whether a statement awaits a call that `matches`, outside nested functions (which run on their
 * own).
 *
 * @param statement - the statement to search
 * @param matches - which awaited calls count
 * @example
 * hasAwaitedCall(statement, (call) => /gateway/iu.test(getStaticName(call.callee) ?? ''));
 */
export function hasAwaitedCall(statement: TSESTree.Node, matches: (call: TSESTree.CallExpression) => boolean): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) {
      return;
    }
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      const argument = unwrapExpression(node.argument);
      if (argument.type === AST_NODE_TYPES.CallExpression && matches(argument)) {
        found = true;
        return;
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'typeAnnotation') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (typeof item === 'object' && item !== null && 'type' in item) visit(item as TSESTree.Node);
      } else if (typeof value === 'object' && value !== null && 'type' in value) {
        visit(value as TSESTree.Node);
      }
    }
  };
  visit(statement);
  return found;
}
