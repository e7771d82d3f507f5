import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createDbLibrary, type DbLibraryEnvironment } from './create-db-library.js';
import { unwrapExpression } from './get-call-chain.js';
import { getSqlKind, getSqlText, type SqlKind } from './get-sql-kind.js';

const QUERY_METHODS = new Set(['query', 'execute']);
const CONSTRUCTORS = new Set(['Pool', 'Client']);
const FACTORIES = new Set(['createPool', 'createConnection', 'createPoolCluster']);
const CHECKOUTS = new Set(['connect', 'getConnection', 'promise']);

/** The SQL kind of a query argument, following one `const` variable. */
function getArgumentSqlKind(
  node: TSESTree.CallExpressionArgument | undefined,
  environment: DbLibraryEnvironment,
): SqlKind | undefined {
  if (node === undefined || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const initializer = environment.getInitializer(expression);
    if (initializer === undefined) return undefined;
    expression = initializer;
  }
  const text = getSqlText(expression);
  return text === undefined ? undefined : getSqlKind(text);
}

/**
 * node-postgres (https://node-postgres.com) and mysql2: `pool.query('INSERT …')`,
 * `client.query({ text })`, `conn.execute('UPDATE …')`, classified by the SQL's leading keyword;
 * transactions are `client.query('BEGIN')` … `client.query('COMMIT')` on one checked-out client,
 * or mysql2's `conn.beginTransaction()` … `conn.commit()`.
 *
 * @example
 * pg.getQuery(getCallChain(node), environment)?.operation; // 'write' for client.query('UPDATE …')
 */
export const pg = createDbLibrary({
  name: 'pg',
  modules: /^(?:pg|pg-pool|mysql2?|mysql2\/promise|@neondatabase\/serverless|@vercel\/postgres)$/u,
  typeNames: {
    Pool: { kind: 'database' },
    Client: { kind: 'database' },
    PoolClient: { kind: 'database' },
    Connection: { kind: 'database' },
    PoolConnection: { kind: 'database' },
  },
  typePackages: /^(?:pg|pg-pool|mysql2(?:\/promise)?|@neondatabase\/serverless|@vercel\/postgres)$/u,
  transactionParameterName: 'client',
  queryMethods: [...QUERY_METHODS],

  getQuery(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name === undefined || !QUERY_METHODS.has(last.name)) return undefined;
    const kind = getArgumentSqlKind(last.args[0], environment);
    if (kind === 'begin' || kind === 'commit' || kind === 'rollback') return undefined;
    const operation = kind === 'read' || kind === 'write' ? kind : 'other';
    // Visible SQL proves the shape on any receiver; otherwise the receiver must be a known client.
    const handle = operation === 'other' ? environment.getHandle(last.object) : environment.getReceiverHandle(last.object);
    if (handle === undefined || handle.role !== 'client') return undefined;
    if (handle.libraries.length > 0 && !handle.libraries.includes('pg')) return undefined;
    if (operation === 'other' && (kind === undefined ? handle.generic || handle.evidence === 'shape' : false)) return undefined;
    return { operation, handle, method: last.name };
  },

  getTransaction: () => undefined,

  getTransactionControl(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name === undefined) return undefined;
    let action: 'begin' | 'commit' | 'rollback' | undefined;
    if (QUERY_METHODS.has(last.name)) {
      const kind = getArgumentSqlKind(last.args[0], environment);
      action = kind === 'begin' || kind === 'commit' || kind === 'rollback' ? kind : undefined;
    } else if (last.name === 'beginTransaction') {
      action = 'begin';
    } else if ((last.name === 'commit' || last.name === 'rollback') && last.args.length === 0) {
      action = last.name;
    }
    if (action === undefined) return undefined;
    const handle = environment.getHandle(last.object);
    if (handle === undefined || handle.kind === 'transaction' || handle.role !== 'client') return undefined;
    if (handle.libraries.length > 0 && !handle.libraries.includes('pg')) return undefined;
    return { action, handle, returnsHandle: false };
  },

  getHandleOrigin(node, environment) {
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrapExpression(node.callee);
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
            ? callee.property.name
            : undefined;
      return name !== undefined && CONSTRUCTORS.has(name) ? { kind: 'database', role: 'client' } : undefined;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (FACTORIES.has(callee.property.name)) return { kind: 'database', role: 'client' };
    // A client checked out of a pool: the connection a BEGIN … COMMIT must run on.
    if (CHECKOUTS.has(callee.property.name)) {
      const pool = environment.getHandle(callee.object);
      return pool?.role === 'client' && (pool.libraries.length === 0 || pool.libraries.includes('pg'))
        ? { kind: 'database', role: 'client' }
        : undefined;
    }
    return undefined;
  },
});
