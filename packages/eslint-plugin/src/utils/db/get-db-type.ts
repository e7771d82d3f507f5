import type * as ts from 'typescript';
import { getTypeScript } from '../types/get-typescript.js';
import type { DbHandleKind, DbHandleRole, DbLibrary, DbLibraryName } from './create-db-library.js';

/** What a handle's declared type says about it. */
export interface DbType {
  library: DbLibraryName;
  kind: DbHandleKind;
  role: DbHandleRole;
}

const MAX_BASE_DEPTH = 4;
const NODE_MODULES_PACKAGE = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gu;
/**
 * The npm package a symbol is declared by: `"kysely".Kysely` for `declare module 'kysely'`,
 * `"/…/node_modules/kysely/dist/esm/kysely".Kysely` for an installed package.
 */
function getDeclaringPackage(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const origin = /^"([^"]+)"/u.exec(checker.getFullyQualifiedName(symbol))?.[1];
  if (origin === undefined) return undefined;
  if (!origin.includes('/node_modules/')) return origin.startsWith('/') || origin.startsWith('.') || /^[A-Za-z]:/u.test(origin) ? undefined : origin;
  const last = [...origin.replaceAll('\\', '/').matchAll(NODE_MODULES_PACKAGE)].map((match) => match[1] ?? '').at(-1);
  return last?.replace(/^@types\//u, '').replace(/^(.+)__(.+)$/u, '@$1/$2');
}

function matchSymbol(symbol: ts.Symbol | undefined, checker: ts.TypeChecker, libraries: readonly DbLibrary[]): DbType | undefined {
  if (symbol === undefined) return undefined;
  const name = symbol.getName();
  const candidates = libraries.filter((library) => library.typeNames[name] !== undefined);
  if (candidates.length === 0) return undefined;
  const origin = getDeclaringPackage(symbol, checker);
  if (origin === undefined) return undefined;
  for (const library of candidates) {
    const entry = library.typeNames[name];
    if (entry !== undefined && library.typePackages.test(origin)) return { library: library.name, kind: entry.kind, role: entry.role ?? 'client' };
  }
  return undefined;
}

function matchObject(type: ts.Type, checker: ts.TypeChecker, libraries: readonly DbLibrary[], depth: number): DbType | undefined {
  const direct = matchSymbol(type.aliasSymbol, checker, libraries) ?? matchSymbol(type.getSymbol(), checker, libraries);
  if (direct !== undefined || depth >= MAX_BASE_DEPTH) return direct;
  // Prisma clients are generated (and `$extends` makes new ones), so their shape is the proof.
  if (type.getProperty('$executeRaw') !== undefined && type.getProperty('$queryRaw') !== undefined) {
    return { library: 'prisma', kind: type.getProperty('$transaction') === undefined ? 'transaction' : 'database', role: 'client' };
  }
  const target = (type as Partial<ts.TypeReference>).target ?? type;
  if (target.isClassOrInterface()) {
    for (const base of checker.getBaseTypes(target)) {
      const inherited = matchObject(base, checker, libraries, depth + 1);
      if (inherited !== undefined) return inherited;
    }
  }
  return undefined;
}

function combine(types: readonly DbType[]): DbType | undefined {
  const [first] = types;
  if (first === undefined) return undefined;
  const kinds = new Set(types.map((type) => type.kind));
  const kind: DbHandleKind = kinds.size === 1 ? first.kind : 'either';
  return { ...first, kind };
}

/**
 * Classifies a handle by its declared type: `Kysely<DB>` vs `Transaction<DB>`, `PrismaClient` vs
 * `Prisma.TransactionClient`, a Drizzle database vs transaction, `Knex` vs `Knex.Transaction`,
 * pg/mysql2 `Pool`/`Client`, TypeORM `Repository`/`EntityManager`/`DataSource`/`QueryRunner`.
 * Names count only when declared by the library's package (a local class called `Transaction`
 * is not Kysely's). A union of a database and a transaction type is `either`.
 *
 * @param type - the handle expression's type
 * @param checker - the program's type checker
 * @param libraries - the library descriptors to match against
 * @returns the handle's type, `null` when the type is known and is not a handle, or `undefined`
 *   when the type says nothing (`any`, `unknown`, an unresolved import)
 * @example
 * const dbType = getDbType(services.getTypeAtLocation(node), checker, libraries);
 * if (dbType === null) return; // a Map, an axios instance…
 */
export function getDbType(type: ts.Type, checker: ts.TypeChecker, libraries: readonly DbLibrary[]): DbType | null | undefined {
  const { TypeFlags } = getTypeScript();
  if ((type.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0) return undefined;
  if ((type.flags & TypeFlags.TypeParameter) !== 0) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint === undefined || constraint === type ? undefined : getDbType(constraint, checker, libraries);
  }
  if (type.isUnion()) {
    const parts = type.types.filter((part) => (part.flags & (TypeFlags.Null | TypeFlags.Undefined | TypeFlags.Void)) === 0);
    if (parts.some((part) => (part.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0)) return undefined;
    const matched = parts.map((part) => getDbType(part, checker, libraries)).filter((part): part is DbType => part != null);
    return combine(matched) ?? null;
  }
  if (type.isIntersection()) {
    for (const part of type.types) {
      const matched = getDbType(part, checker, libraries);
      if (matched) return matched;
    }
    return null;
  }
  if ((type.flags & TypeFlags.Object) === 0) return null;
  return matchObject(type, checker, libraries, 0) ?? null;
}
