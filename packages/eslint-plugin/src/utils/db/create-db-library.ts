import type { TSESTree } from '@typescript-eslint/utils';
import type { CallChain } from './get-call-chain.js';

/** The database libraries the model knows. `pg` also covers mysql2 and other `query(sql)` drivers. */
export type DbLibraryName = 'kysely' | 'prisma' | 'drizzle' | 'typeorm' | 'knex' | 'sequelize' | 'pg';

/**
 * What a handle is: a `database` (pool, client, ORM instance — each query commits on its own), a
 * `transaction` (every query through it belongs to one open transaction), or `either` (declared as
 * a type that accepts both, such as `Kysely<DB> | Transaction<DB>` or TypeORM's `EntityManager`).
 */
export type DbHandleKind = 'database' | 'transaction' | 'either';

/** What kind of object a handle is, for libraries where it matters (TypeORM, pg). */
export type DbHandleRole = 'client' | 'repository' | 'manager' | 'dataSource' | 'queryRunner';

/** How the model knows that an expression is a handle, from strongest to weakest. */
export type DbHandleEvidence = 'scope' | 'type' | 'annotation' | 'origin' | 'name' | 'shape';

/** An expression through which queries are sent. */
export interface DbHandle {
  /** The handle expression (`db`, `this.db`, `trx`, `manager.getRepository(User)`). */
  node: TSESTree.Expression;
  kind: DbHandleKind;
  /**
   * Identity: two handles with the same key are the same connection or transaction. Aliases
   * (`const repo = manager.getRepository(User)`) share the key of what they derive from.
   */
  key: string;
  /** The libraries the handle may belong to; empty when nothing narrows it down. */
  libraries: readonly DbLibraryName[];
  role: DbHandleRole;
  evidence: DbHandleEvidence;
  /**
   * True when nothing but a generic name (`client`, `conn`, `manager`, `em`) makes it a handle:
   * shapes that other SDKs share (`client.customers.create()`) should not be trusted on it alone.
   */
  generic: boolean;
  /** True for a function parameter: the caller chose what to pass. */
  isParameter: boolean;
  /** For the handle parameter of a transaction callback, that transaction. */
  transaction?: DbTransaction;
}

/** What a query does. `other` covers DDL, `SET`, and SQL the model cannot see. */
export type DbOperation = 'read' | 'write' | 'other';

/** A query that runs when the expression is evaluated (or awaited, for thenable builders). */
export interface DbQuery {
  library: DbLibraryName;
  /** The outermost expression of the query: the call that executes it. */
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  operation: DbOperation;
  handle: DbHandle;
  /** The method that names the operation (`insertInto`, `create`, `save`, `query`…). */
  method: string;
}

/** A call that opens a transaction and runs a callback (or a batch) inside it. */
export interface DbTransaction {
  library: DbLibraryName;
  node: TSESTree.CallExpression;
  /** The handle the transaction was opened on. */
  handle: DbHandle;
  /** The callback run inside the transaction; `undefined` for batches. */
  callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined;
  /** The callback's parameter that receives the transaction handle. */
  parameter: TSESTree.Parameter | undefined;
  /** For batch transactions (`prisma.$transaction([…])`, `db.batch([…])`): the batch argument. */
  batch: TSESTree.Expression | undefined;
}

/** `BEGIN`/`COMMIT`/`ROLLBACK` in code: controlled transactions (Kysely, knex, pg, mysql2, TypeORM). */
export interface DbTransactionControl {
  library: DbLibraryName;
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  action: 'begin' | 'commit' | 'rollback';
  /** The handle the statement runs on. */
  handle: DbHandle;
  /**
   * True when `begin` returns a new transaction handle (`await db.startTransaction().execute()`,
   * `await knex.transaction()`); false when the transaction is a state of `handle` itself (pg
   * `BEGIN`, mysql2 `beginTransaction()`, TypeORM `queryRunner.startTransaction()`).
   */
  returnsHandle: boolean;
}

/** A handle created from scratch: `new Kysely(…)`, `drizzle(…)`, `new Pool()`, `knex({ client })`. */
export interface DbHandleOrigin {
  library: DbLibraryName;
  kind: DbHandleKind;
  role: DbHandleRole;
}

/** The services a library descriptor uses to recognise handles; provided by `createDbModel`. */
export interface DbLibraryEnvironment {
  /** The handle an expression denotes, if any. */
  getHandle: (node: TSESTree.Expression) => DbHandle | undefined;
  /**
   * For the receiver of a shape only a database answers to (`x.insertInto('t')…execute()`): its
   * handle, or a handle made up from the expression itself when nothing else is known about it.
   * `undefined` only when type information shows it is something else.
   */
  getReceiverHandle: (node: TSESTree.Expression) => DbHandle | undefined;
  /**
   * Whether a shape that is only distinctive for this library (TypeORM's `repo.save()`, Drizzle's
   * bare `db.delete(t)`) may be matched: the file imports the library, the `libraries` option
   * names it, or the file imports no data library at all.
   */
  allowsLooseShapes: (library: DbLibraryName) => boolean;
  /**
   * Whether the file imports the library (or the `libraries` option names it): for shapes too
   * common elsewhere to be trusted in files that import no data library (`Model.create(…)`).
   */
  isImported: (library: DbLibraryName) => boolean;
  /** The initializer of a `const` (or never reassigned) variable, for builders kept in variables. */
  getInitializer: (node: TSESTree.Identifier) => TSESTree.Expression | undefined;
}

/** Names a library's types and annotations use, mapped to handle kinds and roles. */
export type DbTypeNames = Readonly<Record<string, { kind: DbHandleKind; role?: DbHandleRole }>>;

/**
 * A database library as the model sees it. Each answer works on TSESTree nodes without type
 * information; `createDbModel` adds types when it has them.
 */
export interface DbLibrary {
  name: DbLibraryName;
  /** Import sources that show a file uses the library (`kysely`, `@prisma/client`…). */
  modules: RegExp;
  /**
   * Declared type names (as written in annotations and as the checker names them) that denote
   * handles. `match` narrows a name to this library's packages when the type is resolved.
   */
  typeNames: DbTypeNames;
  /** Package names (from `node_modules/<name>` or `declare module '<name>'`) of the library's types. */
  typePackages: RegExp;
  /** The name the library's transaction handle usually goes by in a transaction callback. */
  transactionParameterName: string;
  /**
   * Every method (or tag) name some step of one of the library's queries has; a chain with none
   * of them is not asked about (most calls of a file are not database calls).
   */
  queryMethods: readonly string[];
  /** The query a chain executes, if it is one of this library's. */
  getQuery: (chain: CallChain, environment: DbLibraryEnvironment) => Omit<DbQuery, 'library' | 'node'> | undefined;
  /** The transaction a call opens with a callback or batch, if it is one of this library's. */
  getTransaction: (
    call: TSESTree.CallExpression,
    chain: CallChain,
    environment: DbLibraryEnvironment,
  ) => Omit<DbTransaction, 'library' | 'node' | 'parameter'> | undefined;
  /** Controlled transaction statements. */
  getTransactionControl?: (
    chain: CallChain,
    environment: DbLibraryEnvironment,
  ) => Omit<DbTransactionControl, 'library' | 'node'> | undefined;
  /** Handles created from scratch by this library's constructors and factories. */
  getHandleOrigin?: (node: TSESTree.Expression, environment: DbLibraryEnvironment) => Omit<DbHandleOrigin, 'library'> | undefined;
  /**
   * Handles derived from another handle (`dataSource.getRepository(User)`, `db.withSchema('s')`):
   * the handle it derives from and what the derived one is.
   */
  getDerivedHandle?: (
    chain: CallChain,
    environment: DbLibraryEnvironment,
  ) => { base: DbHandle; role: DbHandleRole; kind?: DbHandleKind } | undefined;
  /**
   * The text that opens and closes a transaction on `handle` around a block of statements, with
   * `parameter` as the transaction handle inside; used by suggestions.
   */
  wrapInTransaction?: (handle: string, parameter: string) => { open: string; close: string };
}

/**
 * Declares a database library descriptor. An identity function: it exists so that each library
 * module is checked against {@link DbLibrary} where it is written.
 *
 * @param library - the descriptor
 * @example
 * export const kysely = createDbLibrary({ name: 'kysely', modules: /^kysely$/u, … });
 */
export function createDbLibrary(library: DbLibrary): DbLibrary {
  return library;
}
