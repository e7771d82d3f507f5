import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The identifiers a binding pattern declares or assigns: `x`, `{ a, b: [c] }`, `[d = 1, ...e]`,
 * a constructor's parameter property. Anything else (a member target such as `this.x`) binds none.
 *
 * @param pattern - a declarator's id, an assignment's left side, a parameter
 * @example
 * getPatternIdentifiers(declarator.id).map((identifier) => identifier.name); // ['a', 'c']
 */
export function getPatternIdentifiers(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        getPatternIdentifiers(property.type === AST_NODE_TYPES.Property ? property.value : property.argument),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element === null ? [] : getPatternIdentifiers(element)));
    case AST_NODE_TYPES.AssignmentPattern:
      return getPatternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return getPatternIdentifiers(pattern.argument);
    case AST_NODE_TYPES.TSParameterProperty:
      return getPatternIdentifiers(pattern.parameter);
    default:
      return [];
  }
}
