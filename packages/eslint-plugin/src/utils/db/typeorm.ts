import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createDbLibrary, type DbHandle } from './create-db-library.js';
import { unwrapExpression } from './get-call-chain.js';
import { getSqlKind, getSqlText } from './get-sql-kind.js';

const WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
]);
const READS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'findByIds',
  'count',
  'countBy',
  'exist',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
]);
const BUILDER_WRITES = new Set(['insert', 'update', 'delete', 'softDelete', 'restore']);
const BUILDER_EXECUTORS = new Set([
  'execute',
  'getMany',
  'getOne',
  'getOneOrFail',
  'getRawMany',
  'getRawOne',
  'getCount',
  'getManyAndCount',
  'getRawAndEntities',
  'getExists',
  'stream',
]);
const REPOSITORY_FACTORIES = new Set([
  'getRepository',
  'getTreeRepository',
  'getMongoRepository',
  'getCustomRepository',
  'withRepository',
]);
const ISOLATION_LEVEL = /^(?:READ UNCOMMITTED|READ COMMITTED|REPEATABLE READ|SERIALIZABLE)$/u;

function isFunction(
  node: TSESTree.CallExpressionArgument | undefined,
): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

function isTypeormHandle(handle: DbHandle): boolean {
  return handle.libraries.length === 0 || handle.libraries.includes('typeorm');
}

/**
 * TypeORM (https://typeorm.io): repository and entity-manager methods (`save`, `insert`, `update`,
 * `upsert`, `delete`, `remove`, `softDelete`, `increment`, `decrement`…), query builders executed
 * with `execute()`/`getMany()`…, `dataSource.transaction(async (manager) => …)` (optionally with an
 * isolation level first), and `queryRunner.startTransaction()` … `commitTransaction()`.
 *
 * @example
 * typeorm.getQuery(getCallChain(node), environment)?.operation; // 'write' for this.orderRepository.save(o)
 */
export const typeorm = createDbLibrary({
  name: 'typeorm',
  modules: /^typeorm(?:$|\/)|^@nestjs\/typeorm$|^typeorm-transactional/u,
  typeNames: {
    Repository: { kind: 'database', role: 'repository' },
    TreeRepository: { kind: 'database', role: 'repository' },
    MongoRepository: { kind: 'database', role: 'repository' },
    EntityManager: { kind: 'either', role: 'manager' },
    MongoEntityManager: { kind: 'either', role: 'manager' },
    DataSource: { kind: 'database', role: 'dataSource' },
    Connection: { kind: 'database', role: 'dataSource' },
    QueryRunner: { kind: 'database', role: 'queryRunner' },
  },
  typePackages: /^typeorm/u,
  transactionParameterName: 'manager',
  queryMethods: [...WRITES, ...READS, 'query', 'createQueryBuilder'],

  getQuery(chain, environment) {
    const { steps } = chain;
    const last = steps.at(-1);
    if (last?.kind !== 'method' || last.name === undefined) return undefined;
    // Query builders: manager.createQueryBuilder().update(User).set(…).where(…).execute()
    const builderAt = steps.findIndex((step) => step.kind === 'method' && step.name === 'createQueryBuilder');
    const builder = steps[builderAt];
    if (builder !== undefined && BUILDER_EXECUTORS.has(last.name)) {
      const handle = environment.getHandle(builder.object);
      if (handle === undefined || !isTypeormHandle(handle)) return undefined;
      const writer = steps
        .slice(builderAt + 1)
        .find((step) => step.kind === 'method' && step.name !== undefined && BUILDER_WRITES.has(step.name));
      return { operation: writer ? 'write' : 'read', handle, method: writer?.name ?? last.name };
    }
    const isWrite = WRITES.has(last.name);
    if (!isWrite && !READS.has(last.name) && last.name !== 'query') return undefined;
    const handle = environment.getHandle(last.object);
    if (handle === undefined || !isTypeormHandle(handle)) return undefined;
    if (last.name === 'query') {
      if (handle.role === 'client') return undefined;
      const [text] = last.args;
      const sql = text === undefined ? undefined : getSqlText(text);
      const kind = sql === undefined ? 'other' : getSqlKind(sql);
      return { operation: kind === 'read' || kind === 'write' ? kind : 'other', handle, method: 'query' };
    }
    if (handle.role !== 'repository' && handle.role !== 'manager') return undefined;
    // A repository class of the application that takes the handle first (`orders.insert(trx, o)`)
    // is a helper, not TypeORM.
    const [first] = last.args;
    if (first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement && environment.getHandle(first) !== undefined) {
      return undefined;
    }
    const certain = handle.evidence === 'type' || handle.evidence === 'annotation' || handle.evidence === 'scope' || handle.evidence === 'origin';
    if (!certain && !environment.allowsLooseShapes('typeorm')) return undefined;
    return { operation: isWrite ? 'write' : 'read', handle, method: last.name };
  },

  getTransaction(call, chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name !== 'transaction' || last.node !== call) return undefined;
    const [first, second] = last.args;
    const callback = isFunction(first) ? first : isFunction(second) ? second : undefined;
    if (callback === undefined) return undefined;
    if (callback === second && !(first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && ISOLATION_LEVEL.test(first.value))) {
      return undefined;
    }
    const handle = environment.getHandle(last.object);
    if (handle === undefined || !isTypeormHandle(handle)) return undefined;
    if (callback === first && handle.role !== 'manager' && handle.role !== 'dataSource') return undefined;
    return { handle, callback, batch: undefined };
  },

  getTransactionControl(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method') return undefined;
    const action =
      last.name === 'startTransaction'
        ? 'begin'
        : last.name === 'commitTransaction'
          ? 'commit'
          : last.name === 'rollbackTransaction'
            ? 'rollback'
            : undefined;
    if (action === undefined) return undefined;
    const handle = environment.getHandle(last.object);
    return handle?.role === 'queryRunner' ? { action, handle, returnsHandle: false } : undefined;
  },

  getHandleOrigin(node, environment) {
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrapExpression(node.callee);
      return callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'DataSource' || callee.name === 'Connection')
        ? { kind: 'database', role: 'dataSource' }
        : undefined;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      // TypeORM 0.2's global API
      if (callee.name === 'getRepository' || callee.name === 'getCustomRepository') return { kind: 'database', role: 'repository' };
      if (callee.name === 'getManager') return { kind: 'database', role: 'manager' };
      if (callee.name === 'getConnection') return { kind: 'database', role: 'dataSource' };
      return undefined;
    }
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      callee.property.name === 'createQueryRunner' &&
      environment.getHandle(callee.object) !== undefined
    ) {
      return { kind: 'database', role: 'queryRunner' };
    }
    return undefined;
  },

  getDerivedHandle(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.name === undefined) return undefined;
    if (last.kind === 'property' && last.name === 'manager') {
      const base = environment.getHandle(last.object);
      return base && isTypeormHandle(base) ? { base, role: 'manager' } : undefined;
    }
    if (last.kind !== 'method' || !REPOSITORY_FACTORIES.has(last.name)) return undefined;
    const base = environment.getHandle(last.object);
    if (base === undefined || !isTypeormHandle(base)) return undefined;
    // Vendure's TransactionalConnection.getRepository(ctx, Entity): the repository is bound to
    // the transaction the request context carries, so the caller owns the boundary.
    if (last.name === 'getRepository' && last.args.length === 2) return { base, role: 'repository', kind: 'transaction' };
    return { base, role: 'repository' };
  },
});
