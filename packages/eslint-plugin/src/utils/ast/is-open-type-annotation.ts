import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * Whether a declared type says the value may be anything: `any`, `unknown`, or a promise of one.
 *
 * @param annotation - a type annotation
 * @example
 * if (node.returnType && isOpenTypeAnnotation(node.returnType.typeAnnotation)) return;
 */
export function isOpenTypeAnnotation(annotation: TSESTree.TypeNode): boolean {
  if (annotation.type === AST_NODE_TYPES.TSAnyKeyword || annotation.type === AST_NODE_TYPES.TSUnknownKeyword) return true;
  const [settled] = annotation.type === AST_NODE_TYPES.TSTypeReference ? (annotation.typeArguments?.params ?? []) : [];
  return (
    annotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'Promise' &&
    settled !== undefined &&
    isOpenTypeAnnotation(settled)
  );
}
