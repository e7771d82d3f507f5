import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * Whether a node sits in an ambient declaration (`declare module`, `declare class`, `declare
 * interface`): a description of code written elsewhere, not code of this file.
 *
 * @param node - any node
 * @example
 * if (isAmbient(methodSignature)) return;
 */
export function isAmbient(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TSModuleDeclaration && current.declare) return true;
    if (
      (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.TSInterfaceDeclaration) &&
      current.declare
    ) {
      return true;
    }
  }
  return false;
}
