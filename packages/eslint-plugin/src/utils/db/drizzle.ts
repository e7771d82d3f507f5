import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createDbLibrary } from './create-db-library.js';
import { unwrapExpression } from './get-call-chain.js';
import { getSqlKind, getSqlText } from './get-sql-kind.js';

const WRITES = new Set(['insert', 'update', 'delete']);
const READS = new Set(['select', 'selectDistinct', 'selectDistinctOn']);
// Steps only Drizzle's builders have after insert/update/delete/select: they prove the shape.
const BUILDER_STEPS = new Set([
  'values',
  'set',
  'where',
  'returning',
  'onConflictDoNothing',
  'onConflictDoUpdate',
  'onDuplicateKeyUpdate',
  'from',
  '$dynamic',
]);
const RELATIONAL_READS = new Set(['findMany', 'findFirst']);
const RAW_RUNNERS = new Set(['execute', 'run', 'all', 'get', 'values']);

function isTableReference(node: TSESTree.CallExpressionArgument | undefined): boolean {
  if (node === undefined || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const expression = unwrapExpression(node);
  return expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.MemberExpression;
}

/**
 * Drizzle ORM (https://orm.drizzle.team): `db.insert(t)`/`db.update(t)`/`db.delete(t)` builders
 * (thenable: they run when awaited), `db.select().from(t)`, the relational `db.query.t.findMany()`,
 * `db.execute(sql\`…\`)`, `db.transaction(async (tx) => …)` and `db.batch([…])`.
 *
 * @example
 * drizzle.getQuery(getCallChain(node), environment)?.operation; // 'write' for db.insert(users).values(v)
 */
export const drizzle = createDbLibrary({
  name: 'drizzle',
  modules: /^drizzle-orm(?:$|\/)/u,
  typeNames: {
    PgDatabase: { kind: 'database' },
    NodePgDatabase: { kind: 'database' },
    PostgresJsDatabase: { kind: 'database' },
    NeonDatabase: { kind: 'database' },
    NeonHttpDatabase: { kind: 'database' },
    VercelPgDatabase: { kind: 'database' },
    PgliteDatabase: { kind: 'database' },
    MySqlDatabase: { kind: 'database' },
    MySql2Database: { kind: 'database' },
    PlanetScaleDatabase: { kind: 'database' },
    BaseSQLiteDatabase: { kind: 'database' },
    BetterSQLite3Database: { kind: 'database' },
    LibSQLDatabase: { kind: 'database' },
    DrizzleD1Database: { kind: 'database' },
    BunSQLiteDatabase: { kind: 'database' },
    PgTransaction: { kind: 'transaction' },
    MySqlTransaction: { kind: 'transaction' },
    SQLiteTransaction: { kind: 'transaction' },
  },
  typePackages: /^drizzle-orm/u,
  transactionParameterName: 'tx',
  queryMethods: [...WRITES, ...READS, ...RELATIONAL_READS, ...RAW_RUNNERS],

  getQuery(chain, environment) {
    const { steps } = chain;
    // db.query.users.findMany()
    const last = steps.at(-1);
    if (last?.kind === 'method' && last.name !== undefined && RELATIONAL_READS.has(last.name) && steps.length >= 3) {
      const table = steps.at(-2);
      const query = steps.at(-3);
      if (table?.kind === 'property' && query?.kind === 'property' && query.name === 'query') {
        const handle = environment.getHandle(query.object);
        if (handle !== undefined && (handle.libraries.length === 0 || handle.libraries.includes('drizzle'))) {
          return { operation: 'read', handle, method: last.name };
        }
      }
    }
    // db.execute(sql`…`)
    if (steps.length >= 1 && last?.kind === 'method' && last.name !== undefined && RAW_RUNNERS.has(last.name)) {
      const [argument] = last.args;
      const expression = argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement ? undefined : unwrapExpression(argument);
      if (expression?.type === AST_NODE_TYPES.TaggedTemplateExpression) {
        const handle = environment.getHandle(last.object);
        if (handle !== undefined && (handle.libraries.length === 0 || handle.libraries.includes('drizzle'))) {
          const text = getSqlText(expression);
          const kind = text === undefined ? 'other' : getSqlKind(text);
          return { operation: kind === 'read' || kind === 'write' ? kind : 'other', handle, method: last.name };
        }
      }
    }
    const start = steps.findIndex((step) => step.kind === 'method' && step.name !== undefined && (WRITES.has(step.name) || READS.has(step.name)));
    const starter = steps[start];
    if (starter?.name === undefined) return undefined;
    const handle = environment.getHandle(starter.object);
    if (handle === undefined || (handle.libraries.length > 0 && !handle.libraries.includes('drizzle'))) return undefined;
    const isWrite = WRITES.has(starter.name);
    const proven = steps.slice(start + 1).some((step) => step.kind === 'method' && step.name !== undefined && BUILDER_STEPS.has(step.name));
    if (isWrite) {
      // One table argument: tells `db.delete(users)` from `axios.delete(url)`, `map.delete(key)`
      // and TypeORM's `manager.delete(Entity, criteria)`.
      if (starter.args.length !== 1 || !isTableReference(starter.args[0])) return undefined;
    } else if (!proven) {
      return undefined;
    }
    if (!proven && (handle.generic || !environment.allowsLooseShapes('drizzle'))) return undefined;
    return { operation: isWrite ? 'write' : 'read', handle, method: starter.name };
  },

  getTransaction(call, chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.node !== call) return undefined;
    const [first] = last.args;
    if (last.name === 'batch' && first?.type === AST_NODE_TYPES.ArrayExpression) {
      const handle = environment.getHandle(last.object);
      return handle && { handle, callback: undefined, batch: first };
    }
    if (last.name !== 'transaction') return undefined;
    if (first?.type !== AST_NODE_TYPES.ArrowFunctionExpression && first?.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
    const handle = environment.getHandle(last.object);
    return handle && { handle, callback: first, batch: undefined };
  },

  getHandleOrigin(node) {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'drizzle' ? { kind: 'database', role: 'client' } : undefined;
  },

  wrapInTransaction: (handle, parameter) => ({
    open: `await ${handle}.transaction(async (${parameter}) => {`,
    close: '});',
  }),
});
