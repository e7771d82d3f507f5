import { describe, expect, it } from 'vitest';
import analyze from '../../src/analyzers/cross-file-multi-write.js';
import { loadInMemoryProject } from '../helpers/in-memory-project.js';

const repository = `
export async function insertOrder(db: any, userId: number) {
  return db.insertInto('orders').values({ user_id: userId }).returning('id').executeTakeFirstOrThrow();
}
export async function insertItem(db: any, orderId: number, productId: number) {
  await db.insertInto('order_items').values({ order_id: orderId, product_id: productId }).execute();
}
export async function takeStock(db: any, productId: number) {
  await db.updateTable('products').set({ stock: 0 }).where('id', '=', productId).execute();
}
`;

function analyzeFiles(files: Record<string, string>) {
  return analyze(loadInMemoryProject(files));
}

describe('cross-file-multi-write', () => {
  it('reports a function that reaches writes in another file through calls, with the chain of calls', () => {
    const findings = analyzeFiles({
      'src/order.repository.ts': repository,
      'src/order.service.ts': `
import { insertItem, insertOrder, takeStock } from './order.repository.js';
export async function createOrder(db: any, userId: number, productIds: number[]) {
  const order = await insertOrder(db, userId);
  for (const productId of productIds) {
    await insertItem(db, order.id, productId);
    await takeStock(db, productId);
  }
}
`,
    });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      ruleId: 'cross-file-multi-write',
      source: 'analyzer',
      file: 'src/order.service.ts',
      line: 3,
      column: 23,
      function: 'createOrder',
      kind: 'inconsistent-data',
      risk: 'medium',
    });
    expect(finding?.message).toContain('insert orders, insert order_items (repeated), update products (repeated)');
    expect(finding?.chain).toEqual([
      'createOrder → insertOrder (src/order.repository.ts:2) → insert orders at src/order.repository.ts:3',
      'createOrder → insertItem (src/order.repository.ts:5) → insert order_items (repeated) at src/order.repository.ts:6',
      'createOrder → takeStock (src/order.repository.ts:8) → update products (repeated) at src/order.repository.ts:9',
    ]);
  });

  it('stays silent when the caller runs every write inside a Kysely transaction', () => {
    const findings = analyzeFiles({
      'src/order.repository.ts': repository,
      'src/order.service.ts': `
import { insertItem, insertOrder } from './order.repository.js';
export async function createOrder(db: any, userId: number, productId: number) {
  await db.transaction().execute(async (trx: any) => {
    const order = await insertOrder(trx, userId);
    await insertItem(trx, order.id, productId);
  });
}
`,
    });
    expect(findings).toEqual([]);
  });

  it('recognises Prisma, knex and callback transactions as transaction scopes', () => {
    const findings = analyzeFiles({
      'src/order.repository.ts': repository,
      'src/order.service.ts': `
import { insertItem, insertOrder } from './order.repository.js';
export async function withPrisma(prisma: any) {
  await prisma.$transaction(async (tx: any) => { await insertOrder(tx, 1); await insertItem(tx, 1, 2); });
}
export async function withKnex(knex: any) {
  await knex.transaction(async (trx: any) => { await insertOrder(trx, 1); await insertItem(trx, 1, 2); });
}
export async function withIsolationLevel(db: any) {
  await db.transaction().setIsolationLevel('serializable').execute(async (trx: any) => { await insertOrder(trx, 1); await insertItem(trx, 1, 2); });
}
`,
    });
    expect(findings).toEqual([]);
  });

  it('treats a function that runs BEGIN by hand as managing its own transaction', () => {
    const findings = analyzeFiles({
      'src/order.repository.ts': repository,
      'src/order.service.ts': `
import { insertItem, insertOrder } from './order.repository.js';
export async function createOrder(client: any) {
  await client.query('BEGIN');
  await insertOrder(client, 1);
  await insertItem(client, 1, 2);
  await client.query('COMMIT');
}
`,
    });
    expect(findings).toEqual([]);
  });

  it('leaves two writes made directly by one function to require-transaction', () => {
    const findings = analyzeFiles({
      'src/order.service.ts': `
export async function cancelOrder(db: any, id: number) {
  await db.updateTable('products').set({ stock: 1 }).execute();
  await db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', id).execute();
}
`,
    });
    expect(findings).toEqual([]);
  });

  it('reports at the service, not at the route handler that only passes through to it', () => {
    const findings = analyzeFiles({
      'src/order.repository.ts': repository,
      'src/order.service.ts': `
import { insertItem, insertOrder } from './order.repository.js';
export async function createOrder(db: any) {
  const order = await insertOrder(db, 1);
  await insertItem(db, order.id, 2);
}
`,
      'src/order.routes.ts': `
import { createOrder } from './order.service.js';
declare const app: { post(path: string, handler: (c: any) => unknown): void };
declare const db: unknown;
app.post('/orders', async (c) => c.json(await createOrder(db)));
`,
    });
    expect(findings.map((finding) => finding.function)).toEqual(['createOrder']);
  });

  it('reports once at the outermost function when a helper that writes twice is called from a caller that writes too', () => {
    const findings = analyzeFiles({
      'src/wallet.service.ts': `
async function record(db: any, walletId: number) {
  await db.insertInto('wallet_transactions').values({ wallet_id: walletId }).execute();
}
async function adjust(db: any, walletId: number) {
  await db.updateTable('wallets').set({ balance: 1 }).where('id', '=', walletId).execute();
  await record(db, walletId);
}
export async function transfer(db: any, from: number, to: number) {
  await adjust(db, from);
  await adjust(db, to);
}
`,
    });
    expect(findings.map((finding) => finding.function)).toEqual(['transfer']);
    expect(findings[0]?.message).toContain('update wallets (repeated), insert wallet_transactions (repeated)');
  });

  it('stays silent when every caller of the helper opens a transaction first', () => {
    const findings = analyzeFiles({
      'src/wallet.service.ts': `
async function record(db: any, walletId: number) {
  await db.insertInto('wallet_transactions').values({ wallet_id: walletId }).execute();
}
async function adjust(db: any, walletId: number) {
  await db.updateTable('wallets').set({ balance: 1 }).where('id', '=', walletId).execute();
  await record(db, walletId);
}
export async function topUp(db: any, walletId: number) {
  await db.transaction().execute((trx: any) => adjust(trx, walletId));
}
`,
    });
    expect(findings).toEqual([]);
  });

  it('follows methods of classes and object-literal services across files', () => {
    const findings = analyzeFiles({
      'src/payment.repository.ts': `
export class PaymentRepository {
  constructor(private readonly db: any) {}
  async insert(orderId: number) {
    await this.db.insertInto('payments').values({ order_id: orderId }).execute();
  }
}
export const orderRepository = {
  async markPaid(db: any, orderId: number) {
    await db.updateTable('orders').set({ status: 'paid' }).where('id', '=', orderId).execute();
  },
};
`,
      'src/payment.service.ts': `
import { PaymentRepository, orderRepository } from './payment.repository.js';
export class PaymentService {
  constructor(private readonly payments: PaymentRepository, private readonly db: any) {}
  async pay(orderId: number) {
    await this.payments.insert(orderId);
    await orderRepository.markPaid(this.db, orderId);
  }
}
`,
    });
    expect(findings.map((finding) => [finding.file, finding.function])).toEqual([['src/payment.service.ts', 'PaymentService.pay']]);
  });

  it('counts Prisma model writes, knex table writes and raw SQL writes', () => {
    const findings = analyzeFiles({
      'src/writes.ts': `
export async function prismaWrite(prisma: any) { await prisma.payment.create({ data: {} }); }
export async function knexWrite(knex: any) { await knex('refunds').insert({}); }
export async function sqlWrite(pool: any) { await pool.query('UPDATE ledger SET amount = 1 WHERE id = $1', [1]); }
`,
      'src/service.ts': `
import { knexWrite, prismaWrite, sqlWrite } from './writes.js';
export async function settle(prisma: any, knex: any, pool: any) {
  await prismaWrite(prisma);
  await knexWrite(knex);
  await sqlWrite(pool);
}
`,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('insert payment, insert refunds, update ledger');
  });

  it('survives recursion between functions that write', () => {
    const findings = analyzeFiles({
      'src/tree.ts': `
export async function saveNode(db: any, depth: number): Promise<void> {
  await db.insertInto('nodes').values({ depth }).execute();
  if (depth > 0) await saveChildren(db, depth - 1);
}
async function saveChildren(db: any, depth: number): Promise<void> {
  await saveNode(db, depth);
  await saveNode(db, depth);
}
`,
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.ruleId === 'cross-file-multi-write')).toBe(true);
  });
});
