import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type {
  DbHandle,
  DbLibrary,
  DbLibraryEnvironment,
  DbLibraryName,
  DbQuery,
  DbTransaction,
  DbTransactionControl,
} from './create-db-library.js';
import { createHandleResolver } from './create-handle-resolver.js';
import { drizzle } from './drizzle.js';
import { getCallChain, getMemberName, isChainEnd, unwrapExpression } from './get-call-chain.js';
import { getImportedLibraries } from './get-imported-libraries.js';
import { knex } from './knex.js';
import { kysely } from './kysely.js';
import { pg } from './pg.js';
import { prisma } from './prisma.js';
import { sequelize } from './sequelize.js';
import { typeorm } from './typeorm.js';

/** Every library the model knows, in the order their shapes are tried. */
export const DB_LIBRARIES: readonly DbLibrary[] = [kysely, prisma, drizzle, typeorm, knex, sequelize, pg];

/** The default `handlePattern`: names (and `this.<name>`) that denote database handles. */
export const DEFAULT_HANDLE_PATTERN = '^(db|database|kysely|trx|tx|prisma|knex|client|pool|conn|connection|manager|em|orm)$';

/** Options shared by every rule that uses the model. */
export interface DbModelOptions {
  /** Regular expression (source) for handle names without type information. */
  handlePattern?: string;
  /** Libraries to consider; by default every library, with loose shapes only for imported ones. */
  libraries?: readonly DbLibraryName[];
  /** Extra method names that count as writes when called on a handle (`['bulkUpsert']`). */
  additionalWriteMethods?: readonly string[];
}

/** The file the model answers questions about. */
export interface DbModelSource {
  ast: TSESTree.Program;
  /** The file's scope manager (`context.sourceCode.scopeManager`); `null` disables variable tracking. */
  scopeManager: TSESLint.Scope.ScopeManager | null;
  /** Parser services with a program, when the file is linted with type information. */
  parserServices?: ParserServicesWithTypeInformation | undefined;
}

/** Answers about database handles, queries and transactions in one file. */
export interface DbModel {
  /** The libraries considered in this file. */
  readonly libraries: readonly DbLibrary[];
  /** The handle an expression denotes (`db`, `this.prisma`, `trx`, `manager.getRepository(User)`). */
  getHandle: (node: TSESTree.Expression) => DbHandle | undefined;
  /**
   * The handle an expression denotes as far as names, annotations and constructors tell, without
   * asking the type checker (cheap even in typed linting).
   */
  getSyntacticHandle: (node: TSESTree.Expression) => DbHandle | undefined;
  /** Whether an expression is a database or transaction handle. */
  isDbHandle: (node: TSESTree.Expression) => boolean;
  /** Whether an expression is a transaction handle (including the handle parameter of a transaction callback). */
  isTransactionHandle: (node: TSESTree.Expression) => boolean;
  /** The query a call or tagged template executes, if any: read, write or other, and its handle. */
  getQuery: (node: TSESTree.Node) => DbQuery | undefined;
  /** Whether a call or tagged template executes a write. */
  isWrite: (node: TSESTree.Node) => boolean;
  /** The transaction a call opens with a callback or batch (`db.transaction().execute(cb)`, `$transaction([…])`). */
  getTransaction: (node: TSESTree.Node) => DbTransaction | undefined;
  /** For a function passed as a transaction callback: that transaction. */
  getCallbackTransaction: (node: TSESTree.Node) => DbTransaction | undefined;
  /** `BEGIN`/`COMMIT`/`ROLLBACK` statements of controlled transactions. */
  getTransactionControl: (node: TSESTree.Node) => DbTransactionControl | undefined;
  /** Whether a method runs in a transaction its decorator opens (`@Transactional()`, `@Transaction()`). */
  isTransactionalFunction: (node: TSESTree.Node) => boolean;
  /** The descriptor of a library. */
  getLibrary: (name: DbLibraryName) => DbLibrary;
  /** The variable an identifier refers to (through the scope manager). */
  findVariable: (node: TSESTree.Identifier) => TSESLint.Scope.Variable | undefined;
}

// Method names that can end a call opening or controlling a transaction: anything else is
// answered without building its chain (most calls of a file are not database calls).
const TRANSACTION_METHODS = new Set(['execute', 'transaction', '$transaction', 'batch']);
const CONTROL_METHODS = new Set([
  'execute',
  'transaction',
  'commit',
  'rollback',
  'query',
  'beginTransaction',
  'startTransaction',
  'commitTransaction',
  'rollbackTransaction',
]);

/**
 * Whether a call's chain has a step named in `names`, or calls something and goes on with a
 * method (knex's `db('t').insert(…)`). Reads names off the nodes without building the chain.
 */
function hasStepNamed(node: TSESTree.Expression, names: ReadonlySet<string>): boolean {
  let current = unwrapExpression(node);
  let afterCall = false;
  for (let depth = 0; depth < 64; depth += 1) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return afterCall;
      afterCall = true;
      current = callee;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (names.has(getMemberName(current) ?? '')) return true;
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      return true;
    } else {
      return false;
    }
  }
  return false;
}

/** The name of the method a call ends with (`execute` in `db.transaction().execute(cb)`). */
function getLastMethodName(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): string | undefined {
  const callee = unwrapExpression(node.type === AST_NODE_TYPES.CallExpression ? node.callee : node.tag);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
}

const TRANSACTIONAL_DECORATOR = /^(?:Transaction|Transactional|InjectTransactionManager|UseTransaction|WithTransaction|RunInTransaction)$/u;

function getDecoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression =
    decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.property.type === AST_NODE_TYPES.Identifier) {
    return expression.property.name;
  }
  return undefined;
}

// Compiled once per distinct options: rules get a fresh options object for every file.
const compiledOptions = new Map<string, { handlePattern: RegExp; additionalWrites: ReadonlySet<string> }>();

function compileOptions(options: DbModelOptions): { handlePattern: RegExp; additionalWrites: ReadonlySet<string> } {
  const key = JSON.stringify([options.handlePattern, options.additionalWriteMethods]);
  let compiled = compiledOptions.get(key);
  if (compiled === undefined) {
    compiled = {
      handlePattern: new RegExp(options.handlePattern ?? DEFAULT_HANDLE_PATTERN, 'u'),
      additionalWrites: new Set(options.additionalWriteMethods ?? []),
    };
    compiledOptions.set(key, compiled);
  }
  return compiled;
}

/**
 * Builds the database model of one file: which expressions are database or transaction handles,
 * which calls execute reads and writes, which open transactions, for Kysely, Prisma, Drizzle,
 * TypeORM, knex and pg/mysql2. It works on TSESTree without type information (handle names,
 * annotations, constructors and imports in the file) and lets declared types decide when
 * `parserServices` has a program. Answers are cached per node, so asking twice is cheap.
 *
 * @param source - the file's AST, scope manager and optional parser services
 * @param options - handle pattern, libraries, extra write methods
 * @example
 * const model = createDbModel({ ast, scopeManager, parserServices: getTypeServices(context) }, {});
 * const query = model.getQuery(callExpression);
 * if (query?.operation === 'write' && !model.isTransactionHandle(query.handle.node)) …
 */
export function createDbModel(source: DbModelSource, options: DbModelOptions = {}): DbModel {
  const imported = getImportedLibraries(source.ast, DB_LIBRARIES);
  // Imported libraries first: shapes several libraries share (`db.transaction(cb)`) go to them.
  const libraries = (
    options.libraries === undefined ? DB_LIBRARIES : DB_LIBRARIES.filter((library) => options.libraries?.includes(library.name))
  ).toSorted((a, b) => Number(imported.libraries.has(b.name)) - Number(imported.libraries.has(a.name)));
  const looseEverywhere = options.libraries !== undefined || (imported.libraries.size === 0 && !imported.importsOtherDataLayer);
  const { handlePattern, additionalWrites } = compileOptions(options);
  const queryMethods = new Set([...libraries.flatMap((library) => library.queryMethods), ...additionalWrites]);
  const queries = new WeakMap<TSESTree.Node, DbQuery | null>();
  const transactions = new WeakMap<TSESTree.Node, DbTransaction | null>();
  const controls = new WeakMap<TSESTree.Node, DbTransactionControl | null>();

  const allowsLooseShapes = (library: DbLibraryName): boolean =>
    options.libraries === undefined ? looseEverywhere || imported.libraries.has(library) : options.libraries.includes(library);

  // The resolver needs the model (a transaction callback's parameter is a transaction handle) and
  // the libraries need the resolver: the environment closes over both.
  const environment: DbLibraryEnvironment = {
    getHandle: (node) => resolver.getHandle(node),
    getReceiverHandle: (node) => resolver.getReceiverHandle(node),
    allowsLooseShapes,
    isImported: (library) => (options.libraries === undefined ? imported.libraries.has(library) : options.libraries.includes(library)),
    getInitializer: (node) => resolver.getInitializer(node),
  };

  const getTransaction = (node: TSESTree.Node): DbTransaction | undefined => {
    if (node.type !== AST_NODE_TYPES.CallExpression || !TRANSACTION_METHODS.has(getLastMethodName(node) ?? '')) return undefined;
    const cached = transactions.get(node);
    if (cached !== undefined) return cached ?? undefined;
    transactions.set(node, null);
    const chain = getCallChain(node);
    let found: DbTransaction | undefined;
    for (const library of libraries) {
      const match = library.getTransaction(node, chain, environment);
      if (match === undefined || (match.handle.libraries.length > 0 && !match.handle.libraries.includes(library.name))) continue;
      found = { ...match, library: library.name, node, parameter: match.callback?.params[0] };
      break;
    }
    transactions.set(node, found ?? null);
    return found;
  };

  const getCallbackTransaction = (node: TSESTree.Node): DbTransaction | undefined => {
    if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
    const { parent } = node;
    if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node)) return undefined;
    const transaction = getTransaction(parent);
    return transaction?.callback === node ? transaction : undefined;
  };

  const resolver = createHandleResolver({
    source,
    libraries,
    handlePattern,
    environment,
    getCallbackTransaction,
    getTransactionControl: (node) => getTransactionControl(node),
  });

  // Without a program the resolver is already syntactic; with one, a second resolver answers
  // without types, created on first use.
  let syntacticResolver: typeof resolver | undefined;
  const getSyntacticHandle = (node: TSESTree.Expression): DbHandle | undefined => {
    if (source.parserServices === undefined) return resolver.getHandle(unwrapExpression(node));
    syntacticResolver ??= createHandleResolver({
      source: { ...source, parserServices: undefined },
      libraries,
      handlePattern,
      environment,
      getCallbackTransaction,
      getTransactionControl: (call) => getTransactionControl(call),
    });
    return syntacticResolver.getHandle(unwrapExpression(node));
  };

  const getQuery = (node: TSESTree.Node): DbQuery | undefined => {
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.TaggedTemplateExpression) return undefined;
    const cached = queries.get(node);
    if (cached !== undefined) return cached ?? undefined;
    let found: DbQuery | undefined;
    if (hasStepNamed(node, queryMethods) && isChainEnd(node)) {
      const chain = getCallChain(node);
      for (const library of libraries) {
        const match = library.getQuery(chain, environment);
        if (match === undefined) continue;
        if (match.handle.libraries.length > 0 && !match.handle.libraries.includes(library.name)) continue;
        found = { ...match, library: library.name, node };
        break;
      }
      const last = chain.steps.at(-1);
      if (found === undefined && last?.kind === 'method' && last.name !== undefined && additionalWrites.has(last.name)) {
        const handle = resolver.getHandle(last.object);
        // A method of an unknown client: the generic SQL driver is the closest description.
        if (handle !== undefined) found = { library: handle.libraries[0] ?? 'pg', node, operation: 'write', handle, method: last.name };
      }
    }
    queries.set(node, found ?? null);
    return found;
  };

  const getTransactionControl = (node: TSESTree.Node): DbTransactionControl | undefined => {
    if (node.type !== AST_NODE_TYPES.CallExpression || !CONTROL_METHODS.has(getLastMethodName(node) ?? '')) return undefined;
    const cached = controls.get(node);
    if (cached !== undefined) return cached ?? undefined;
    controls.set(node, null);
    let found: DbTransactionControl | undefined;
    if (isChainEnd(node)) {
      const chain = getCallChain(node);
      for (const library of libraries) {
        const match = library.getTransactionControl?.(chain, environment);
        if (match === undefined) continue;
        found = { ...match, library: library.name, node };
        break;
      }
    }
    controls.set(node, found ?? null);
    return found;
  };

  const isTransactionalFunction = (node: TSESTree.Node): boolean => {
    const { parent } = node;
    if (parent?.type !== AST_NODE_TYPES.MethodDefinition || parent.value !== node) return false;
    // ESLint's default parser has no decorators, and no `decorators` array either.
    const decorators = parent.decorators as readonly TSESTree.Decorator[] | undefined;
    return decorators?.some((decorator) => TRANSACTIONAL_DECORATOR.test(getDecoratorName(decorator) ?? '')) ?? false;
  };

  return {
    libraries,
    getHandle: (node) => resolver.getHandle(unwrapExpression(node)),
    getSyntacticHandle,
    isDbHandle: (node) => resolver.getHandle(unwrapExpression(node)) !== undefined,
    isTransactionHandle: (node) => resolver.getHandle(unwrapExpression(node))?.kind === 'transaction',
    getQuery,
    isWrite: (node) => getQuery(node)?.operation === 'write',
    getTransaction,
    getCallbackTransaction,
    getTransactionControl,
    isTransactionalFunction,
    getLibrary: (name) => DB_LIBRARIES.find((library) => library.name === name) ?? kysely,
    findVariable: resolver.findVariable,
  };
}
