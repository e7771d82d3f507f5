import { createRuleTester } from '../../test/rule-tester.js';
import rule from './no-transaction-escape.js';

const ruleTester = createRuleTester();
const typedRuleTester = createRuleTester({ typed: true });

ruleTester.run('no-transaction-escape', rule, {
  valid: [
    // knex: queries built on the instance but run through the transaction with .transacting(trx)
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function transfer(from, to, amount) {
  await db.transaction(async (trx) => {
    await db('accounts').where({ id: from }).decrement('balance', amount).transacting(trx);
    await db('accounts').where({ id: to }).increment('balance', amount).transacting(trx);
  });
}
`,
    // every query through the transaction
    `
async function placeOrder(db, order) {
  await db.transaction().execute(async (trx) => {
    const product = await trx.selectFrom('products').selectAll().where('id', '=', order.productId).forUpdate().executeTakeFirstOrThrow();
    await trx.insertInto('orders').values(order).execute();
    await trx.updateTable('products').set({ stock: product.stock - 1 }).where('id', '=', product.id).execute();
  });
}
`,
    // repositories called with the transaction handle
    `
async function placeOrder(db, order) {
  return db.transaction().execute(async (trx) => {
    const saved = await insertOrder(trx, order);
    await reserveStock(trx, order.items);
    return saved;
  });
}
`,
    // queries before and after the transaction may use db
    `
async function placeOrder(db, order) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', order.userId).executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values({ ...order, user_id: user.id }).execute();
  });
  await db.insertInto('emails').values({ to: user.email }).execute();
}
`,
    // handles derived from the transaction
    `
import { DataSource } from 'typeorm';
async function place(dataSource, order) {
  await dataSource.transaction(async (manager) => {
    const orders = manager.getRepository(Order);
    const products = manager.withRepository(this.productRepository);
    await orders.save(order);
    await products.decrement({ id: order.productId }, 'stock', 1);
  });
}
async function report(db) {
  await db.transaction().execute(async (trx) => {
    const tenant = trx.withSchema('tenant_1');
    await tenant.insertInto('reports').values({}).execute();
  });
}
`,
    // returning or collecting query promises is awaiting them
    `
const touch = (db, id) => db.transaction().execute(async (trx) => trx.updateTable('users').set({ seen_at: new Date() }).where('id', '=', id).execute());
async function both(db, a, b) {
  await db.transaction().execute(async (trx) => {
    const first = trx.insertInto('events').values(a).execute();
    await first;
    await Promise.all(b.map(async (event) => {
      await trx.insertInto('events').values(event).execute();
    }));
    return trx.insertInto('events').values({ done: true }).execute();
  });
}
`,
    // Prisma batch transactions list queries on the client by design
    `
async function close(prisma, account) {
  await prisma.$transaction([
    prisma.entry.deleteMany({ where: { accountId: account.id } }),
    prisma.account.delete({ where: { id: account.id } }),
  ]);
}
`,
    // Prisma interactive transaction
    `
async function register(prisma, input) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email } });
    await tx.wallet.create({ data: { userId: user.id } });
    return user;
  });
}
`,
    // Drizzle nested transaction (savepoint) uses its own handle
    `
async function nested(db) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({});
    await tx.transaction(async (tx2) => {
      await tx2.insert(outbox).values({});
    });
  });
}
`,
    // knex transaction
    `
import knex from 'knex';
async function ship(db, orderId) {
  await db.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId });
    await trx('orders').where({ id: orderId }).update({ updated_at: db.raw('now()') });
  });
}
`,
    // node-postgres: queries on the client between BEGIN and COMMIT, the pool after
    `
async function deleteUser(pool, id) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await pool.query('INSERT INTO audit (kind) VALUES ($1)', ['user.deleted']);
}
`,
    // Kysely controlled transaction: db after commit
    `
async function move(db, a) {
  const trx = await db.startTransaction().execute();
  await trx.updateTable('bins').set({ qty: a.qty }).where('id', '=', a.id).execute();
  await trx.commit().execute();
  await db.insertInto('audit').values({ bin: a.id }).execute();
}
`,
    // non-database calls inside a transaction
    `
async function handle(db, cache, res, logger) {
  await db.transaction().execute(async (trx) => {
    cache.delete('orders');
    await axios.post('/hooks', {});
    logger.info({ db }, 'writing');
    console.log(db);
    res.send('ok');
    await trx.insertInto('orders').values({}).execute();
  });
}
`,
    // TypeORM query runner
    `
async function place(dataSource, order) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.startTransaction();
  await queryRunner.manager.save(order);
  await queryRunner.commitTransaction();
}
`,
    // a helper of the file handed the transaction's handle
    `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function logAudit(tx, orderId) {
  await tx.audit.create({ data: { orderId } });
}
export async function cancel(orderId) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    await logAudit(tx, orderId);
  });
  await notifyCancelled(orderId);
}
async function notifyCancelled(orderId) {
  await prisma.notification.create({ data: { orderId } });
}
`,
    // the transaction stored on the request context for the handlers next() runs inside it
    `
import type { Transaction } from 'sequelize';
import { sequelize } from '@server/storage/database';
/** The transaction is available as \`ctx.state.transaction\`. */
export function transaction() {
  return async function transactionMiddleware(ctx, next) {
    await sequelize.transaction(async (t: Transaction) => {
      ctx.state.transaction = t;
      return next();
    });
  };
}
`,
  ],
  invalid: [
    // a floating knex builder with .then(): one statement, one report
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function close(id) {
  await db.transaction(async (trx) => {
    await trx('tickets').where({ id }).update({ status: 'closed' });
    trx('ticket_events').insert({ ticket_id: id }).then(() => undefined);
  });
}
`,
      errors: [{ messageId: 'unawaitedQuery', line: 7, column: 5, endLine: 7, endColumn: 73 }],
    },
    // Kysely: db instead of trx
    {
      code: `
async function placeOrder(db, order) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values(order).execute();
    await db.updateTable('products').set({ stock: 0 }).where('id', '=', order.productId).execute();
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 5, column: 11, endLine: 5, endColumn: 13, suggestions: [{ messageId: 'useTransactionHandle', output: `
async function placeOrder(db, order) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values(order).execute();
    await trx.updateTable('products').set({ stock: 0 }).where('id', '=', order.productId).execute();
  });
}
` }] },
      ],
    },
    // Kysely: this.db in a service
    {
      code: `
class Orders {
  async place(order) {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('orders').values(order).execute();
      const stock = await this.db.selectFrom('stock').selectAll().where('sku', '=', order.sku).executeTakeFirst();
      return stock;
    });
  }
}
`,
      errors: [
        { messageId: 'outerHandle', line: 6, column: 27, endLine: 6, endColumn: 34, suggestions: [{ messageId: 'useTransactionHandle', output: `
class Orders {
  async place(order) {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('orders').values(order).execute();
      const stock = await trx.selectFrom('stock').selectAll().where('sku', '=', order.sku).executeTakeFirst();
      return stock;
    });
  }
}
` }] },
      ],
    },
    // a repository handed db inside the transaction
    {
      code: `
async function placeOrder(db, order) {
  await db.transaction().execute(async (trx) => {
    await insertOrder(trx, order);
    await reserveStock(db, order.items);
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 5, column: 24, endLine: 5, endColumn: 26, suggestions: [{ messageId: 'useTransactionHandle', output: `
async function placeOrder(db, order) {
  await db.transaction().execute(async (trx) => {
    await insertOrder(trx, order);
    await reserveStock(trx, order.items);
  });
}
` }] },
      ],
    },
    // Prisma: the client instead of tx
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function register(input) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email } });
    await prisma.wallet.create({ data: { userId: user.id } });
    return user;
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 7, column: 11, endLine: 7, endColumn: 17, suggestions: [{ messageId: 'useTransactionHandle', output: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function register(input) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email } });
    await tx.wallet.create({ data: { userId: user.id } });
    return user;
  });
}
` }] },
      ],
    },
    // Drizzle: db instead of tx
    {
      code: `
import { eq } from 'drizzle-orm';
async function buy(db, productId) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({ productId });
    await db.update(products).set({ reserved: 1 }).where(eq(products.id, productId));
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 6, column: 11, endLine: 6, endColumn: 13, suggestions: [{ messageId: 'useTransactionHandle', output: `
import { eq } from 'drizzle-orm';
async function buy(db, productId) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({ productId });
    await tx.update(products).set({ reserved: 1 }).where(eq(products.id, productId));
  });
}
` }] },
      ],
    },
    // TypeORM: an injected repository inside the transaction
    {
      code: `
import { DataSource } from 'typeorm';
class Orders {
  async place(order) {
    await this.dataSource.transaction(async (manager) => {
      await manager.save(order);
      await this.productRepository.decrement({ id: order.productId }, 'stock', 1);
    });
  }
}
`,
      errors: [
        { messageId: 'outerHandle', line: 7, column: 13, endLine: 7, endColumn: 35, suggestions: [{ messageId: 'useTransactionHandle', output: `
import { DataSource } from 'typeorm';
class Orders {
  async place(order) {
    await this.dataSource.transaction(async (manager) => {
      await manager.save(order);
      await manager.withRepository(this.productRepository).decrement({ id: order.productId }, 'stock', 1);
    });
  }
}
` }] },
      ],
    },
    // knex: knex instead of trx
    {
      code: `
import knex from 'knex';
async function ship(db, orderId) {
  await db.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId });
    await db('orders').where({ id: orderId }).update({ status: 'shipped' });
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 6, column: 11, endLine: 6, endColumn: 13, suggestions: [{ messageId: 'useTransactionHandle', output: `
import knex from 'knex';
async function ship(db, orderId) {
  await db.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId });
    await trx('orders').where({ id: orderId }).update({ status: 'shipped' });
  });
}
` }] },
      ],
    },
    // node-postgres: the pool between BEGIN and COMMIT
    {
      code: `
async function deleteUser(pool, id) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  await pool.query('DELETE FROM users WHERE id = $1', [id]);
  await client.query('COMMIT');
  client.release();
}
`,
      errors: [
        { messageId: 'outerHandle', line: 6, column: 9, endLine: 6, endColumn: 13, suggestions: [{ messageId: 'useTransactionHandle', output: `
async function deleteUser(pool, id) {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  await client.query('DELETE FROM users WHERE id = $1', [id]);
  await client.query('COMMIT');
  client.release();
}
` }] },
      ],
    },
    // mysql2: the pool between beginTransaction and commit
    {
      code: `
import mysql from 'mysql2/promise';
async function adjust(pool, sku) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute('UPDATE inventory SET qty = qty - 1 WHERE sku = ?', [sku]);
  await pool.execute('INSERT INTO inventory_log (sku) VALUES (?)', [sku]);
  await conn.commit();
}
`,
      errors: [
        { messageId: 'outerHandle', line: 7, column: 9, endLine: 7, endColumn: 13, suggestions: [{ messageId: 'useTransactionHandle', output: `
import mysql from 'mysql2/promise';
async function adjust(pool, sku) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute('UPDATE inventory SET qty = qty - 1 WHERE sku = ?', [sku]);
  await conn.execute('INSERT INTO inventory_log (sku) VALUES (?)', [sku]);
  await conn.commit();
}
` }] },
      ],
    },
    // TypeORM query runner: the data source manager inside
    {
      code: `
import { DataSource } from 'typeorm';
async function place(dataSource, order) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.startTransaction();
  await queryRunner.manager.save(order);
  await dataSource.manager.increment(Stats, { id: 1 }, 'orders', 1);
  await queryRunner.commitTransaction();
}
`,
      errors: [
        { messageId: 'outerHandle', line: 7, column: 9, endLine: 7, endColumn: 27, suggestions: [{ messageId: 'useTransactionHandle', output: `
import { DataSource } from 'typeorm';
async function place(dataSource, order) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.startTransaction();
  await queryRunner.manager.save(order);
  await queryRunner.manager.increment(Stats, { id: 1 }, 'orders', 1);
  await queryRunner.commitTransaction();
}
` }] },
      ],
    },
    // Kysely controlled transaction: db before commit
    {
      code: `
async function move(db, a) {
  const trx = await db.startTransaction().execute();
  await trx.updateTable('bins').set({ qty: a.qty }).where('id', '=', a.id).execute();
  await db.insertInto('audit').values({ bin: a.id }).execute();
  await trx.commit().execute();
}
`,
      errors: [
        { messageId: 'outerHandle', line: 5, column: 9, endLine: 5, endColumn: 11, suggestions: [{ messageId: 'useTransactionHandle', output: `
async function move(db, a) {
  const trx = await db.startTransaction().execute();
  await trx.updateTable('bins').set({ qty: a.qty }).where('id', '=', a.id).execute();
  await trx.insertInto('audit').values({ bin: a.id }).execute();
  await trx.commit().execute();
}
` }] },
      ],
    },
    // a second transaction on the outer handle inside the first
    {
      code: `
async function nested(db) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('a').values({}).execute();
    await db.transaction().execute(async (other) => {
      await other.insertInto('b').values({}).execute();
    });
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 5, column: 11, endLine: 5, endColumn: 13, suggestions: [{ messageId: 'useTransactionHandle', output: `
async function nested(db) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('a').values({}).execute();
    await trx.transaction().execute(async (other) => {
      await other.insertInto('b').values({}).execute();
    });
  });
}
` }] },
      ],
    },
    // the handle stored outside and used after the callback
    {
      code: `
async function leak(db) {
  let saved;
  await db.transaction().execute(async (trx) => {
    saved = trx;
    await trx.insertInto('a').values({}).execute();
  });
  await saved.insertInto('b').values({}).execute();
}
`,
      errors: [
        { messageId: 'handleEscapes', line: 5, column: 13, endLine: 5, endColumn: 16 },
      ],
    },
    // the handle returned from the callback
    {
      code: `
async function open(db) {
  const trx = await db.transaction().execute(async (inner) => inner);
  return trx;
}
`,
      errors: [
        { messageId: 'handleEscapes', line: 3, column: 63, endLine: 3, endColumn: 68 },
      ],
    },
    // the handle used in a deferred callback
    {
      code: `
async function later(db, id) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('jobs').set({ state: 'queued' }).where('id', '=', id).execute();
    setTimeout(() => trx.updateTable('jobs').set({ state: 'late' }).where('id', '=', id).execute(), 1000);
  });
}
`,
      errors: [
        { messageId: 'handleEscapes', line: 5, column: 22, endLine: 5, endColumn: 25 },
      ],
    },
    // the handle stored on this
    {
      code: `
class Unit {
  async begin() {
    await this.db.transaction().execute(async (trx) => {
      this.trx = trx;
    });
  }
  async save(row) {
    await this.trx.insertInto('rows').values(row).execute();
  }
}
`,
      errors: [
        { messageId: 'handleEscapes', line: 5, column: 18, endLine: 5, endColumn: 21 },
      ],
    },
    // a floating query
    {
      code: `
async function touch(db, id) {
  await db.transaction().execute(async (trx) => {
    trx.updateTable('users').set({ seen_at: new Date() }).where('id', '=', id).execute();
    await trx.insertInto('visits').values({ user_id: id }).execute();
  });
}
`,
      errors: [
        { messageId: 'unawaitedQuery', line: 4, column: 5, endLine: 4, endColumn: 89 },
      ],
    },
    // a voided query and a floating then-chain
    {
      code: `
async function touch(db, id) {
  await db.transaction().execute(async (trx) => {
    void trx.insertInto('visits').values({ user_id: id }).execute();
    trx.deleteFrom('carts').where('user_id', '=', id).execute().then(() => undefined);
  });
}
`,
      errors: [
        { messageId: 'unawaitedQuery', line: 4, column: 10, endLine: 4, endColumn: 68 },
        { messageId: 'unawaitedQuery', line: 5, column: 5, endLine: 5, endColumn: 64 },
      ],
    },
    // forEach with an async callback does not wait
    {
      code: `
async function saveAll(db, rows) {
  await db.transaction().execute(async (trx) => {
    rows.forEach(async (row) => {
      await trx.insertInto('rows').values(row).execute();
    });
  });
}
`,
      errors: [
        { messageId: 'unawaitedQuery', line: 4, column: 10, endLine: 4, endColumn: 17 },
      ],
    },
    // Prisma: a floating query never runs
    {
      code: `
async function cancel(prisma, id) {
  await prisma.$transaction(async (tx) => {
    tx.order.update({ where: { id }, data: { status: 'cancelled' } });
    await tx.refund.create({ data: { orderId: id } });
  });
}
`,
      errors: [
        { messageId: 'unawaitedQuery', line: 4, column: 5, endLine: 4, endColumn: 70 },
      ],
    },
    // a helper of the file that queries through the module-level client escapes the transaction
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function logAudit(orderId: string) {
  await prisma.audit.create({ data: { orderId } });
}
export async function cancel(orderId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    await logAudit(orderId);
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 10, column: 11, endLine: 10, endColumn: 28 },
      ],
    },
    // a method of the class that queries through this.db, called two helpers down
    {
      code: `
export class Orders {
  constructor(private readonly db: Kysely<DB>) {}
  private async touch(id: string) {
    await this.db.updateTable('orders').set({ touched_at: new Date() }).where('id', '=', id).execute();
  }
  private async audit(id: string) {
    await this.touch(id);
  }
  async ship(id: string) {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('orders').set({ status: 'shipped' }).where('id', '=', id).execute();
      await this.audit(id);
    });
  }
}
`,
      errors: [
        { messageId: 'outerHandle', line: 13, column: 13, endLine: 13, endColumn: 27 },
      ],
    },
  ],
});

typedRuleTester.run('no-transaction-escape (typed)', rule, {
  valid: [
    // typed: a Map named db inside a transaction is not a database
    `
import type { Kysely } from 'kysely';
interface DB { orders: { id: string } }
export async function place(store: Kysely<DB>, db: Map<string, string>, id: string) {
  await store.transaction().execute(async (trx) => {
    db.delete(id);
    await trx.insertInto('orders').values({ id }).execute();
  });
}
`,
    // typed: a Drizzle transaction used throughout
    `
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { pgTable } from 'drizzle-orm/pg-core';
const orders = pgTable('orders', {});
export async function place(store: NodePgDatabase) {
  await store.transaction(async (tx) => {
    await tx.insert(orders).values({});
    await tx.delete(orders);
  });
}
`,
  ],
  invalid: [
    // typed Kysely handle under any name
    {
      code: `
import type { Kysely } from 'kysely';
interface DB { orders: { id: string }; audit: { id: string } }
export async function place(store: Kysely<DB>, id: string) {
  await store.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values({ id }).execute();
    await store.insertInto('audit').values({ id }).execute();
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 7, column: 11, endLine: 7, endColumn: 16, suggestions: [{ messageId: 'useTransactionHandle', output: `
import type { Kysely } from 'kysely';
interface DB { orders: { id: string }; audit: { id: string } }
export async function place(store: Kysely<DB>, id: string) {
  await store.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values({ id }).execute();
    await trx.insertInto('audit').values({ id }).execute();
  });
}
` }] },
      ],
    },
    // typed PrismaClient under a generic name
    {
      code: `
import type { PrismaClient } from '@prisma/client';
export async function cancel(client: PrismaClient, orderId: string) {
  await client.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    await client.orderItem.deleteMany({ where: { orderId } });
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 6, column: 11, endLine: 6, endColumn: 17, suggestions: [{ messageId: 'useTransactionHandle', output: `
import type { PrismaClient } from '@prisma/client';
export async function cancel(client: PrismaClient, orderId: string) {
  await client.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    await tx.orderItem.deleteMany({ where: { orderId } });
  });
}
` }] },
      ],
    },
    // typed knex
    {
      code: `
import type { Knex } from 'knex';
export async function ship(store: Knex, orderId: string) {
  await store.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId });
    await store('orders').where({ id: orderId }).update({ status: 'shipped' });
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 6, column: 11, endLine: 6, endColumn: 16, suggestions: [{ messageId: 'useTransactionHandle', output: `
import type { Knex } from 'knex';
export async function ship(store: Knex, orderId: string) {
  await store.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId });
    await trx('orders').where({ id: orderId }).update({ status: 'shipped' });
  });
}
` }] },
      ],
    },
    // typed TypeORM data source and repository
    {
      code: `
import type { DataSource, Repository } from 'typeorm';
interface Product { id: number; stock: number }
export async function reserve(source: DataSource, products: Repository<Product>, id: number) {
  await source.transaction(async (manager) => {
    await manager.insert('reservations', { productId: id });
    await products.decrement({ id }, 'stock', 1);
  });
}
`,
      errors: [
        { messageId: 'outerHandle', line: 7, column: 11, endLine: 7, endColumn: 19, suggestions: [{ messageId: 'useTransactionHandle', output: `
import type { DataSource, Repository } from 'typeorm';
interface Product { id: number; stock: number }
export async function reserve(source: DataSource, products: Repository<Product>, id: number) {
  await source.transaction(async (manager) => {
    await manager.insert('reservations', { productId: id });
    await manager.withRepository(products).decrement({ id }, 'stock', 1);
  });
}
` }] },
      ],
    },
  ],
});
