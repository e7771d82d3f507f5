import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/gateways/webhook.signature.js';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, newKey, type TestApp, type TestUser } from '../support/test-app.js';
import {
  WEBHOOK_SECRET,
  createCommerceDatabase,
  createShop,
  startTestGateway,
  type OrderJson,
  type PaymentJson,
  type ProductJson,
  type Shop,
  type TestGateway,
} from '../support/commerce.js';

/** mulberry32: a tiny seeded generator, so a failing run can be replayed with its seed. */
function createRandom(seed: number): { next(): number; int(max: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) {
        throw new Error('pick from an empty list');
      }
      return item;
    },
  };
}

const methods = ['pm_ok', 'pm_ok', 'pm_ok', 'pm_declined', 'pm_insufficient_funds', 'pm_flaky', 'pm_timeout_then_ok', 'pm_down'] as const;
const channels = ['wallet', 'wallet', 'card', 'wechat', 'alipay'] as const;

/**
 * A seeded randomized soak: hundreds of mixed operations (top-ups, transfers, orders, payments
 * with faulty methods, refunds, cancels, webhooks — duplicated and out of order — and reconciler
 * rounds), a few at a time, then every invariant. `SOAK_SEED=<n>` replays a run.
 *
 * @param createDatabase - a fresh database
 * @param operations - how many operations to run
 */
export function describeSoakSuite(createDatabase: CreateTestDatabase, operations: number): void {
  describe('randomized soak', () => {
    let gateway: TestGateway;
    let db: TestDatabase;
    let t: TestApp;
    let shop: Shop;

    beforeAll(async () => {
      gateway = await startTestGateway({ slowResponseMs: 1500, timeoutMs: 250, halfOpenMs: 300 });
    });
    afterAll(async () => {
      await gateway.running.close();
    });
    beforeEach(async () => {
      db = await createCommerceDatabase(createDatabase);
      t = createTestApp(db.database, { config: gateway.config });
      shop = createShop(t);
    });
    afterEach(async () => {
      await db.cleanup();
    });

    const seed = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));

    it(`keeps every invariant over ${String(operations)} mixed operations (seed ${String(seed)})`, async () => {
      try {
        await runSoak(seed);
      } catch (error) {
        console.error(`Soak failed; replay with SOAK_SEED=${String(seed)}`);
        throw error;
      }
    }, 240_000);

    async function runSoak(runSeed: number): Promise<void> {
      const random = createRandom(runSeed);
      const users: TestUser[] = [];
      for (let index = 0; index < 4; index += 1) {
        users.push(await t.signUp(`soak${String(index)}@example.com`));
      }
      const products: ProductJson[] = [];
      for (let index = 0; index < 3; index += 1) {
        products.push(await shop.product(500 + random.int(3000), 60 + random.int(60)));
      }
      const initialStock = new Map(products.map((product) => [product.id, product.stock]));
      const orders: { user: TestUser; order: OrderJson }[] = [];
      const payments: { user: TestUser; payment: PaymentJson }[] = [];
      const unexpected: string[] = [];

      const expectStatus = async (label: string, res: Response, allowed: readonly number[]): Promise<unknown> => {
        const text = await res.text();
        if (!allowed.includes(res.status)) {
          unexpected.push(`${label}: ${String(res.status)} ${text}`);
        }
        return res.headers.get('content-type')?.includes('json') === true ? (JSON.parse(text) as unknown) : undefined;
      };

      const operation = async (): Promise<void> => {
        const user = random.pick(users);
        const roll = random.next();
        if (roll < 0.12) {
          await expectStatus('top-up', await t.topUp(user, 1 + random.int(20_000)), [201]);
        } else if (roll < 0.22) {
          const to = random.pick(users);
          const res = await t.transfer(user, { to: to.id, amount: 1 + random.int(3000) });
          await expectStatus('transfer', res, to.id === user.id ? [400] : [201, 422]);
        } else if (roll < 0.45) {
          const items = Array.from({ length: 1 + random.int(2) }, () => ({ productId: random.pick(products).id, quantity: 1 + random.int(3) }));
          const body = await expectStatus('order', await shop.order(user, items), [201, 409]);
          if (body !== undefined && (body as { status?: unknown }).status === 'pending') {
            orders.push({ user, order: body as OrderJson });
          }
        } else if (roll < 0.7 && orders.length > 0) {
          const { user: owner, order } = random.pick(orders);
          const channel = random.pick(channels);
          const payBody = channel === 'wallet' ? { channel } : { channel, paymentMethod: random.pick(methods) };
          const key = newKey('soak-pay');
          const res = await shop.pay(owner, order.id, payBody, key);
          const body = await expectStatus('pay', res, [201, 202, 402, 409, 422, 503]);
          if (res.status === 201 || res.status === 202) {
            payments.push({ user: owner, payment: body as PaymentJson });
          }
          if (random.next() < 0.2) {
            await expectStatus('pay replay', await shop.pay(owner, order.id, payBody, key), [res.status, 409]);
          }
        } else if (roll < 0.8 && payments.length > 0) {
          const { user: owner, payment } = random.pick(payments);
          gateway.simulator.refundBehaviour = random.pick(['ok', 'ok', 'ok', 'decline', 'unavailable', 'slow'] as const);
          const body = random.next() < 0.3 ? { reason: 'soak' } : { amount: 1 + random.int(payment.amount), reason: 'soak' };
          await expectStatus('refund', await shop.refund(owner, payment.id, body), [201, 202, 409, 503]);
        } else if (roll < 0.88 && orders.length > 0) {
          const { user: owner, order } = random.pick(orders);
          await expectStatus('cancel', await shop.cancel(owner, order.id), [200, 409]);
        } else if (roll < 0.95 && payments.length > 0) {
          // A webhook, true to what the gateway did, sometimes twice, sometimes stale and late.
          const { payment } = random.pick(payments);
          const charge = gateway.simulator.charges().find((entry) => entry.reference === payment.id);
          const type = charge === undefined || charge.status === 'declined' ? 'payment.failed' : 'payment.succeeded';
          const eventBody = JSON.stringify({ id: `evt_soak_${newKey()}`, type, data: { reference: payment.id } });
          const deliveries = random.next() < 0.3 ? 2 : 1;
          for (let delivery = 0; delivery < deliveries; delivery += 1) {
            const signature = signWebhook(WEBHOOK_SECRET, eventBody, Math.floor(t.clock.now().getTime() / 1000));
            if (charge !== undefined && payment.channel !== 'wallet') {
              const res = await t.app.request(`/v1/webhooks/${payment.channel}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-gateway-signature': signature },
                body: eventBody,
              });
              await expectStatus('webhook', res, [200]);
            }
          }
        } else {
          t.clock.advance(10_000);
          await t.services.reconciler.reconcileOnce();
        }
      };

      for (let done = 0; done < operations; done += 4) {
        await Promise.all(Array.from({ length: Math.min(4, operations - done) }, operation));
      }

      // Settle everything left unknown, then check every invariant.
      gateway.simulator.refundBehaviour = 'ok';
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (let round = 0; round < 5; round += 1) {
        t.clock.advance(60_000);
        await t.services.reconciler.reconcileOnce();
      }

      expect(unexpected).toEqual([]);
      expect(await t.verifyLedger()).toMatchObject({ ok: true, imbalance: 0, negativeBalances: 0, cachedBalanceMismatches: 0 });

      const dbh = t.database.db;
      const stockRows = await dbh.selectFrom('products').select(['id', 'stock']).execute();
      const reserved = await dbh
        .selectFrom('order_items')
        .innerJoin('orders', 'orders.id', 'order_items.order_id')
        .select(['order_items.product_id', 'order_items.quantity'])
        .where('orders.status', '<>', 'cancelled')
        .execute();
      for (const row of stockRows) {
        const initial = initialStock.get(row.id);
        if (initial === undefined) {
          continue;
        }
        expect(row.stock).toBeGreaterThanOrEqual(0);
        const taken = reserved.filter((item) => item.product_id === row.id).reduce((sum, item) => sum + item.quantity, 0);
        expect(row.stock + taken).toBe(initial);
      }

      const paymentRows = await dbh.selectFrom('payments').selectAll().execute();
      const refundRows = await dbh.selectFrom('refunds').selectAll().execute();
      expect(paymentRows.filter((row) => row.status === 'processing')).toEqual([]);
      expect(refundRows.filter((row) => row.status === 'pending')).toEqual([]);
      for (const row of paymentRows) {
        const succeeded = refundRows.filter((refund) => refund.payment_id === row.id && refund.status === 'succeeded');
        const refunded = succeeded.reduce((sum, refund) => sum + refund.amount, 0);
        expect(row.refunded_amount).toBe(refunded);
        expect(row.pending_refund_amount).toBe(0);
        expect(refunded).toBeLessThanOrEqual(row.amount);
        if (row.channel !== 'wallet') {
          const charges = gateway.simulator.charges().filter((charge) => charge.reference === row.id && charge.status === 'succeeded');
          // Charged at most once, and only payments we consider taken were charged.
          expect(charges.length).toBe(row.status === 'failed' ? 0 : 1);
          const gatewayRefunded = gateway.simulator
            .refunds()
            .filter((refund) => refund.chargeKey === row.gateway_key && refund.status === 'succeeded')
            .reduce((sum, refund) => sum + refund.amount, 0);
          expect(gatewayRefunded).toBe(refunded);
        }
      }
      const orderRows = await dbh.selectFrom('orders').select(['id', 'status', 'total']).execute();
      for (const order of orderRows) {
        const live = paymentRows.filter((row) => row.order_id === order.id && row.status !== 'failed');
        expect(live.length).toBe(['paid', 'partially_refunded', 'refunded'].includes(order.status) ? 1 : 0);
      }
    }
  });
}
