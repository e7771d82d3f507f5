import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import { getTypeServices } from '../types/get-type-services.js';
import { createDbModel, type DbModel, type DbModelOptions } from './create-db-model.js';

/** Builds the model of `code` and hands it the expression of the last statement (without `await`). */
function withLast<T>(code: string, ask: (model: DbModel, node: TSESTree.Expression) => T, options: { typed?: boolean; model?: DbModelOptions } = {}): T {
  let answer: T | undefined;
  runVisitor(
    code,
    (context) => ({
      'Program:exit'(program: TSESTree.Program) {
        const model = createDbModel(
          { ast: program, scopeManager: context.sourceCode.scopeManager, parserServices: getTypeServices(context) },
          options.model,
        );
        const last = program.body.at(-1);
        if (last?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error('the last statement must be an expression');
        const expression = last.expression.type === AST_NODE_TYPES.AwaitExpression ? last.expression.argument : last.expression;
        answer = ask(model, expression);
      },
    }),
    { typed: options.typed ?? false },
  );
  return answer as T;
}

function describeQuery(code: string, options?: { typed?: boolean; model?: DbModelOptions }): string | undefined {
  return withLast(
    code,
    (model, node) => {
      const query = model.getQuery(node);
      return query && `${query.library} ${query.operation} ${query.handle.kind} via ${code.slice(query.handle.node.range[0], query.handle.node.range[1])}`;
    },
    options,
  );
}

describe('createDbModel().getQuery', () => {
  it.each([
    ["import { Kysely } from 'kysely'; declare const db: Kysely<any>; await db.insertInto('t').values({}).execute();", 'kysely write database via db'],
    ["await db.selectFrom('t').selectAll().executeTakeFirst();", 'kysely read database via db'],
    ["await db.with('x', (q) => q.selectFrom('a')).updateTable('t').set({}).execute();", 'kysely write database via db'],
    ["import { sql } from 'kysely'; await sql`delete from t where id = ${1}`.execute(trx);", 'kysely write transaction via trx'],
    ["let q = db.updateTable('t').set({}); q = q.where('id', '=', 1); await q.execute();", 'kysely write database via db'],
    ['await prisma.user.create({ data: {} });', 'prisma write database via prisma'],
    ['await this.prisma.order.findMany();', 'prisma read database via this.prisma'],
    ['await tx.$executeRaw`UPDATE t SET a = 1`;', 'prisma write transaction via tx'],
    ["import { users } from './schema'; await db.insert(users).values({});", 'drizzle write database via db'],
    ['await db.delete(users).where(eq(users.id, 1));', 'drizzle write database via db'],
    ["import { Repository } from 'typeorm'; await this.orderRepository.save(order);", 'typeorm write database via this.orderRepository'],
    ["import { DataSource } from 'typeorm'; await dataSource.manager.increment(Account, {}, 'balance', 1);", 'typeorm write database via dataSource.manager'],
    ["await manager.createQueryBuilder().update(User).set({}).where('id = 1').execute();", 'typeorm write database via manager'],
    ["await knex('orders').where({ id: 1 }).update({ paid: true });", 'knex write database via knex'],
    ["await trx('orders').insert({});", 'knex write transaction via trx'],
    ["await pool.query('INSERT INTO t VALUES ($1)', [1]);", 'pg write database via pool'],
    ["const text = 'SELECT 1'; await client.query(text);", 'pg read database via client'],
    ["await conn.execute('UPDATE t SET a = 1');", 'pg write database via conn'],
  ])('%s → %s', (code, expected) => {
    expect(describeQuery(code)).toBe(expected);
  });

  it.each([
    ['sessions.delete(id);'],
    ["await axios.delete('/users/1');"],
    ["cache.set('k', 1);"],
    ["res.send('ok');"],
    ["await client.delete('/users/1');"],
    ['await db.insertInto("t").values({});'],
    ["await this.orderRepository.insert(trx, order);"],
    ["import { EntityManager } from '@mikro-orm/core'; await this.orderRepository_.update(data, context);"],
  ])('%s is not a query', (code) => {
    expect(describeQuery(code)).toBeUndefined();
  });

  it('counts additionalWriteMethods on a handle', () => {
    expect(describeQuery("await db.bulkUpsert('t', rows);", { model: { additionalWriteMethods: ['bulkUpsert'] } })).toBe('pg write database via db');
  });

  it('lets declared types decide', () => {
    expect(describeQuery("import type { Kysely } from 'kysely'; declare const store: Kysely<{ t: { a: number } }>; await store.deleteFrom('t').execute();", { typed: true })).toBe(
      'kysely write database via store',
    );
    expect(describeQuery('declare const db: Map<string, number>; db.delete("a");', { typed: true })).toBeUndefined();
  });
});

describe('createDbModel().getTransaction', () => {
  it.each([
    ['await db.transaction().setIsolationLevel("serializable").execute(async (trx) => {});', 'kysely trx'],
    ['await prisma.$transaction(async (tx) => {}, { timeout: 5000 });', 'prisma tx'],
    ["import { drizzle } from 'drizzle-orm/node-postgres'; await db.transaction(async (tx) => {});", 'drizzle tx'],
    ["import { DataSource } from 'typeorm'; await dataSource.transaction('SERIALIZABLE', async (manager) => {});", 'typeorm manager'],
    ["import knex from 'knex'; await knex.transaction(async (trx) => {});", 'knex trx'],
    ['await prisma.$transaction([prisma.user.delete({ where: { id: 1 } })]);', 'prisma batch'],
  ])('%s opens a %s transaction', (code, expected) => {
    const answer = withLast(code, (model, node) => {
      const transaction = model.getTransaction(node);
      const parameter = transaction?.parameter;
      return transaction && `${transaction.library} ${parameter?.type === AST_NODE_TYPES.Identifier ? parameter.name : 'batch'}`;
    });
    expect(answer).toBe(expected);
  });

  it('makes the callback parameter a transaction handle', () => {
    const kinds = withLast('await db.transaction().execute(async (t) => t);', (model, node) => {
      const callback = (node as TSESTree.CallExpression).arguments[0] as TSESTree.ArrowFunctionExpression;
      return [model.isTransactionHandle(callback.body as TSESTree.Identifier), model.getHandle(callback.body as TSESTree.Identifier)?.evidence];
    });
    expect(kinds).toEqual([true, 'scope']);
  });
});

describe('createDbModel().getTransactionControl', () => {
  it.each([
    ["await client.query('BEGIN');", 'pg begin false'],
    ["await client.query('COMMIT');", 'pg commit false'],
    ['await conn.beginTransaction();', 'pg begin false'],
    ['await db.startTransaction().execute();', 'kysely begin true'],
    ['await trx.commit().execute();', 'kysely commit false'],
    ["import { DataSource } from 'typeorm'; await queryRunner.startTransaction();", 'typeorm begin false'],
    ["import knex from 'knex'; await knex.transaction();", 'knex begin true'],
  ])('%s is %s', (code, expected) => {
    const answer = withLast(code, (model, node) => {
      const control = model.getTransactionControl(node);
      return control && `${control.library} ${control.action} ${String(control.returnsHandle)}`;
    });
    expect(answer).toBe(expected);
  });
});

describe('createDbModel().getHandle', () => {
  it.each([
    ['trx;', 'transaction'],
    ['this.db;', 'database'],
    ['ctx.prisma;', 'database'],
    ["c.get('db');", 'database'],
    ["import type { Transaction } from 'kysely'; declare const db: Transaction<DB>; db;", 'transaction'],
    ["import type { Kysely, Transaction } from 'kysely'; declare const executor: Kysely<DB> | Transaction<DB>; executor;", 'either'],
    ['declare const db: Map<string, number>; db;', undefined],
    ["import { Pool } from 'pg'; const p = new Pool(); p;", 'database'],
    ['const stripe = new Stripe(key); stripe;', undefined],
    ['const client = new Stripe(key); client;', undefined],
    ['items;', undefined],
  ])('%s is a %s handle', (code, kind) => {
    expect(withLast(code, (model, node) => model.getHandle(node)?.kind)).toBe(kind);
  });
});
