import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

function unwrapExport(statement: TSESTree.Node | undefined): TSESTree.Node | null | undefined {
  return statement?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration
    ? statement.declaration
    : statement;
}

function getMemberKey(member: TSESTree.Node | undefined): string | undefined {
  if (member?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  const { key } = member;
  let name: string | undefined;
  if (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier) name = key.name;
  else if (key.type === AST_NODE_TYPES.Literal) name = String(key.value);
  return name === undefined ? undefined : `${member.static ? 'static ' : ''}${member.computed ? '[]' : ''}${name}`;
}

/**
 * Whether `node` is the implementation of an overloaded function or method: a body right after a
 * bodiless signature of the same name. Its own signature is deliberately loose; callers only see
 * the overloads.
 *
 * @param node - a function
 * @example
 * // function parse(x: string): string; function parse(x: number): number; function parse(x: unknown) { … }
 * isOverloadImplementation(implementation); // true
 */
export function isOverloadImplementation(
  node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression,
): boolean {
  const { parent } = node;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) {
    const statement =
      parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? parent
        : node;
    const container = statement.parent;
    if (
      container.type !== AST_NODE_TYPES.Program &&
      container.type !== AST_NODE_TYPES.BlockStatement &&
      container.type !== AST_NODE_TYPES.TSModuleBlock
    ) {
      return false;
    }
    const siblings: readonly TSESTree.Node[] = container.body;
    const previous = unwrapExport(siblings[siblings.indexOf(statement) - 1]);
    return previous?.type === AST_NODE_TYPES.TSDeclareFunction && previous.id?.name === node.id?.name;
  }
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    const members: readonly TSESTree.Node[] = parent.parent.body;
    const previous = members[members.indexOf(parent) - 1];
    return (
      previous?.type === AST_NODE_TYPES.MethodDefinition &&
      previous.value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression &&
      getMemberKey(previous) === getMemberKey(parent)
    );
  }
  return false;
}
