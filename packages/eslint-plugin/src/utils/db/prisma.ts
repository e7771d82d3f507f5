import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createDbLibrary } from './create-db-library.js';
import { unwrapExpression } from './get-call-chain.js';
import { getSqlKind, getSqlText } from './get-sql-kind.js';

const WRITES = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
]);
const READS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);
const RAW_WRITES = new Set(['$executeRaw', '$executeRawUnsafe']);
const RAW_QUERIES = new Set(['$queryRaw', '$queryRawUnsafe']);
const MODEL_NAME = /^[a-z_][\w]*$/u;

/**
 * Prisma (https://www.prisma.io): model delegate calls `client.<model>.create|update|…()`,
 * `$executeRaw*`/`$queryRaw*`, interactive transactions `$transaction(async (tx) => …)` and batch
 * transactions `$transaction([…])`. Prisma queries are lazy promises: they run when awaited or
 * handed to `$transaction([…])`.
 *
 * @example
 * prisma.getQuery(getCallChain(node), environment)?.operation; // 'write' for prisma.user.create({…})
 */
export const prisma = createDbLibrary({
  name: 'prisma',
  modules: /prisma/u,
  typeNames: {
    PrismaClient: { kind: 'database' },
    TransactionClient: { kind: 'transaction' },
  },
  typePackages: /prisma/u,
  transactionParameterName: 'tx',
  queryMethods: [...WRITES, ...READS, ...RAW_WRITES, ...RAW_QUERIES],

  getQuery(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.name === undefined) return undefined;
    if (RAW_WRITES.has(last.name) || RAW_QUERIES.has(last.name)) {
      if (last.kind !== 'tag' && last.kind !== 'method') return undefined;
      const handle = environment.getHandle(last.object);
      if (handle === undefined) return undefined;
      if (RAW_WRITES.has(last.name)) return { operation: 'write', handle, method: last.name };
      const text = getSqlText(last.kind === 'tag' ? last.node : (last.args[0] ?? last.node));
      const kind = text === undefined ? 'read' : getSqlKind(text);
      return { operation: kind === 'write' ? 'write' : kind === 'read' ? 'read' : 'other', handle, method: last.name };
    }
    if (last.kind !== 'method') return undefined;
    const isWrite = WRITES.has(last.name);
    if (!isWrite && !READS.has(last.name)) return undefined;
    const model = chain.steps.at(-2);
    if (model?.kind !== 'property' || model.name === undefined || !MODEL_NAME.test(model.name)) return undefined;
    const handle = environment.getHandle(model.object);
    if (handle === undefined || (handle.libraries.length > 0 && !handle.libraries.includes('prisma'))) return undefined;
    // A generic name (`client`, `conn`) with Prisma's shape could be any SDK (`client.customers.create`).
    if (handle.generic && !environment.allowsLooseShapes('prisma')) return undefined;
    return { operation: isWrite ? 'write' : 'read', handle, method: last.name };
  },

  getTransaction(call, chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name !== '$transaction' || last.node !== call) return undefined;
    const handle = environment.getHandle(last.object);
    const [first] = last.args;
    if (handle === undefined || first === undefined || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (first.type === AST_NODE_TYPES.ArrowFunctionExpression || first.type === AST_NODE_TYPES.FunctionExpression) {
      return { handle, callback: first, batch: undefined };
    }
    return { handle, callback: undefined, batch: first };
  },

  getHandleOrigin(node) {
    if (node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'PrismaClient'
      ? { kind: 'database', role: 'client' }
      : undefined;
  },

  getDerivedHandle(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name !== '$extends') return undefined;
    const base = environment.getHandle(last.object);
    return base && { base, role: base.role };
  },

  wrapInTransaction: (handle, parameter) => ({
    open: `await ${handle}.$transaction(async (${parameter}) => {`,
    close: '});',
  }),
});

