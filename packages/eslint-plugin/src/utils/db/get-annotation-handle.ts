import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DbHandleKind, DbHandleRole, DbLibrary, DbLibraryName } from './create-db-library.js';

/** What a type annotation written in the source says about a handle. */
export interface DbAnnotation {
  libraries: DbLibraryName[];
  kind: DbHandleKind;
  role: DbHandleRole;
}

// Annotations that are certainly not database handles; anything else unknown says nothing.
const NOT_HANDLES = new Set([
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'ReadonlyMap',
  'ReadonlySet',
  'Array',
  'ReadonlyArray',
  'Record',
  'Promise',
  'AxiosInstance',
  'AxiosStatic',
  'Redis',
  'Cluster',
  'Cache',
  'LRUCache',
  'Keyv',
  'Request',
  'Response',
  'Headers',
  'URL',
  'Date',
  'Error',
]);

function getReferenceName(typeName: TSESTree.EntityName): { name: string; qualifier: string | undefined } | undefined {
  if (typeName.type === AST_NODE_TYPES.Identifier) return { name: typeName.name, qualifier: undefined };
  if (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
    const qualifier = typeName.left.type === AST_NODE_TYPES.Identifier ? typeName.left.name : undefined;
    return { name: typeName.right.name, qualifier };
  }
  return undefined;
}

function classifyReference(
  reference: TSESTree.TSTypeReference,
  libraries: readonly DbLibrary[],
): DbAnnotation | null | undefined {
  const named = getReferenceName(reference.typeName);
  if (named === undefined) return undefined;
  const { name, qualifier } = named;
  if (NOT_HANDLES.has(name)) return null;
  const matches = libraries.filter((library) => library.typeNames[name] !== undefined);
  // `Knex.Transaction`, `Prisma.TransactionClient`: the namespace names the library.
  const qualified = qualifier === undefined ? matches : matches.filter((library) => library.typePackages.test(qualifier.toLowerCase()));
  const chosen = qualified.length > 0 ? qualified : matches;
  const [first] = chosen;
  if (first === undefined) {
    if (/Transaction$/u.test(name)) return { libraries: [], kind: 'transaction', role: 'client' };
    return undefined;
  }
  const entry = first.typeNames[name];
  return entry && { libraries: chosen.map((library) => library.name), kind: entry.kind, role: entry.role ?? 'client' };
}

/**
 * Reads a handle's written type annotation without type information: `trx: Transaction<DB>`,
 * `db: Kysely<DB>`, `tx: Prisma.TransactionClient`, `manager: EntityManager`,
 * `db: Kysely<DB> | Transaction<DB>` (`either`). Known non-handles (`Map`, `AxiosInstance`,
 * primitives, arrays, functions) give `null`.
 *
 * @param annotation - the annotation's type node
 * @param libraries - the library descriptors whose type names count
 * @returns the handle the annotation describes, `null` for a known non-handle, `undefined` when
 *   the annotation says nothing the model can use
 * @example
 * getAnnotationHandle(parameter.typeAnnotation.typeAnnotation, DB_LIBRARIES)?.kind; // 'transaction'
 */
export function getAnnotationHandle(annotation: TSESTree.TypeNode, libraries: readonly DbLibrary[]): DbAnnotation | null | undefined {
  switch (annotation.type) {
    case AST_NODE_TYPES.TSTypeReference:
      return classifyReference(annotation, libraries);
    case AST_NODE_TYPES.TSUnionType: {
      const parts = annotation.types
        .filter((part) => part.type !== AST_NODE_TYPES.TSNullKeyword && part.type !== AST_NODE_TYPES.TSUndefinedKeyword)
        .map((part) => getAnnotationHandle(part, libraries));
      if (parts.includes(undefined)) return undefined;
      const handles = parts.filter((part): part is DbAnnotation => part != null);
      const [first] = handles;
      if (first === undefined) return null;
      const kinds = new Set(handles.map((part) => part.kind));
      return { ...first, libraries: [...new Set(handles.flatMap((part) => part.libraries))], kind: kinds.size === 1 ? first.kind : 'either' };
    }
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSSymbolKeyword:
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
    case AST_NODE_TYPES.TSFunctionType:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSTypeLiteral:
      return null;
    default:
      return undefined;
  }
}
