import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** How a class declares one of its members. */
export interface ClassMemberDeclaration {
  /** The written type (`private readonly db: Kysely<DB>`, `constructor(private orders: Repository<Order>)`). */
  annotation: TSESTree.TypeNode | undefined;
  /** The field's initializer (`private db = new Kysely<DB>(…)`). */
  value: TSESTree.Expression | undefined;
}

/**
 * The declaration of `this.<name>` in the class around `node`: a field, or a constructor
 * parameter property. `undefined` outside classes and for members declared otherwise.
 *
 * @param node - a `this.<name>` member expression
 * @param name - the member's name
 * @example
 * getClassMemberDeclaration(thisDb, 'db')?.annotation; // the `Kysely<DB>` type node
 */
export function getClassMemberDeclaration(node: TSESTree.MemberExpression, name: string): ClassMemberDeclaration | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current != null && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
  if (current == null) return undefined;
  for (const member of current.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
      return { annotation: member.typeAnnotation?.typeAnnotation, value: member.value ?? undefined };
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
        if (inner.name === name) return { annotation: inner.typeAnnotation?.typeAnnotation, value: undefined };
      }
    }
  }
  return undefined;
}
