import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { STRING_KINDS, ValueKind } from '../ast/get-expression-value-kinds.js';
import { getTypeNodeValueKinds, type ObjectTypeNode } from '../ast/get-type-node-value-kinds.js';
import { getTypeScript } from './get-typescript.js';
import { getTypeValueKinds } from './get-type-value-kinds.js';

// Types that are another form of a string (its bytes, a parsed URL) rather than data beside it.
const STRING_FORMS = new Set([
  'Buffer', 'Uint8Array', 'ArrayBuffer', 'URL', 'URLSearchParams', 'Date', 'RegExp', 'String', 'Blob', 'File', 'FormData',
  'Stream', 'Readable', 'ReadableStream',
]);

function getTypeParameterNames(node: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  for (let current: TSESTree.Node = node; current.type !== AST_NODE_TYPES.Program; current = current.parent) {
    if ('typeParameters' in current && current.typeParameters?.type === AST_NODE_TYPES.TSTypeParameterDeclaration) {
      for (const parameter of current.typeParameters.params) names.add(parameter.name.name);
    }
  }
  return names;
}

function isStringType(node: TSESTree.TypeNode | undefined): boolean {
  return node?.type === AST_NODE_TYPES.TSStringKeyword;
}

/** Without types, a named type is taken for an entity unless its name says it is another form of a string. */
function classifyWrittenObject(node: ObjectTypeNode): number {
  if (node.type === AST_NODE_TYPES.TSTupleType) {
    return node.elementTypes.length > 0 && node.elementTypes.every(isStringType) ? ValueKind.String : ValueKind.Object;
  }
  if (node.type === AST_NODE_TYPES.TSArrayType) return isStringType(node.elementType) ? ValueKind.String : ValueKind.Object;
  const { typeName } = node;
  let name = '';
  if (typeName.type === AST_NODE_TYPES.Identifier) name = typeName.name;
  else if (typeName.type === AST_NODE_TYPES.TSQualifiedName) name = typeName.right.name;
  if (name === 'Array' || name === 'ReadonlyArray') {
    return isStringType(node.typeArguments?.params[0]) ? ValueKind.String : ValueKind.Object;
  }
  return STRING_FORMS.has(name) ? ValueKind.String : ValueKind.Object;
}

/** A resolved declared type's kinds, with arrays and string forms beside a string counted as strings. */
function getResolvedTypeKinds(checker: ts.TypeChecker, type: ts.Type): number {
  const kinds = getTypeValueKinds(checker, type);
  if (!(kinds & STRING_KINDS && kinds & ValueKind.Object)) return kinds;
  const { TypeFlags } = getTypeScript();
  const isEntity = (member: ts.Type): boolean =>
    (member.flags & (TypeFlags.Object | TypeFlags.NonPrimitive)) !== 0 &&
    !checker.isArrayType(member) &&
    !checker.isTupleType(member) &&
    !STRING_FORMS.has(member.getSymbol()?.name ?? '');
  return (type.isUnion() ? type.types : [type]).some(isEntity) ? kinds : (kinds & ~ValueKind.Object) | ValueKind.String;
}

/**
 * With types, a named type by what it names. Interfaces and classes are entities and closed aliases
 * are their own members, both read without instantiating anything (a database row's mapped type is
 * costly to expand); only a generic alias, a conditional type or an enum is resolved in full.
 */
function classifyResolvedObject(node: ObjectTypeNode, services: ParserServicesWithTypeInformation): number {
  const written = classifyWrittenObject(node);
  if (node.type !== AST_NODE_TYPES.TSTypeReference || written === ValueKind.String) return written;
  const checker = services.program.getTypeChecker();
  const reference = services.esTreeNodeToTSNodeMap.get(node);
  const { SymbolFlags } = getTypeScript();
  let symbol = checker.getSymbolAtLocation(reference.typeName);
  if (symbol && symbol.flags & SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  if (!symbol || symbol.flags & SymbolFlags.Alias) return ValueKind.Unknown;
  if (symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface)) return ValueKind.Object;
  if (symbol.flags & SymbolFlags.TypeAlias) {
    const kinds = getResolvedTypeKinds(checker, checker.getDeclaredTypeOfSymbol(symbol));
    if (!(kinds & (ValueKind.Generic | ValueKind.Unknown))) return kinds;
  }
  return getResolvedTypeKinds(checker, checker.getTypeFromTypeNode(reference));
}

/**
 * What a declared return type says a function's results can be, as `ValueKind` flags:
 * `Promise<T>` looked through, type parameters as `ValueKind.Generic`, and arrays of strings,
 * buffers and URLs counted as strings (they are other forms of one, not data beside it). Named
 * types are looked up with the checker when `services` are given (aliases may be unions);
 * without them a named type is taken for an entity (`ValueKind.Object`).
 *
 * @param node - the function or method signature, for the type parameters in scope
 * @param annotation - its return type (`node.returnType.typeAnnotation`)
 * @param services - parser services with a program, if the file is linted with types
 * @example
 * getDeclaredValueKinds(fn, fn.returnType.typeAnnotation); // Boolean | Null for `: boolean | null`
 */
export function getDeclaredValueKinds(
  node: TSESTree.Node,
  annotation: TSESTree.TypeNode,
  services?: ParserServicesWithTypeInformation,
): number {
  const classifyObject = services
    ? (object: ObjectTypeNode): number => classifyResolvedObject(object, services)
    : classifyWrittenObject;
  return getTypeNodeValueKinds(annotation, getTypeParameterNames(node), classifyObject);
}
