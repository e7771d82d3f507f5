import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { ValueKind } from './get-expression-value-kinds.js';
import { isMessageLikeType } from './is-message-like.js';

const KEYWORDS: Partial<Record<AST_NODE_TYPES, number>> = {
  [AST_NODE_TYPES.TSBooleanKeyword]: ValueKind.Boolean,
  [AST_NODE_TYPES.TSNullKeyword]: ValueKind.Null,
  [AST_NODE_TYPES.TSUndefinedKeyword]: ValueKind.Undefined,
  [AST_NODE_TYPES.TSVoidKeyword]: ValueKind.Undefined,
  [AST_NODE_TYPES.TSStringKeyword]: ValueKind.String,
  [AST_NODE_TYPES.TSTemplateLiteralType]: ValueKind.String,
  [AST_NODE_TYPES.TSNumberKeyword]: ValueKind.Number,
  [AST_NODE_TYPES.TSBigIntKeyword]: ValueKind.BigInt,
  [AST_NODE_TYPES.TSObjectKeyword]: ValueKind.Object,
  [AST_NODE_TYPES.TSTypeLiteral]: ValueKind.Object,
  [AST_NODE_TYPES.TSMappedType]: ValueKind.Object,
  [AST_NODE_TYPES.TSFunctionType]: ValueKind.Function,
  [AST_NODE_TYPES.TSConstructorType]: ValueKind.Function,
  [AST_NODE_TYPES.TSNeverKeyword]: 0,
};
const PROMISE_NAMES = new Set(['Promise', 'PromiseLike']);

/** A type the syntax cannot see into, or a container whose meaning the caller decides. */
export type ObjectTypeNode = TSESTree.TSArrayType | TSESTree.TSTupleType | TSESTree.TSTypeReference;

function classifyObjectType(node: ObjectTypeNode): number {
  return node.type === AST_NODE_TYPES.TSTypeReference ? ValueKind.Unknown : ValueKind.Object;
}

function getLiteralTypeKinds(node: TSESTree.TSLiteralType): number {
  const { literal } = node;
  if (literal.type === AST_NODE_TYPES.UnaryExpression) return ValueKind.Number;
  if (literal.type === AST_NODE_TYPES.TemplateLiteral) return ValueKind.StringLiteral;
  if ('bigint' in literal) return ValueKind.BigInt;
  switch (typeof literal.value) {
    case 'boolean':
      return literal.value ? ValueKind.True : ValueKind.False;
    case 'string':
      return isMessageLikeType(literal.value) ? ValueKind.StringLiteral : ValueKind.StringToken;
    case 'number':
      return ValueKind.Number;
    default:
      return ValueKind.Unknown;
  }
}

/**
 * What a value of the written type `node` can be at run time, as `ValueKind` flags, read from
 * the type's syntax alone: one flag per union member, `Promise<T>` looked through to `T`, type
 * parameters (named in `typeParameters`) as `ValueKind.Generic`. Any other type reference is an
 * alias or interface the syntax cannot see into, and arrays may be data or another form of their
 * elements: `objects` decides (the caller's trade-off; by default references are
 * `ValueKind.Unknown` and arrays and tuples `ValueKind.Object`).
 *
 * @param node - a type node, typically a function's return type
 * @param typeParameters - the names of the type parameters in scope
 * @param objects - how to classify type references, arrays and tuples
 * @example
 * getTypeNodeValueKinds(parse('Promise<boolean | null>'), new Set()); // Boolean | Null
 */
export function getTypeNodeValueKinds(
  node: TSESTree.TypeNode,
  typeParameters: ReadonlySet<string>,
  objects: (node: ObjectTypeNode) => number = classifyObjectType,
): number {
  const keyword = KEYWORDS[node.type];
  if (keyword !== undefined) return keyword;
  switch (node.type) {
    case AST_NODE_TYPES.TSUnionType: {
      let kinds = 0;
      for (const member of node.types) kinds |= getTypeNodeValueKinds(member, typeParameters, objects);
      return kinds;
    }
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
      return objects(node);
    case AST_NODE_TYPES.TSLiteralType:
      return getLiteralTypeKinds(node);
    case AST_NODE_TYPES.TSTypeOperator:
      return node.operator === 'readonly' && node.typeAnnotation
        ? getTypeNodeValueKinds(node.typeAnnotation, typeParameters, objects)
        : ValueKind.Unknown;
    case AST_NODE_TYPES.TSTypeReference: {
      if (node.typeName.type !== AST_NODE_TYPES.Identifier) return objects(node);
      const { name } = node.typeName;
      const [settled] = node.typeArguments?.params ?? [];
      if (PROMISE_NAMES.has(name) && settled !== undefined) {
        return getTypeNodeValueKinds(settled, typeParameters, objects);
      }
      return typeParameters.has(name) ? ValueKind.Generic : objects(node);
    }
    default:
      return ValueKind.Unknown;
  }
}
