import { createRuleTester } from '../../test/rule-tester.js';
import rule from './require-transaction.js';

const ruleTester = createRuleTester();
const typedRuleTester = createRuleTester({ typed: true });

ruleTester.run('require-transaction', rule, {
  valid: [
    // test code: a Playwright fixture helper and a helper in the playwright folder write rows one by one on purpose
    {
      code: `
import { expect } from '@playwright/test';
import { prisma } from '@/lib/prisma';
export async function createWorkspace(name) {
  const workspace = await prisma.project.create({ data: { name } });
  await prisma.user.update({ where: { id: 'owner' }, data: { defaultWorkspace: workspace.slug } });
  expect(workspace.id).toBeTruthy();
}
`,
    },
    {
      code: `
import { prisma } from '@/lib/prisma';
export async function resetUsage(orgId) {
  await prisma.usage.deleteMany({ where: { orgId } });
  await prisma.organisation.update({ where: { id: orgId }, data: { quota: 10 } });
}
`,
      filename: 'apps/web/playwright/api/rate-limits.ts',
    },
    // a parameter named as a transaction but annotated with the database type: the caller owns the boundary
    `
import type { Kysely } from 'kysely';
interface DB { order_lines: { order_id: string }; orders: { id: string; lines: number } }
export async function addLines(trx: Kysely<DB>, orderId: string) {
  await trx.insertInto('order_lines').values({ order_id: orderId }).execute();
  await trx.updateTable('orders').set({ lines: 1 }).where('id', '=', orderId).execute();
}
`,
    // knex: a controlled transaction that the queries join with .transacting(trx)
    `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function transfer(from, to, amount) {
  const trx = await db.transaction();
  try {
    await db('accounts').where({ id: from }).decrement('balance', amount).transacting(trx);
    await db('accounts').where({ id: to }).increment('balance', amount).transacting(trx);
    await trx.commit();
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
`,
    // Kysely: all writes in one transaction
    `
async function createOrder(db, input) {
  return db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
    const order = await trx.insertInto('orders').values(input.order).returning('id').executeTakeFirstOrThrow();
    for (const item of input.items) {
      await trx.insertInto('order_items').values({ order_id: order.id, ...item }).execute();
    }
    return order;
  });
}
`,
    // a single write
    `
async function rename(db, id, name) {
  await db.updateTable('users').set({ name }).where('id', '=', id).execute();
}
`,
    // reads do not count
    `
async function load(db, id) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  const orders = await db.selectFrom('orders').selectAll().where('user_id', '=', id).execute();
  return { user, orders };
}
`,
    // mutually exclusive branches do not add up
    `
async function settle(db, payment, ok) {
  if (ok) {
    await db.updateTable('payments').set({ status: 'paid' }).where('id', '=', payment.id).execute();
  } else {
    await db.updateTable('payments').set({ status: 'failed' }).where('id', '=', payment.id).execute();
  }
}
`,
    // an early return separates the paths
    `
async function touch(db, session) {
  if (session.expired) {
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    return;
  }
  await db.updateTable('sessions').set({ seen_at: new Date() }).where('id', '=', session.id).execute();
}
`,
    // switch cases are exclusive
    `
async function apply(db, event) {
  switch (event.kind) {
    case 'paid':
      await db.updateTable('orders').set({ status: 'paid' }).where('id', '=', event.id).execute();
      break;
    case 'refunded':
      await db.updateTable('orders').set({ status: 'refunded' }).where('id', '=', event.id).execute();
      break;
    default:
      await db.insertInto('unknown_events').values(event).execute();
  }
}
`,
    // the caller owns the boundary: the handle parameter is a transaction
    `
export async function insertOrderWithItems(trx, order) {
  await trx.insertInto('orders').values(order).execute();
  await trx.insertInto('order_items').values(order.items).execute();
}
`,
    // the caller owns the boundary: annotated Transaction
    `
import type { Transaction } from 'kysely';
export async function moveStock(db: Transaction<DB>, from: string, to: string) {
  await db.updateTable('stock').set({ qty: 0 }).where('sku', '=', from).execute();
  await db.updateTable('stock').set({ qty: 1 }).where('sku', '=', to).execute();
}
`,
    // the caller owns the boundary: annotated as either a database or a transaction
    `
import type { Kysely, Transaction } from 'kysely';
type Executor = Kysely<DB> | Transaction<DB>;
export async function replaceTags(db: Kysely<DB> | Transaction<DB>, postId: string, tags: string[]) {
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  await db.insertInto('post_tags').values(tags.map((tag) => ({ post_id: postId, tag }))).execute();
}
`,
    // repositories taking the transaction first, called inside the transaction
    `
async function insertOrder(db, order) {
  await db.insertInto('orders').values(order).execute();
}
async function decrementStock(db, item) {
  await db.updateTable('products').set({ stock: item.stock - 1 }).where('id', '=', item.id).execute();
}
export async function placeOrder(db, order) {
  await db.transaction().execute(async (trx) => {
    await insertOrder(trx, order);
    for (const item of order.items) await decrementStock(trx, item);
  });
}
`,
    // false-positive traps: Map, Set, caches, HTTP clients, responses
    `
async function handler(req, res, cache, db) {
  const sessions = new Map();
  sessions.delete(req.id);
  sessions.set(req.id, Date.now());
  cache.set('user', req.user);
  cache.delete('stale');
  await axios.delete(\`/api/users/\${req.id}\`);
  await axios.post('/api/audit', { id: req.id });
  await fetch('/hook', { method: 'DELETE' });
  this.seen.add(req.id);
  res.status(200);
  res.send('ok');
}
`,
    // an HTTP client named client
    `
async function sync(client, user) {
  await client.delete(\`/users/\${user.id}\`);
  await client.delete('/cache');
  await client.post('/users', user);
}
`,
    // Prisma: batch and interactive transactions
    `
async function close(prisma, account) {
  await prisma.$transaction([
    prisma.entry.deleteMany({ where: { accountId: account.id } }),
    prisma.account.delete({ where: { id: account.id } }),
  ]);
}
async function deactivate(prisma, account) {
  await prisma.$transaction(async (tx) => {
    await tx.audit.create({ data: { accountId: account.id } });
    await tx.user.update({ where: { id: account.userId }, data: { closed: true } });
  }, { isolationLevel: 'Serializable' });
}
`,
    // Prisma: writes collected for one batch
    `
async function reprice(prisma, products) {
  const updates = [];
  for (const product of products) {
    updates.push(prisma.product.update({ where: { id: product.id }, data: { price: product.price } }));
  }
  const log = prisma.priceLog.create({ data: { count: products.length } });
  await prisma.$transaction([...updates, log]);
}
`,
    // Drizzle transaction
    `
import { eq } from 'drizzle-orm';
async function buy(db, productId, quantity) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({ productId, quantity });
    await tx.update(products).set({ reserved: quantity }).where(eq(products.id, productId));
  });
}
`,
    // TypeORM: data source transaction and derived repositories
    `
import { DataSource } from 'typeorm';
async function place(dataSource, order) {
  await dataSource.transaction('SERIALIZABLE', async (manager) => {
    const orders = manager.getRepository(Order);
    await orders.save(order);
    await manager.decrement(Product, { id: order.productId }, 'stock', 1);
  });
}
`,
    // TypeORM: query runner transaction
    `
import { DataSource } from 'typeorm';
async function place(dataSource, order) {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  await queryRunner.startTransaction();
  try {
    await queryRunner.manager.save(order);
    await queryRunner.manager.decrement(Product, { id: order.productId }, 'stock', 1);
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}
`,
    // TypeORM: a transactional decorator opens the transaction
    `
import { Repository } from 'typeorm';
import { Transactional } from 'typeorm-transactional';
class Orders {
  @Transactional()
  async place(order) {
    await this.orderRepository.save(order);
    await this.productRepository.decrement({ id: order.productId }, 'stock', 1);
  }
}
`,
    // Vendure: repositories bound to the request context's transaction
    `
import { In } from 'typeorm';
export class StockService {
  async adjust(ctx, lines) {
    await this.connection.getRepository(ctx, StockMovement).save(lines);
    await this.connection.getRepository(ctx, ProductVariant).increment({ id: In(lines.map((line) => line.id)) }, 'stockOnHand', 1);
  }
}
`,
    // MikroORM-based code (Medusa): unknown data layer, repository shapes are not guessed
    `
import { EntityManager } from '@mikro-orm/core';
class OrderModuleService {
  async update(data, sharedContext) {
    await this.orderRepository_.update(data, sharedContext);
    await this.lineItemRepository_.delete(data.removed, sharedContext);
  }
}
`,
    // knex transaction
    `
import knex from 'knex';
async function ship(db, orderId) {
  await db.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId });
    await trx('orders').where({ id: orderId }).update({ status: 'shipped', updated_at: db.raw('now()') });
  });
}
`,
    // knex controlled transaction
    `
import knex from 'knex';
async function ship(db, orderId) {
  const trx = await db.transaction();
  try {
    await trx('shipments').insert({ order_id: orderId });
    await trx('orders').where({ id: orderId }).update({ status: 'shipped' });
    await trx.commit();
  } catch (error) {
    await trx.rollback(error);
    throw error;
  }
}
`,
    // node-postgres: BEGIN … COMMIT on one client
    `
import { Pool } from 'pg';
async function deleteUser(pool, id) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    await client.query('DELETE FROM users WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
`,
    // mysql2: beginTransaction … commit
    `
import mysql from 'mysql2/promise';
async function adjust(pool, sku, delta) {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute('UPDATE inventory SET qty = qty + ? WHERE sku = ?', [delta, sku]);
  await conn.execute('INSERT INTO inventory_log (sku, delta) VALUES (?, ?)', [sku, delta]);
  await conn.commit();
  conn.release();
}
`,
    // Kysely controlled transaction
    `
async function move(db, a, b) {
  const trx = await db.startTransaction().setIsolationLevel('serializable').execute();
  try {
    await trx.updateTable('bins').set({ qty: a.qty }).where('id', '=', a.id).execute();
    await trx.updateTable('bins').set({ qty: b.qty }).where('id', '=', b.id).execute();
    await trx.commit().execute();
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}
`,
    // an optimistic retry loop repeats one write that did not take effect
    `
async function decrementStock(db, productId, quantity) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const product = await db.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirstOrThrow();
    const result = await db.updateTable('products').set({ stock: product.stock - quantity }).where('id', '=', productId).where('stock', '=', product.stock).executeTakeFirst();
    if (result.numUpdatedRows > 0n) return;
  }
  throw new Error('Stock changed too often.');
}
`,
    // conditional writes in a retry loop: a write whose result is tested wrote nothing when it failed
    `
import { insertClaimIfAbsent, updateClaimIfExpired } from './claim.repository';
async function claim(db, request) {
  for (let round = 0; round < 3; round += 1) {
    if (await insertClaimIfAbsent(db, request)) return 'claimed';
    const row = await db.selectFrom('claims').selectAll().where('key', '=', request.key).executeTakeFirst();
    if (row !== undefined && (await updateClaimIfExpired(db, row, request))) return 'claimed';
  }
  return 'busy';
}
`,
    // record the failure in catch: the failing write did not happen
    `
async function charge(db, gateway, payment) {
  try {
    await db.updateTable('payments').set({ status: 'charging' }).where('id', '=', payment.id).execute();
    await gateway.charge(payment);
  } catch (error) {
    await db.updateTable('payments').set({ status: 'failed' }).where('id', '=', payment.id).execute();
    throw error;
  }
}
`,
    // intent and outcome in separate transactions around a gateway call, by design
    `
async function pay(db, paymentGateway, payment) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('payments').values(payment).execute();
    await trx.insertInto('idempotency_keys').values({ key: payment.key }).execute();
  });
  const result = await paymentGateway.charge(payment);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('payments').set({ status: result.status }).where('id', '=', payment.id).execute();
    await trx.insertInto('ledger').values(result.entries).execute();
  });
}
`,
    // test fixtures and migrations
    `
beforeEach(async () => {
  await db.insertInto('users').values(alice).execute();
  await db.insertInto('users').values(bob).execute();
});
export async function up(db) {
  await db.insertInto('currencies').values({ code: 'EUR' }).execute();
  await db.insertInto('currencies').values({ code: 'CNY' }).execute();
}
`,
    // transaction callbacks passed to a wrapper: the handle is named as a transaction
    `
export const placeOrder = (order) =>
  withTransaction(async (tx) => {
    await tx.insertInto('orders').values(order).execute();
    await tx.insertInto('order_items').values(order.items).execute();
  });
`,
    // route handlers are separate functions
    `
export function orderRoutes(app, db) {
  app.post('/orders', async (c) => {
    await db.insertInto('orders').values(await c.req.json()).execute();
    return c.json({}, 201);
  });
  app.delete('/orders/:id', async (c) => {
    await db.deleteFrom('orders').where('id', '=', c.req.param('id')).execute();
    return c.body(null, 204);
  });
}
`,
    // repository classes of the application that take the transaction first
    `
class OrderService {
  async place(order) {
    await this.db.transaction().execute(async (trx) => {
      await this.orderRepository.insert(trx, order);
      await this.stockRepository.decrement(trx, order.items);
    });
  }
}
`,
    // countLoopWrites: false
    {
      code: `
async function touchAll(db, ids) {
  for (const id of ids) {
    await db.updateTable('sessions').set({ seen_at: new Date() }).where('id', '=', id).execute();
  }
}
`,
      options: [{"countLoopWrites":false}],
    },
    // minWrites: 3
    {
      code: `
async function link(db, a, b) {
  await db.insertInto('links').values({ a, b }).execute();
  await db.insertInto('links').values({ a: b, b: a }).execute();
}
`,
      options: [{"minWrites":3}],
    },
    // libraries: only Prisma
    {
      code: `
async function copy(db, row) {
  await db.insertInto('copies').values(row).execute();
  await db.deleteFrom('originals').where('id', '=', row.id).execute();
}
`,
      options: [{"libraries":["prisma"]}],
    },
    // Prisma refuses queries on a closed transaction, so a concurrent fan-out cannot leak writes
    `
async function reserve(prisma, items) {
  await prisma.$transaction(async (tx) => {
    await Promise.all(items.map((item) => tx.product.update({ where: { id: item.id }, data: { stock: { decrement: item.quantity } } })));
  });
}
`,
    // one transaction per item of a batch is atomic where it means to be
    `
async function importRates(db, batches) {
  for (const batch of batches) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('rates').values(batch).execute();
    });
  }
}
`,
    // a transaction that only reads is not a unit of writes
    `
async function snapshot(db, id) {
  const rows = await db.transaction().setAccessMode('read only').execute(async (trx) => trx.selectFrom('ledger').selectAll().where('account_id', '=', id).execute());
  await db.insertInto('snapshots').values({ account_id: id, rows: rows.length }).execute();
}
`,
    // seed scripts, and the start-up code that runs them
    `
export async function seedUsers(db) {
  await db.insertInto('users').values({ id: 'alice' }).execute();
  await db.insertInto('users').values({ id: 'bob' }).execute();
}
async function main(db) {
  await migrateToLatest(db);
  await seedUsers(db);
  await seedCatalog(db, 'EUR');
}
`,
    // DDL in a setup script is not a business write
    `
async function createSchema(db) {
  await sql\`create table accounts (id text primary key)\`.execute(db);
  await sql\`create index accounts_id on accounts (id)\`.execute(db);
}
`,
    // per-item failure isolation: each item of Promise.allSettled settles on its own
    `
async function refreshRatings(prisma, sites) {
  await Promise.allSettled(
    sites.map(async (site) => {
      await prisma.site.update({ where: { id: site.id }, data: { checkedAt: new Date() } });
    }),
  );
}
`,
    // per-item failure isolation: a loop whose catch handles the item's failure and goes on
    `
async function verifyDomains(prisma, domains) {
  for (const domain of domains) {
    try {
      await prisma.domain.update({ where: { id: domain.id }, data: { verified: true } });
    } catch (error) {
      console.error(error);
    }
  }
}
`,
    // batching loops: the loop goes on depending on the result of its one write
    `
async function purgeRateLimits(prisma, cutoff) {
  let deleted = 0;
  do {
    deleted = await prisma.$executeRaw\`DELETE FROM "RateLimit" WHERE ctid IN (SELECT ctid FROM "RateLimit" WHERE "createdAt" < \${cutoff} LIMIT 10000)\`;
  } while (deleted === 10000);
}
`,
    `
async function purgeEvents(db, before) {
  let hasMore = true;
  while (hasMore) {
    const result = await db.deleteFrom('events').where('created_at', '<', before).limit(1000).executeTakeFirst();
    hasMore = Number(result.numDeletedRows) === 1000;
  }
}
`,
    `
async function cancelCommissions(prisma, partnerId) {
  while (true) {
    const { count } = await prisma.commission.updateMany({ where: { partnerId, status: 'pending' }, data: { status: 'canceled' } });
    if (count < 500) break;
  }
}
`,
    // workflow phases: running → work in another system → done/failed, each committed on its own
    `
async function runJob(prisma, id, handler) {
  await prisma.job.update({ where: { id }, data: { status: 'running' } });
  try {
    const result = await handler();
    await prisma.job.update({ where: { id }, data: { status: 'done', result } });
  } catch (error) {
    await prisma.job.update({ where: { id }, data: { status: 'failed', error: String(error) } });
  }
}
`,
    // workflow phases: a write records what the other system answered
    `
async function createTag(db, name) {
  const [tag] = await db.insert(tags).values({ name }).returning();
  const { embedding } = await embedService.embed(name);
  await db.insert(tagEmbeddings).values({ tagId: tag.id, embedding });
}
`,
    // a failure record before an unconditional throw must commit on its own
    `
async function signIn(prisma, userId, valid) {
  if (!valid) {
    await prisma.securityLog.create({ data: { userId, type: 'SIGN_IN_FAIL' } });
    throw new Error('invalid credentials');
  }
  await prisma.session.create({ data: { userId } });
}
`,
    // a helper of the file only ever called with the transaction's handle runs inside it
    `
async function createDefaultCategories(db, teamId) {
  const [parent] = await db.insert(categories).values({ teamId, name: 'root' }).returning();
  await db.insert(categories).values({ teamId, parentId: parent.id, name: 'child' });
}
export async function createTeam(db, name) {
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name }).returning();
    await createDefaultCategories(tx, team.id);
  });
}
`,
    // work handed to waitUntil runs detached, after the response
    `
export async function createDashboard(prisma, linkId) {
  const dashboard = await prisma.dashboard.create({ data: { linkId } });
  waitUntil(prisma.link.update({ where: { id: linkId }, data: { publicStats: true } }));
  return dashboard;
}
`,
    // Sequelize: a managed transaction, handed on through the { transaction } option
    `
import type { Transaction } from 'sequelize';
import { Event, Subscription } from '@server/models';
import { sequelize } from '@server/storage/database';
async function subscribeUser(userId: string, options: { transaction?: Transaction } = {}) {
  await Subscription.create({ userId }, { transaction: options.transaction });
  await Event.create({ name: 'subscriptions.create', userId }, { transaction: options.transaction });
}
export async function subscribeAll(userIds: string[]) {
  await sequelize.transaction(async (transaction) => {
    for (const userId of userIds) await subscribeUser(userId, { transaction });
    await sequelize.query('INSERT INTO audit (kind) VALUES (:kind)', { replacements: { kind: 'subscribe' }, transaction });
  });
}
`,
    // Model.create(…) is a Sequelize write only where the file imports Sequelize
    `
export function init(doc) {
  const state = EditorState.create({ doc });
  const decorations = DecorationSet.create(doc, []);
  return { state, decorations };
}
`,
  ],
  invalid: [
    // Kysely: the legacy createOrder — order, items in a loop, stock, no transaction
    {
      code: `
import type { Kysely } from 'kysely';
export async function createOrder(db: Kysely<DB>, input: OrderInput) {
  const order = await db.insertInto('orders').values({ user_id: input.userId }).returning('id').executeTakeFirstOrThrow();
  for (const item of input.items) {
    await db.insertInto('order_items').values({ order_id: order.id, ...item }).execute();
  }
  for (const item of input.items) {
    await db.updateTable('products').set((eb) => ({ stock: eb('stock', '-', item.quantity) })).where('id', '=', item.productId).execute();
  }
  return order;
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 34, suggestions: [{ messageId: 'wrapInTransaction', output: `
import type { Kysely } from 'kysely';
export async function createOrder(db: Kysely<DB>, input: OrderInput) {
  const { order } = await db.transaction().execute(async (trx) => {
    const order = await trx.insertInto('orders').values({ user_id: input.userId }).returning('id').executeTakeFirstOrThrow();
    for (const item of input.items) {
      await trx.insertInto('order_items').values({ order_id: order.id, ...item }).execute();
    }
    for (const item of input.items) {
      await trx.updateTable('products').set((eb) => ({ stock: eb('stock', '-', item.quantity) })).where('id', '=', item.productId).execute();
    }
    return { order };
  });
  return order;
}
` }] },
      ],
    },
    // Kysely: two writes, suggestion wraps them
    {
      code: `
async function transfer(db, from, to, amount) {
  await db.updateTable('accounts').set({ balance: from.balance - amount }).where('id', '=', from.id).execute();
  await db.updateTable('accounts').set({ balance: to.balance + amount }).where('id', '=', to.id).execute();
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 24, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function transfer(db, from, to, amount) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ balance: from.balance - amount }).where('id', '=', from.id).execute();
    await trx.updateTable('accounts').set({ balance: to.balance + amount }).where('id', '=', to.id).execute();
  });
}
` }] },
      ],
    },
    // Kysely: this.db in a service class; the suggestion renames this.db
    {
      code: `
class OrderService {
  async cancel(orderId) {
    await this.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', orderId).execute();
    await this.db.deleteFrom('reservations').where('order_id', '=', orderId).execute();
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 9, endLine: 3, endColumn: 15, suggestions: [{ messageId: 'wrapInTransaction', output: `
class OrderService {
  async cancel(orderId) {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', orderId).execute();
      await trx.deleteFrom('reservations').where('order_id', '=', orderId).execute();
    });
  }
}
` }] },
      ],
    },
    // one write in a loop
    {
      code: `
async function restock(db, items) {
  for (const item of items) {
    await db.updateTable('products').set({ stock: item.stock }).where('id', '=', item.id).execute();
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 23, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function restock(db, items) {
  await db.transaction().execute(async (trx) => {
    for (const item of items) {
      await trx.updateTable('products').set({ stock: item.stock }).where('id', '=', item.id).execute();
    }
  });
}
` }] },
      ],
    },
    // Promise.all + map fan-out
    {
      code: `
const insertItems = async (db, items) => {
  await Promise.all(items.map((item) => db.insertInto('order_items').values(item).execute()));
};
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 7, endLine: 2, endColumn: 18, suggestions: [{ messageId: 'wrapInTransaction', output: `
const insertItems = async (db, items) => {
  await db.transaction().execute(async (trx) => {
    await Promise.all(items.map((item) => trx.insertInto('order_items').values(item).execute()));
  });
};
` }] },
      ],
    },
    // p-map fan-out: the mapper runs once per item
    {
      code: `
const insertItems = async (db, items) => {
  await pMap(items, (item) => db.insertInto('order_items').values(item).execute(), { concurrency: 4 });
};
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 7, endLine: 2, endColumn: 18, suggestions: [{ messageId: 'wrapInTransaction', output: `
const insertItems = async (db, items) => {
  await db.transaction().execute(async (trx) => {
    await pMap(items, (item) => trx.insertInto('order_items').values(item).execute(), { concurrency: 4 });
  });
};
` }] },
      ],
    },
    // Promise.all of two writes
    {
      code: `
async function markPaid(db, payment) {
  await Promise.all([
    db.updateTable('payments').set({ status: 'paid' }).where('id', '=', payment.id).execute(),
    db.updateTable('orders').set({ status: 'paid' }).where('id', '=', payment.orderId).execute(),
  ]);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 24, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function markPaid(db, payment) {
  await db.transaction().execute(async (trx) => {
    await Promise.all([
      trx.updateTable('payments').set({ status: 'paid' }).where('id', '=', payment.id).execute(),
      trx.updateTable('orders').set({ status: 'paid' }).where('id', '=', payment.orderId).execute(),
    ]);
  });
}
` }] },
      ],
    },
    // nested helper calls with a non-transaction handle count as writes
    {
      code: `
async function insertOrder(db, order) {
  return db.insertInto('orders').values(order).returning('id').executeTakeFirstOrThrow();
}
async function reserveStock(trx, item) {
  await trx.updateTable('products').set({ reserved: item.quantity }).where('id', '=', item.productId).execute();
}
export async function placeOrder(db, order) {
  const { id } = await insertOrder(db, order);
  await reserveStock(db, order.item);
  return id;
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 8, column: 23, endLine: 8, endColumn: 33 },
      ],
    },
    // helpers calling helpers: the write two levels down still counts
    {
      code: `
async function writeAudit(db, entry) {
  await db.insertInto('audit_log').values(entry).execute();
}
async function recordRefund(db, refund) {
  await writeAudit(db, { kind: 'refund', refund });
}
export async function refund(db, payment) {
  await db.updateTable('payments').set({ status: 'refunded' }).where('id', '=', payment.id).execute();
  await recordRefund(db, payment);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 8, column: 23, endLine: 8, endColumn: 29 },
      ],
    },
    // a write next to a transaction is not covered by it
    {
      code: `
async function checkout(db, cart) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values(cart.order).execute();
  });
  await db.deleteFrom('carts').where('id', '=', cart.id).execute();
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 24 },
      ],
    },
    // writes split across two transactions
    {
      code: `
async function settle(db, payout) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('ledger').values(payout.debit).execute();
  });
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('ledger').values(payout.credit).execute();
  });
}
`,
      errors: [
        { messageId: 'splitTransactions', line: 2, column: 16, endLine: 2, endColumn: 22 },
      ],
    },
    // try/finally: the finally write follows the try write
    {
      code: `
async function consume(db, job) {
  try {
    await db.updateTable('jobs').set({ state: 'running' }).where('id', '=', job.id).execute();
  } finally {
    await db.deleteFrom('locks').where('job_id', '=', job.id).execute();
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 23, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function consume(db, job) {
  await db.transaction().execute(async (trx) => {
    try {
      await trx.updateTable('jobs').set({ state: 'running' }).where('id', '=', job.id).execute();
    } finally {
      await trx.deleteFrom('locks').where('job_id', '=', job.id).execute();
    }
  });
}
` }] },
      ],
    },
    // an early return after two writes
    {
      code: `
async function upsertUser(db, user) {
  const existing = await db.selectFrom('users').selectAll().where('email', '=', user.email).executeTakeFirst();
  if (existing) {
    await db.updateTable('users').set(user).where('id', '=', existing.id).execute();
    await db.insertInto('user_events').values({ user_id: existing.id, kind: 'updated' }).execute();
    return existing.id;
  }
  return undefined;
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 26, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function upsertUser(db, user) {
  const existing = await db.selectFrom('users').selectAll().where('email', '=', user.email).executeTakeFirst();
  if (existing) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set(user).where('id', '=', existing.id).execute();
      await trx.insertInto('user_events').values({ user_id: existing.id, kind: 'updated' }).execute();
    });
    return existing.id;
  }
  return undefined;
}
` }] },
      ],
    },
    // exclusive branches, but a write before them
    {
      code: `
async function setStatus(db, order, paid) {
  await db.insertInto('order_events').values({ order_id: order.id }).execute();
  if (paid) {
    await db.updateTable('orders').set({ status: 'paid' }).where('id', '=', order.id).execute();
  } else {
    await db.updateTable('orders').set({ status: 'failed' }).where('id', '=', order.id).execute();
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 25, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function setStatus(db, order, paid) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('order_events').values({ order_id: order.id }).execute();
    if (paid) {
      await trx.updateTable('orders').set({ status: 'paid' }).where('id', '=', order.id).execute();
    } else {
      await trx.updateTable('orders').set({ status: 'failed' }).where('id', '=', order.id).execute();
    }
  });
}
` }] },
      ],
    },
    // raw sql executed on the handle counts by its keyword
    {
      code: `
import { sql } from 'kysely';
async function archive(db, id) {
  await sql\`insert into archived_orders select * from orders where id = \${id}\`.execute(db);
  await db.deleteFrom('orders').where('id', '=', id).execute();
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 16, endLine: 3, endColumn: 23, suggestions: [{ messageId: 'wrapInTransaction', output: `
import { sql } from 'kysely';
async function archive(db, id) {
  await db.transaction().execute(async (trx) => {
    await sql\`insert into archived_orders select * from orders where id = \${id}\`.execute(trx);
    await trx.deleteFrom('orders').where('id', '=', id).execute();
  });
}
` }] },
      ],
    },
    // the legacy cancelOrder: restore stock item by item, then mark cancelled
    {
      code: `
export const cancelOrder = async (db, order) => {
  for (const item of order.items) {
    await db.updateTable('products').set((eb) => ({ stock: eb('stock', '+', item.quantity) })).where('id', '=', item.productId).execute();
  }
  await db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', order.id).execute();
};
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 14, endLine: 2, endColumn: 25, suggestions: [{ messageId: 'wrapInTransaction', output: `
export const cancelOrder = async (db, order) => {
  await db.transaction().execute(async (trx) => {
    for (const item of order.items) {
      await trx.updateTable('products').set((eb) => ({ stock: eb('stock', '+', item.quantity) })).where('id', '=', item.productId).execute();
    }
    await trx.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', order.id).execute();
  });
};
` }] },
      ],
    },
    // object method
    {
      code: `
export const orders = {
  async remove(db, id) {
    await db.deleteFrom('order_items').where('order_id', '=', id).execute();
    await db.deleteFrom('orders').where('id', '=', id).execute();
  },
};
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 9, endLine: 3, endColumn: 15, suggestions: [{ messageId: 'wrapInTransaction', output: `
export const orders = {
  async remove(db, id) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('order_items').where('order_id', '=', id).execute();
      await trx.deleteFrom('orders').where('id', '=', id).execute();
    });
  },
};
` }] },
      ],
    },
    // anonymous route handler: reported at its head
    {
      code: `
app.post('/orders', async (c) => {
  await db.insertInto('orders').values(await c.req.json()).execute();
  await db.insertInto('outbox').values({ topic: 'order.created' }).execute();
  return c.json({ ok: true }, 201);
});
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 31, endLine: 2, endColumn: 33, suggestions: [{ messageId: 'wrapInTransaction', output: `
app.post('/orders', async (c) => {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values(await c.req.json()).execute();
    await trx.insertInto('outbox').values({ topic: 'order.created' }).execute();
  });
  return c.json({ ok: true }, 201);
});
` }] },
      ],
    },
    // Prisma: two model writes
    {
      code: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function register(input) {
  const user = await prisma.user.create({ data: { email: input.email } });
  await prisma.wallet.create({ data: { userId: user.id, balance: 0 } });
  return user;
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 4, column: 23, endLine: 4, endColumn: 31, suggestions: [{ messageId: 'wrapInTransaction', output: `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function register(input) {
  const { user } = await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email } });
    await tx.wallet.create({ data: { userId: user.id, balance: 0 } });
    return { user };
  });
  return user;
}
` }] },
      ],
    },
    // Prisma: $executeRaw and a model write
    {
      code: `
async function reset(prisma, userId) {
  await prisma.$executeRaw\`DELETE FROM sessions WHERE user_id = \${userId}\`;
  await prisma.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 21, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function reset(prisma, userId) {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw\`DELETE FROM sessions WHERE user_id = \${userId}\`;
    await tx.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
  });
}
` }] },
      ],
    },
    // Prisma: a write outside the batch
    {
      code: `
async function close(prisma, account) {
  await prisma.$transaction([prisma.entry.deleteMany({ where: { accountId: account.id } })]);
  await prisma.account.delete({ where: { id: account.id } });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 21 },
      ],
    },
    // Drizzle: insert and update
    {
      code: `
import { eq } from 'drizzle-orm';
import { db } from './db';
import { orders, products } from './schema';
export async function buy(productId, quantity) {
  await db.insert(orders).values({ productId, quantity });
  await db.update(products).set({ reserved: quantity }).where(eq(products.id, productId));
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 5, column: 23, endLine: 5, endColumn: 26, suggestions: [{ messageId: 'wrapInTransaction', output: `
import { eq } from 'drizzle-orm';
import { db } from './db';
import { orders, products } from './schema';
export async function buy(productId, quantity) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({ productId, quantity });
    await tx.update(products).set({ reserved: quantity }).where(eq(products.id, productId));
  });
}
` }] },
      ],
    },
    // TypeORM: repositories of a service
    {
      code: `
import { Repository } from 'typeorm';
export class OrderService {
  constructor(orderRepository, productRepository) {
    this.orderRepository = orderRepository;
    this.productRepository = productRepository;
  }
  async place(order) {
    await this.orderRepository.save(order);
    await this.productRepository.decrement({ id: order.productId }, 'stock', order.quantity);
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 8, column: 9, endLine: 8, endColumn: 14 },
      ],
    },
    // TypeORM: the data source manager
    {
      code: `
import { DataSource } from 'typeorm';
export async function moveFunds(dataSource, from, to) {
  await dataSource.manager.decrement(Account, { id: from }, 'balance', 10);
  await dataSource.manager.increment(Account, { id: to }, 'balance', 10);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 32 },
      ],
    },
    // knex: table calls
    {
      code: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function ship(orderId) {
  await db('shipments').insert({ order_id: orderId });
  await db('orders').where({ id: orderId }).update({ status: 'shipped' });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 4, column: 23, endLine: 4, endColumn: 27, suggestions: [{ messageId: 'wrapInTransaction', output: `
import knex from 'knex';
const db = knex({ client: 'pg' });
export async function ship(orderId) {
  await db.transaction(async (trx) => {
    await trx('shipments').insert({ order_id: orderId });
    await trx('orders').where({ id: orderId }).update({ status: 'shipped' });
  });
}
` }] },
      ],
    },
    // node-postgres: pool queries
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function deleteUser(id) {
  await pool.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  await pool.query('DELETE FROM users WHERE id = $1', [id]);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 4, column: 23, endLine: 4, endColumn: 33 },
      ],
    },
    // mysql2: execute on a connection
    {
      code: `
import mysql from 'mysql2/promise';
export async function adjust(conn, sku, delta) {
  await conn.execute('UPDATE inventory SET qty = qty + ? WHERE sku = ?', [delta, sku]);
  await conn.execute('INSERT INTO inventory_log (sku, delta) VALUES (?, ?)', [sku, delta]);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 29 },
      ],
    },
    // class methods calling each other through this
    {
      code: `
class WalletService {
  async debit(id, amount) {
    await this.db.updateTable('wallets').set({ balance: amount }).where('id', '=', id).execute();
  }
  async credit(id, amount) {
    await this.db.updateTable('wallets').set({ balance: amount }).where('id', '=', id).execute();
  }
  async transfer(from, to, amount) {
    await this.debit(from, amount);
    await this.credit(to, amount);
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 9, column: 9, endLine: 9, endColumn: 17 },
      ],
    },
    // repository functions from another file (write verbs) handed db
    {
      code: `
import { insertPayment, updateOrderStatus } from './repositories';
export async function pay(db, order, payment) {
  await insertPayment(db, payment);
  await updateOrderStatus(db, order.id, 'paid');
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 26 },
      ],
    },
    // minWrites: 3
    {
      code: `
async function openAccount(db, id) {
  await db.insertInto('accounts').values({ id }).execute();
  await db.insertInto('wallets').values({ account_id: id }).execute();
  await db.insertInto('ledger').values({ account_id: id, amount: 0 }).execute();
}
`,
      options: [{"minWrites":3}],
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 27, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function openAccount(db, id) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('accounts').values({ id }).execute();
    await trx.insertInto('wallets').values({ account_id: id }).execute();
    await trx.insertInto('ledger').values({ account_id: id, amount: 0 }).execute();
  });
}
` }] },
      ],
    },
    // additionalWriteMethods
    {
      code: `
async function sync(db, rows) {
  await db.bulkUpsert('products', rows.products);
  await db.bulkUpsert('prices', rows.prices);
}
`,
      options: [{"additionalWriteMethods":["bulkUpsert"]}],
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 20 },
      ],
    },
    // handlePattern
    {
      code: `
async function enroll(store, input) {
  await store.user.create({ data: input.user });
  await store.enrollment.create({ data: input.enrollment });
}
`,
      options: [{"handlePattern":"^store$"}],
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function enroll(store, input) {
  await store.$transaction(async (tx) => {
    await tx.user.create({ data: input.user });
    await tx.enrollment.create({ data: input.enrollment });
  });
}
` }] },
      ],
    },
    // libraries: TypeORM shapes on without the import
    {
      code: `
class Accounts {
  async close(account) {
    await this.accountRepository.softDelete({ id: account.id });
    await this.sessionRepository.delete({ accountId: account.id });
  }
}
`,
      options: [{"libraries":["typeorm"]}],
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 9, endLine: 3, endColumn: 14 },
      ],
    },
    // concurrent writes on one transaction
    {
      code: `
async function fulfil(db, order) {
  await db.transaction().execute(async (trx) => {
    await Promise.all([
      trx.updateTable('orders').set({ status: 'shipped' }).where('id', '=', order.id).execute(),
      trx.insertInto('shipments').values({ order_id: order.id }).execute(),
    ]);
  });
}
`,
      errors: [
        { messageId: 'concurrentWritesInTransaction', line: 4, column: 11, endLine: 4, endColumn: 22 },
      ],
    },
    // concurrent fan-out on a knex transaction
    {
      code: `
import knex from 'knex';
async function reserve(db, items) {
  await db.transaction(async (trx) => {
    await Promise.all(items.map((item) => trx('products').where({ id: item.id }).decrement('stock', item.quantity)));
  });
}
`,
      errors: [
        { messageId: 'concurrentWritesInTransaction', line: 5, column: 11, endLine: 5, endColumn: 22 },
      ],
    },
    // concurrent writes on a node-postgres client between BEGIN and COMMIT
    {
      code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function importItems(rows) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await Promise.all(rows.map((row) => client.query('INSERT INTO items (id) VALUES ($1)', [row.id])));
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
`,
      errors: [
        { messageId: 'concurrentWritesInTransaction', line: 8, column: 11, endLine: 8, endColumn: 22 },
      ],
    },
    // a helper that answers for its own writes is reported once, there, not at its callers
    {
      code: `
async function processJob(db, job) {
  await db.updateTable('jobs').set({ state: 'running' }).where('id', '=', job.id).execute();
  await db.updateTable('jobs').set({ state: 'done' }).where('id', '=', job.id).execute();
}
export const worker = (db) => async (job) => {
  await processJob(db, job);
};
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 26, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function processJob(db, job) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('jobs').set({ state: 'running' }).where('id', '=', job.id).execute();
    await trx.updateTable('jobs').set({ state: 'done' }).where('id', '=', job.id).execute();
  });
}
export const worker = (db) => async (job) => {
  await processJob(db, job);
};
` }] },
      ],
    },
    // per-item isolation: two writes within one settled item still need a transaction
    {
      code: `
async function archiveAll(prisma, ids) {
  await Promise.allSettled(
    ids.map(async (id) => {
      await prisma.order.update({ where: { id }, data: { archived: true } });
      await prisma.orderItem.deleteMany({ where: { orderId: id } });
    }),
  );
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 26 },
      ],
    },
    // per-item isolation: a catch that rethrows stops the loop half done
    {
      code: `
async function importRows(db, rows) {
  for (const row of rows) {
    try {
      await db.insertInto('rows').values(row).execute();
    } catch (error) {
      console.error(error);
      throw error;
    }
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 26, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function importRows(db, rows) {
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      try {
        await trx.insertInto('rows').values(row).execute();
      } catch (error) {
        console.error(error);
        throw error;
      }
    }
  });
}
` }] },
      ],
    },
    // per-item isolation: two writes within one isolated iteration
    {
      code: `
async function shipAll(db, orders) {
  for (const order of orders) {
    try {
      await db.updateTable('orders').set({ status: 'shipped' }).where('id', '=', order.id).execute();
      await db.insertInto('shipments').values({ order_id: order.id }).execute();
    } catch (error) {
      console.error(error);
    }
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 23, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function shipAll(db, orders) {
  for (const order of orders) {
    try {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('orders').set({ status: 'shipped' }).where('id', '=', order.id).execute();
        await trx.insertInto('shipments').values({ order_id: order.id }).execute();
      });
    } catch (error) {
      console.error(error);
    }
  }
}
` }] },
      ],
    },
    // a loop that does not test the result of its write is not a batching loop
    {
      code: `
async function purgeBatches(db, batches) {
  let index = 0;
  while (index < batches.length) {
    await db.deleteFrom('events').where('id', 'in', batches[index]).execute();
    index += 1;
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 28, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function purgeBatches(db, batches) {
  let index = 0;
  await db.transaction().execute(async (trx) => {
    while (index < batches.length) {
      await trx.deleteFrom('events').where('id', 'in', batches[index]).execute();
      index += 1;
    }
  });
}
` }] },
      ],
    },
    // workflow phases: two writes within one phase
    {
      code: `
async function runJob(prisma, id, handler) {
  await prisma.job.update({ where: { id }, data: { status: 'running' } });
  await prisma.jobLog.create({ data: { jobId: id, message: 'started' } });
  try {
    const result = await handler();
    await prisma.job.update({ where: { id }, data: { status: 'done', result } });
  } catch (error) {
    await prisma.job.update({ where: { id }, data: { status: 'failed' } });
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function runJob(prisma, id, handler) {
  await prisma.$transaction(async (tx) => {
    await tx.job.update({ where: { id }, data: { status: 'running' } });
    await tx.jobLog.create({ data: { jobId: id, message: 'started' } });
    try {
      const result = await handler();
      await tx.job.update({ where: { id }, data: { status: 'done', result } });
    } catch (error) {
      await tx.job.update({ where: { id }, data: { status: 'failed' } });
    }
  });
}
` }] },
      ],
    },
    // workflow phases: a call whose outcome no write records is no boundary
    {
      code: `
async function publish(db, post) {
  await db.updateTable('posts').set({ published: true }).where('id', '=', post.id).execute();
  await notifier.notify(post.authorId);
  await db.insertInto('feed').values({ post_id: post.id }).execute();
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 23, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function publish(db, post) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('posts').set({ published: true }).where('id', '=', post.id).execute();
    await notifier.notify(post.authorId);
    await trx.insertInto('feed').values({ post_id: post.id }).execute();
  });
}
` }] },
      ],
    },
    // workflow phases: a call named for data access reads the database elsewhere
    {
      code: `
async function restock(db, sku) {
  await db.insertInto('restocks').values({ sku }).execute();
  const product = await getProduct(sku);
  await db.updateTable('products').set({ stock: product.stock + 10 }).where('sku', '=', sku).execute();
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 23, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function restock(db, sku) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('restocks').values({ sku }).execute();
    const product = await getProduct(sku);
    await trx.updateTable('products').set({ stock: product.stock + 10 }).where('sku', '=', sku).execute();
  });
}
` }] },
      ],
    },
    // workflow phases: a call on a branch that returns separates nothing on the other path (dub lib/webhook/failure.ts)
    {
      code: `
async function recordFailure(prisma, id, notifyAt) {
  const webhook = await prisma.webhook.update({ where: { id }, data: { failures: { increment: 1 } } });
  if (notifyAt.includes(webhook.failures)) {
    await fetch('https://hooks.example.com/notify');
    return;
  }
  await prisma.webhook.update({ where: { id }, data: { disabledAt: new Date() } });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 29, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function recordFailure(prisma, id, notifyAt) {
  return await prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.update({ where: { id }, data: { failures: { increment: 1 } } });
    if (notifyAt.includes(webhook.failures)) {
      await fetch('https://hooks.example.com/notify');
      return;
    }
    await tx.webhook.update({ where: { id }, data: { disabledAt: new Date() } });
  });
}
` }] },
      ],
    },
    // a throw on one branch only: the write before it still counts
    {
      code: `
async function charge(prisma, id, approved) {
  await prisma.attempt.create({ data: { orderId: id } });
  if (!approved) throw new Error('declined');
  await prisma.order.update({ where: { id }, data: { paid: true } });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 22, suggestions: [{ messageId: 'wrapInTransaction', output: `
async function charge(prisma, id, approved) {
  await prisma.$transaction(async (tx) => {
    await tx.attempt.create({ data: { orderId: id } });
    if (!approved) throw new Error('declined');
    await tx.order.update({ where: { id }, data: { paid: true } });
  });
}
` }] },
      ],
    },
    // a helper of the file called with a database handle somewhere answers for its writes
    {
      code: `
async function createDefaultCategories(db, teamId) {
  const [parent] = await db.insert(categories).values({ teamId, name: 'root' }).returning();
  await db.insert(categories).values({ teamId, parentId: parent.id, name: 'child' });
}
export async function createTeam(db, name) {
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name }).returning();
    await createDefaultCategories(tx, team.id);
  });
}
export async function resetCategories(db, teamId) {
  await createDefaultCategories(db, teamId);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 16, endLine: 2, endColumn: 39 },
      ],
    },
    // writes next to waitUntil still count
    {
      code: `
export async function createDashboard(prisma, linkId) {
  const dashboard = await prisma.dashboard.create({ data: { linkId } });
  await prisma.link.update({ where: { id: linkId }, data: { publicStats: true } });
  waitUntil(prisma.auditLog.create({ data: { linkId } }));
  return dashboard;
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 2, column: 23, endLine: 2, endColumn: 38, suggestions: [{ messageId: 'wrapInTransaction', output: `
export async function createDashboard(prisma, linkId) {
  const { dashboard } = await prisma.$transaction(async (tx) => {
    const dashboard = await tx.dashboard.create({ data: { linkId } });
    await tx.link.update({ where: { id: linkId }, data: { publicStats: true } });
    return { dashboard };
  });
  waitUntil(prisma.auditLog.create({ data: { linkId } }));
  return dashboard;
}
` }] },
      ],
    },
    // Sequelize: model writes without a transaction
    {
      code: `
import { Team, User } from '@server/models';
import type { Transaction } from 'sequelize';
export async function createTeam(name: string) {
  const team = await Team.create({ name });
  await User.create({ teamId: team.id, role: 'admin' });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 4, column: 23, endLine: 4, endColumn: 33 },
      ],
    },
    // Sequelize: raw writes on the instance
    {
      code: `
import { sequelize } from '@server/storage/database';
export async function archive(id: string) {
  await sequelize.query('UPDATE documents SET archived = true WHERE id = :id', { replacements: { id } });
  await sequelize.query('DELETE FROM pins WHERE document_id = :id', { replacements: { id } });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 30 },
      ],
    },
  ],
});

typedRuleTester.run('require-transaction (typed)', rule, {
  valid: [
    // typed: a Map named db is not a database
    `
export function forget(db: Map<string, number>, keys: string[]) {
  db.delete(keys[0] ?? '');
  db.delete(keys[1] ?? '');
}
`,
    // a parameter named as a transaction but typed as the database receives the caller's transaction
    `
import type { Kysely } from 'kysely';
interface DB { order_lines: { order_id: string }; orders: { id: string; lines: number } }
export async function addLines(trx: Kysely<DB>, orderId: string) {
  await trx.insertInto('order_lines').values({ order_id: orderId }).execute();
  await trx.updateTable('orders').set({ lines: 1 }).where('id', '=', orderId).execute();
}
`,
    `
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable } from 'drizzle-orm/pg-core';
const orders = pgTable('orders', {});
const outbox = pgTable('outbox', {});
const db = drizzle(process.env.DATABASE_URL);
export async function placeOrder(tx: typeof db, order: object) {
  await tx.insert(orders).values(order);
  await tx.insert(outbox).values({ type: 'order.placed' });
}
`,
    // typed: a Transaction<DB> named db belongs to the caller
    `
import type { Transaction } from 'kysely';
interface DB { stock: { sku: string; qty: number } }
export async function moveStock(db: Transaction<DB>, from: string, to: string) {
  await db.updateTable('stock').set({ qty: 0 }).where('sku', '=', from).execute();
  await db.updateTable('stock').set({ qty: 1 }).where('sku', '=', to).execute();
}
`,
    // typed: Prisma.TransactionClient named prisma
    `
import type { Prisma } from '@prisma/client';
export async function fulfil(prisma: Prisma.TransactionClient, orderId: string) {
  await prisma.order.update({ where: { id: orderId }, data: { status: 'shipped' } });
  await prisma.orderItem.deleteMany({ where: { orderId } });
}
`,
    // typed: Knex.Transaction named knex
    `
import type { Knex } from 'knex';
export async function ship(knex: Knex.Transaction, orderId: string) {
  await knex('shipments').insert({ order_id: orderId });
  await knex('orders').where({ id: orderId }).update({ status: 'shipped' });
}
`,
    // typed: a Drizzle transaction parameter
    `
import type { PgTransaction } from 'drizzle-orm/pg-core';
import { pgTable } from 'drizzle-orm/pg-core';
const orders = pgTable('orders', {});
export async function place(db: PgTransaction) {
  await db.insert(orders).values({});
  await db.delete(orders);
}
`,
    // typed: an EntityManager parameter may be the transactional one
    `
import type { EntityManager } from 'typeorm';
export async function reserve(manager: EntityManager, productId: number) {
  await manager.decrement('products', { id: productId }, 'stock', 1);
  await manager.insert('reservations', { productId });
}
`,
    // typed: an application repository class is not TypeORM
    `
class OrderRepository {
  private readonly rows = new Map<string, unknown>();
  async save(order: { id: string }) {
    this.rows.set(order.id, order);
  }
  async delete(id: string) {
    this.rows.delete(id);
  }
}
export async function replace(orderRepository: OrderRepository, order: { id: string }) {
  await orderRepository.delete(order.id);
  await orderRepository.save(order);
}
`,
    // typed: Kysely transaction callback
    `
import type { Kysely } from 'kysely';
interface DB { accounts: { id: string; balance: number } }
export async function transfer(store: Kysely<DB>, from: string, to: string, amount: number) {
  await store.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set((eb) => ({ balance: eb('balance', '-', amount) })).where('id', '=', from).execute();
    await trx.updateTable('accounts').set((eb) => ({ balance: eb('balance', '+', amount) })).where('id', '=', to).execute();
  });
}
`,
    // typed: a job's phases around work in another system
    `
import type { PrismaClient } from '@prisma/client';
export async function runJob(prisma: PrismaClient, id: string, handler: () => Promise<string>) {
  await prisma.order.update({ where: { id }, data: { status: 'running' } });
  try {
    const status = await handler();
    await prisma.order.update({ where: { id }, data: { status } });
  } catch {
    await prisma.order.update({ where: { id }, data: { status: 'failed' } });
  }
}
`,
    // typed: items of Promise.allSettled settle on their own
    `
import type { Kysely } from 'kysely';
interface DB { domains: { id: string; verified: boolean } }
export async function verifyAll(db: Kysely<DB>, ids: string[]) {
  await Promise.allSettled(ids.map((id) => db.updateTable('domains').set({ verified: true }).where('id', '=', id).execute()));
}
`,
  ],
  invalid: [
    // typed: a Sequelize model class is no connection to its type, yet its static writes run on one
    {
      code: `
import { Model } from 'sequelize';
class User extends Model {}
class Profile extends Model {}
export async function createUser(email: string) {
  const user = await User.create({ email });
  await Profile.create({ userId: user.get('id') });
}
`,
      errors: [{ messageId: 'missingTransaction' }],
    },
    {
      code: `
import type { Kysely } from 'kysely';
interface DB { accounts: { id: string; balance: number } }
export async function transfer(store: Kysely<DB>, from: string, to: string, amount: number) {
  await store.updateTable('accounts').set((eb) => ({ balance: eb('balance', '-', amount) })).where('id', '=', from).execute();
  await store.updateTable('accounts').set((eb) => ({ balance: eb('balance', '+', amount) })).where('id', '=', to).execute();
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 4, column: 23, endLine: 4, endColumn: 31, suggestions: [{ messageId: 'wrapInTransaction', output: `
import type { Kysely } from 'kysely';
interface DB { accounts: { id: string; balance: number } }
export async function transfer(store: Kysely<DB>, from: string, to: string, amount: number) {
  await store.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set((eb) => ({ balance: eb('balance', '-', amount) })).where('id', '=', from).execute();
    await trx.updateTable('accounts').set((eb) => ({ balance: eb('balance', '+', amount) })).where('id', '=', to).execute();
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
  await client.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
  await client.orderItem.deleteMany({ where: { orderId } });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 29, suggestions: [{ messageId: 'wrapInTransaction', output: `
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
    // typed Drizzle database
    {
      code: `
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { pgTable } from 'drizzle-orm/pg-core';
const orders = pgTable('orders', {});
const outbox = pgTable('outbox', {});
export async function place(store: NodePgDatabase) {
  await store.insert(orders).values({});
  await store.insert(outbox).values({ topic: 'order.placed' });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 6, column: 23, endLine: 6, endColumn: 28, suggestions: [{ messageId: 'wrapInTransaction', output: `
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { pgTable } from 'drizzle-orm/pg-core';
const orders = pgTable('orders', {});
const outbox = pgTable('outbox', {});
export async function place(store: NodePgDatabase) {
  await store.transaction(async (tx) => {
    await tx.insert(orders).values({});
    await tx.insert(outbox).values({ topic: 'order.placed' });
  });
}
` }] },
      ],
    },
    // typed TypeORM repositories
    {
      code: `
import type { Repository } from 'typeorm';
interface Order { id: number; status: string }
export class Orders {
  constructor(private readonly orders: Repository<Order>, private readonly archive: Repository<Order>) {}
  async archiveOrder(order: Order) {
    await this.archive.insert(order);
    await this.orders.delete({ id: order.id });
  }
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 6, column: 9, endLine: 6, endColumn: 21 },
      ],
    },
    // typed knex
    {
      code: `
import type { Knex } from 'knex';
export async function ship(store: Knex, orderId: string) {
  await store('shipments').insert({ order_id: orderId });
  await store('orders').where({ id: orderId }).update({ status: 'shipped' });
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 27, suggestions: [{ messageId: 'wrapInTransaction', output: `
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
    // typed node-postgres pool
    {
      code: `
import type { Pool } from 'pg';
export async function deleteUser(source: Pool, id: string) {
  await source.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  await source.query('DELETE FROM users WHERE id = $1', [id]);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 33 },
      ],
    },
    // typed mysql2 connection
    {
      code: `
import type { Connection } from 'mysql2/promise';
export async function adjust(link: Connection, sku: string, delta: number) {
  await link.execute('UPDATE inventory SET qty = qty + ? WHERE sku = ?', [delta, sku]);
  await link.execute('INSERT INTO inventory_log (sku, delta) VALUES (?, ?)', [sku, delta]);
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 3, column: 23, endLine: 3, endColumn: 29 },
      ],
    },
    // typed: a call to another system on a branch that returns separates nothing on the other path
    {
      code: `
import type { Kysely } from 'kysely';
interface DB { webhooks: { id: string; failures: number; disabled: boolean } }
export async function recordFailure(db: Kysely<DB>, id: string, notify: boolean) {
  await db.updateTable('webhooks').set((eb) => ({ failures: eb('failures', '+', 1) })).where('id', '=', id).execute();
  if (notify) {
    await fetch('https://hooks.example.com/notify');
    return;
  }
  await db.updateTable('webhooks').set({ disabled: true }).where('id', '=', id).execute();
}
`,
      errors: [
        { messageId: 'missingTransaction', line: 4, column: 23, endLine: 4, endColumn: 36, suggestions: [{ messageId: 'wrapInTransaction', output: `
import type { Kysely } from 'kysely';
interface DB { webhooks: { id: string; failures: number; disabled: boolean } }
export async function recordFailure(db: Kysely<DB>, id: string, notify: boolean) {
  return await db.transaction().execute(async (trx) => {
    await trx.updateTable('webhooks').set((eb) => ({ failures: eb('failures', '+', 1) })).where('id', '=', id).execute();
    if (notify) {
      await fetch('https://hooks.example.com/notify');
      return;
    }
    await trx.updateTable('webhooks').set({ disabled: true }).where('id', '=', id).execute();
  });
}
` }] },
      ],
    },
  ],
});
