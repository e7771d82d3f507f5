import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, newKey, type TestApp, type TestUser } from '../support/test-app.js';
import {
  createCommerceDatabase,
  createShop,
  startTestGateway,
  type OrderJson,
  type PaymentJson,
  type ProductJson,
  type Shop,
  type TestGateway,
} from '../support/commerce.js';

const leaks = ['sk_live', '4242424242424242', '/srv/gateway', 'upstream said', 'api_key'];

function expectNoLeak(text: string): void {
  for (const leak of leaks) {
    expect(text).not.toContain(leak);
  }
}

/**
 * Payments: wallet, and gateway channels over real HTTP to the simulator — retries, declines,
 * the circuit breaker, unknown outcomes settled by the reconciler or a webhook, replays.
 *
 * @param createDatabase - a fresh database per test
 */
export function describePaymentsSuite(createDatabase: CreateTestDatabase): void {
  describe('payments', () => {
    let gateway: TestGateway;
    let db: TestDatabase;
    let t: TestApp;
    let shop: Shop;
    let ada: TestUser;
    let mug: ProductJson;

    beforeAll(async () => {
      gateway = await startTestGateway();
    });
    afterAll(async () => {
      await gateway.running.close();
    });

    beforeEach(async () => {
      gateway.simulator.setWebhookBaseUrl(undefined);
      db = await createCommerceDatabase(createDatabase);
      t = createTestApp(db.database, { config: gateway.config });
      shop = createShop(t);
      ada = await t.signUp('ada@example.com');
      mug = await shop.product(4500, 100);
    });
    afterEach(async () => {
      await gateway.simulator.flushWebhooks();
      await db.cleanup();
    });

    async function newOrder(user: TestUser = ada): Promise<OrderJson> {
      return shop.placeOrder(user, [{ productId: mug.id, quantity: 1 }]);
    }

    function chargesFor(paymentId: string) {
      return gateway.simulator.charges().filter((charge) => charge.reference === paymentId);
    }

    async function ledgerRows(movementId: string) {
      return t.database.db.selectFrom('ledger_entries').selectAll().where('movement_id', '=', movementId).execute();
    }

    describe('wallet channel', () => {
      it('debits the wallet and marks the order paid in one transaction', async () => {
        await t.topUp(ada, 10_000);
        const order = await newOrder();
        const res = await shop.pay(ada, order.id, { channel: 'wallet' });
        expect(res.status).toBe(201);
        const payment = (await res.json()) as PaymentJson;
        expect(payment).toMatchObject({
          orderId: order.id,
          channel: 'wallet',
          amount: 5500,
          currency: 'CNY',
          status: 'succeeded',
          refundedAmount: 0,
          attempts: 1,
          lastError: null,
        });
        expect(payment.createdAt).toMatch(/Z$/);
        expect(await t.balance(ada)).toBe(4500);
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('paid');
        expect(await ledgerRows(payment.id)).toHaveLength(2);
        expect(await t.verifyLedger()).toMatchObject({ ok: true, imbalance: 0 });
      });

      it('refuses with insufficient_funds and changes nothing', async () => {
        await t.topUp(ada, 100);
        const order = await newOrder();
        await expectProblem(await shop.pay(ada, order.id, { channel: 'wallet' }), 422, 'insufficient_funds');
        expect(await t.balance(ada)).toBe(100);
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('pending');
        expect(await t.database.db.selectFrom('payments').select('id').execute()).toEqual([]);
      });
    });

    describe('gateway channels', () => {
      it.each(['card', 'wechat', 'alipay'])('charges through the %s channel once and records the ledger', async (channel) => {
        const order = await newOrder();
        const res = await shop.pay(ada, order.id, { channel, paymentMethod: 'pm_ok' });
        expect(res.status).toBe(201);
        const payment = (await res.json()) as PaymentJson;
        expect(payment).toMatchObject({ channel, status: 'succeeded', attempts: 1, lastError: null, amount: 5500 });
        expect(chargesFor(payment.id)).toEqual([expect.objectContaining({ channel, amount: 5500, status: 'succeeded' })]);
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('paid');
        expect(await ledgerRows(payment.id)).toHaveLength(2);
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('uses pm_ok when no payment method is given', async () => {
        const order = await newOrder();
        const res = await shop.pay(ada, order.id, { channel: 'card' });
        expect(res.status).toBe(201);
      });

      it('retries pm_flaky with one gateway key and succeeds on the third attempt', async () => {
        const order = await newOrder();
        const res = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_flaky' });
        expect(res.status).toBe(201);
        const payment = (await res.json()) as PaymentJson;
        expect(payment).toMatchObject({ status: 'succeeded', attempts: 3, lastError: null });
        const [charge] = chargesFor(payment.id);
        const requests = gateway.simulator.requests.filter((request) => request.operation === 'charge' && request.key === charge?.key);
        expect(requests.map((request) => request.status)).toEqual([503, 503, 201]);
      });

      it('declines pm_declined after one attempt with 402 and leaves the order payable', async () => {
        const order = await newOrder();
        const res = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_declined' });
        const body = await expectProblem(res, 402, 'payment_declined');
        expect(typeof body.paymentId).toBe('string');
        const payment = (await (await shop.getPayment(ada, String(body.paymentId))).json()) as PaymentJson;
        expect(payment).toMatchObject({ status: 'failed', attempts: 1, lastError: { code: 'card_declined' } });
        expect(gateway.simulator.requests.filter((request) => request.operation === 'charge' && chargesFor(payment.id)[0]?.key === request.key)).toHaveLength(1);
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('pending');

        const retry = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_ok' });
        expect(retry.status).toBe(201);
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('paid');
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('reports pm_insufficient_funds as a decline with its code', async () => {
        const order = await newOrder();
        const body = await expectProblem(await shop.pay(ada, order.id, { channel: 'wechat', paymentMethod: 'pm_insufficient_funds' }), 402, 'payment_declined');
        const payment = (await (await shop.getPayment(ada, String(body.paymentId))).json()) as PaymentJson;
        expect(payment.lastError).toEqual({ code: 'insufficient_funds', detail: expect.any(String) as string });
      });

      it('opens the breaker on pm_down, fails fast with Retry-After, and closes after the half-open window', async () => {
        const first = await shop.pay(ada, (await newOrder()).id, { channel: 'alipay', paymentMethod: 'pm_down' });
        await expectProblem(first, 503, 'gateway_unavailable');
        expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        const second = await shop.pay(ada, (await newOrder()).id, { channel: 'alipay', paymentMethod: 'pm_down' });
        await expectProblem(second, 503, 'gateway_unavailable');
        expect(t.services.gateways.alipay.breaker().state).toBe('open');

        const before = gateway.simulator.requests.length;
        const fastOrder = await newOrder();
        const fast = await shop.pay(ada, fastOrder.id, { channel: 'alipay', paymentMethod: 'pm_ok' });
        await expectProblem(fast, 503, 'gateway_unavailable');
        // Seconds until the trial call, rounded up: the 1.5 s window leaves 1 or 2.
        expect(Number(fast.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(Number(fast.headers.get('retry-after'))).toBeLessThanOrEqual(2);
        expect(gateway.simulator.requests.length).toBe(before);
        expect(((await (await shop.getOrder(ada, fastOrder.id)).json()) as OrderJson).status).toBe('pending');
        // Other channels keep working.
        expect((await shop.pay(ada, (await newOrder()).id, { channel: 'card' })).status).toBe(201);

        const metrics = await (await t.app.request('/metrics')).text();
        expect(metrics).toMatch(/circuit_breaker_state\{channel="alipay"\} 1/);
        expect(metrics).toMatch(/gateway_calls_total\{channel="alipay",outcome="error"\} 5/);
        expect(metrics).toMatch(/gateway_calls_total\{channel="alipay",outcome="rejected"\} 1/);

        await new Promise((resolve) => setTimeout(resolve, 1600));
        const after = await shop.pay(ada, fastOrder.id, { channel: 'alipay', paymentMethod: 'pm_ok' });
        expect(after.status).toBe(201);
        expect(t.services.gateways.alipay.breaker().state).toBe('closed');
        expect(await (await t.app.request('/metrics')).text()).toMatch(/circuit_breaker_state\{channel="alipay"\} 0/);
      });

      it('answers 202 processing for pm_timeout_then_ok and the reconciler settles exactly one charge', async () => {
        const order = await newOrder();
        const res = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' });
        expect(res.status).toBe(202);
        const payment = (await res.json()) as PaymentJson;
        expect(payment).toMatchObject({ status: 'processing', attempts: 3, lastError: { code: 'gateway_timeout' } });
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('pending');
        await expectProblem(await shop.cancel(ada, order.id), 409, 'invalid_state_transition');
        await expectProblem(await shop.pay(ada, order.id, { channel: 'card' }), 409, 'invalid_state_transition');

        t.clock.advance(60_000);
        expect(await t.services.reconciler.reconcileOnce()).toEqual({ paymentsSettled: 1, refundsSettled: 0, deferred: 0 });
        expect(await t.services.reconciler.reconcileOnce()).toEqual({ paymentsSettled: 0, refundsSettled: 0, deferred: 0 });
        const settled = (await (await shop.getPayment(ada, payment.id)).json()) as PaymentJson;
        expect(settled).toMatchObject({ status: 'succeeded', lastError: null, attempts: 3 });
        expect(chargesFor(payment.id)).toHaveLength(1);
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('paid');
        expect(await ledgerRows(payment.id)).toHaveLength(2);
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('does not reconcile a processing payment before its time', async () => {
        const order = await newOrder();
        expect((await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' })).status).toBe(202);
        expect(await t.services.reconciler.reconcileOnce()).toEqual({ paymentsSettled: 0, refundsSettled: 0, deferred: 0 });
      });

      it('marks a payment the gateway never received as failed and the order payable again', async () => {
        const order = await newOrder();
        const res = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' });
        const payment = (await res.json()) as PaymentJson;
        await t.database.db.updateTable('payments').set({ gateway_key: 'gk_never_sent' }).where('id', '=', payment.id).execute();
        t.clock.advance(60_000);
        expect(await t.services.reconciler.reconcileOnce()).toMatchObject({ paymentsSettled: 1 });
        const failed = (await (await shop.getPayment(ada, payment.id)).json()) as PaymentJson;
        expect(failed).toMatchObject({ status: 'failed', lastError: { code: 'not_charged' } });
        expect(((await (await shop.getOrder(ada, order.id)).json()) as OrderJson).status).toBe('pending');
      });

      it('settles pm_timeout_then_ok from the signed webhook the gateway sends, once', async () => {
        const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
        await new Promise((resolve) => server.once('listening', resolve));
        const { port } = server.address() as AddressInfo;
        gateway.simulator.setWebhookBaseUrl(`http://127.0.0.1:${String(port)}/v1/webhooks`);
        // Signatures are checked against the app's clock: run it on the wall clock here.
        t.clock.set(new Date());
        ada = await t.relogin(ada);
        try {
          const order = await newOrder();
          const res = await shop.pay(ada, order.id, { channel: 'wechat', paymentMethod: 'pm_timeout_then_ok' });
          // The webhook usually lands while the charge call is still waiting for its answer.
          expect([201, 202]).toContain(res.status);
          const payment = (await res.json()) as PaymentJson;
          await gateway.simulator.flushWebhooks();
          const settled = (await (await shop.getPayment(ada, payment.id)).json()) as PaymentJson;
          expect(settled.status).toBe('succeeded');
          expect(chargesFor(payment.id)).toHaveLength(1);
          expect(await ledgerRows(payment.id)).toHaveLength(2);
          t.clock.advance(60_000);
          expect(await t.services.reconciler.reconcileOnce()).toMatchObject({ paymentsSettled: 0 });
          expect(await t.verifyLedger()).toMatchObject({ ok: true });
        } finally {
          gateway.simulator.setWebhookBaseUrl(undefined);
          await new Promise((resolve) => server.close(resolve));
        }
      });

      it('makes one transition when the webhook and the synchronous answer race', async () => {
        const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
        await new Promise((resolve) => server.once('listening', resolve));
        const { port } = server.address() as AddressInfo;
        gateway.simulator.setWebhookBaseUrl(`http://127.0.0.1:${String(port)}/v1/webhooks`);
        t.clock.set(new Date());
        ada = await t.relogin(ada);
        try {
          const payments = await Promise.all(
            Array.from({ length: 5 }, async () => {
              const order = await newOrder();
              const res = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_ok' });
              expect(res.status).toBe(201);
              return (await res.json()) as PaymentJson;
            }),
          );
          await gateway.simulator.flushWebhooks();
          for (const payment of payments) {
            expect(await ledgerRows(payment.id)).toHaveLength(2);
          }
          expect(await t.verifyLedger()).toMatchObject({ ok: true });
        } finally {
          gateway.simulator.setWebhookBaseUrl(undefined);
          await new Promise((resolve) => server.close(resolve));
        }
      });

      it('lets exactly one of a racing cancel and card payment win, and never charges a cancelled order', async () => {
        for (let round = 0; round < 4; round += 1) {
          const order = await newOrder();
          const [cancel, pay] = await Promise.all([shop.cancel(ada, order.id), shop.pay(ada, order.id, { channel: 'card' })]);
          expect([cancel.status === 200, pay.status === 201]).toContain(true);
          expect(cancel.status === 200 && pay.status === 201).toBe(false);
          const final = (await (await shop.getOrder(ada, order.id)).json()) as OrderJson;
          expect(final.status).toBe(cancel.status === 200 ? 'cancelled' : 'paid');
          const payments = await t.database.db.selectFrom('payments').select('id').where('order_id', '=', order.id).execute();
          const charged = payments.flatMap((payment) => chargesFor(payment.id));
          expect(charged).toHaveLength(final.status === 'paid' ? 1 : 0);
        }
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('replays a payment request with its key without charging twice', async () => {
        const order = await newOrder();
        const key = newKey('pay');
        const first = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_ok' }, key);
        const second = await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_ok' }, key);
        expect(second.status).toBe(201);
        expect(second.headers.get('idempotent-replayed')).toBe('true');
        const body = await first.text();
        expect(await second.text()).toBe(body);
        expect(chargesFor((JSON.parse(body) as PaymentJson).id)).toHaveLength(1);
        expect(gateway.simulator.charges().filter((charge) => charge.amount === 5500 && charge.status === 'succeeded').length).toBeGreaterThan(0);
      });

      it('replays a processing answer and a decline without another charge attempt', async () => {
        const slowOrder = await newOrder();
        const key = newKey('pay');
        const slow = await shop.pay(ada, slowOrder.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' }, key);
        const again = await shop.pay(ada, slowOrder.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' }, key);
        expect(again.status).toBe(202);
        expect(await again.text()).toBe(await slow.text());

        const declinedOrder = await newOrder();
        const declineKey = newKey('pay');
        const declined = await shop.pay(ada, declinedOrder.id, { channel: 'card', paymentMethod: 'pm_declined' }, declineKey);
        const requestsBefore = gateway.simulator.requests.length;
        const replay = await shop.pay(ada, declinedOrder.id, { channel: 'card', paymentMethod: 'pm_declined' }, declineKey);
        expect(replay.status).toBe(402);
        expect(await replay.text()).toBe(await declined.text());
        expect(gateway.simulator.requests.length).toBe(requestsBefore);
      });

      it('never shows gateway error text, secrets or paths to the client', async () => {
        const bodies = [
          await (await shop.pay(ada, (await newOrder()).id, { channel: 'card', paymentMethod: 'pm_declined' })).text(),
          await (await shop.pay(ada, (await newOrder()).id, { channel: 'wechat', paymentMethod: 'pm_down' })).text(),
        ];
        for (const body of bodies) {
          expectNoLeak(body);
        }
        for (const line of t.logs) {
          expectNoLeak(line);
        }
      });
    });
  });
}
