import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/gateways/webhook.signature.js';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../support/test-app.js';
import {
  WEBHOOK_SECRET,
  createCommerceDatabase,
  createShop,
  startTestGateway,
  type OrderJson,
  type PaymentJson,
  type ProductJson,
  type RefundJson,
  type Shop,
  type TestGateway,
} from '../support/commerce.js';

let eventCounter = 0;

/**
 * `POST /v1/webhooks/{channel}`: signature over the raw bytes with a timestamp tolerance, event-id
 * dedupe, events that no longer apply, refunds.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeWebhooksSuite(createDatabase: CreateTestDatabase): void {
  describe('webhooks', () => {
    let gateway: TestGateway;
    let db: TestDatabase;
    let t: TestApp;
    let shop: Shop;
    let ada: TestUser;
    let item: ProductJson;

    beforeAll(async () => {
      gateway = await startTestGateway();
    });
    afterAll(async () => {
      await gateway.running.close();
    });

    beforeEach(async () => {
      gateway.simulator.refundBehaviour = 'ok';
      db = await createCommerceDatabase(createDatabase);
      t = createTestApp(db.database, { config: gateway.config });
      shop = createShop(t);
      ada = await t.signUp('ada@example.com');
      item = await shop.product(4500, 100);
    });
    afterEach(async () => {
      await db.cleanup();
    });

    function nowSeconds(): number {
      return Math.floor(t.clock.now().getTime() / 1000);
    }

    function event(type: string, reference: string, amount?: number): Record<string, unknown> {
      eventCounter += 1;
      return { id: `evt_test_${String(eventCounter)}`, type, data: amount === undefined ? { reference } : { reference, amount } };
    }

    async function deliver(
      channel: string,
      body: string,
      options: { secret?: string; timestamp?: number; signature?: string | null; contentType?: string } = {},
    ): Promise<Response> {
      const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
      const signature =
        options.signature === undefined
          ? signWebhook(options.secret ?? WEBHOOK_SECRET, body, options.timestamp ?? nowSeconds())
          : options.signature;
      if (signature !== null) {
        headers['x-gateway-signature'] = signature;
      }
      return t.app.request(`/v1/webhooks/${channel}`, { method: 'POST', headers, body });
    }

    async function processingPayment(channel = 'card'): Promise<PaymentJson> {
      const order = await shop.placeOrder(ada, [{ productId: item.id, quantity: 1 }]);
      const res = await shop.pay(ada, order.id, { channel, paymentMethod: 'pm_timeout_then_ok' });
      expect(res.status).toBe(202);
      return (await res.json()) as PaymentJson;
    }

    async function status(paymentId: string): Promise<string> {
      return ((await (await shop.getPayment(ada, paymentId)).json()) as PaymentJson).status;
    }

    async function ledgerRows(movementId: string): Promise<number> {
      const rows = await t.database.db.selectFrom('ledger_entries').select('id').where('movement_id', '=', movementId).execute();
      return rows.length;
    }

    it('settles a processing payment from a valid event without a bearer token', async () => {
      const payment = await processingPayment();
      const res = await deliver('card', JSON.stringify(event('payment.succeeded', payment.id, payment.amount)));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true });
      expect(await status(payment.id)).toBe('succeeded');
      const order = (await (await shop.getOrder(ada, payment.orderId)).json()) as OrderJson;
      expect(order.status).toBe('paid');
      expect(await ledgerRows(payment.id)).toBe(2);
      expect(await t.verifyLedger()).toMatchObject({ ok: true });
    });

    it('fails a processing payment from payment.failed and leaves the order payable', async () => {
      const payment = await processingPayment();
      expect((await deliver('card', JSON.stringify(event('payment.failed', payment.id)))).status).toBe(200);
      expect(await status(payment.id)).toBe('failed');
      expect((await shop.pay(ada, payment.orderId, { channel: 'card' })).status).toBe(201);
    });

    it('processes an event delivered three times once', async () => {
      const payment = await processingPayment();
      const body = JSON.stringify(event('payment.succeeded', payment.id));
      for (let delivery = 0; delivery < 3; delivery += 1) {
        const res = await deliver('card', body);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ received: true });
      }
      expect(await ledgerRows(payment.id)).toBe(2);
      const events = await t.database.db.selectFrom('webhook_events').selectAll().execute();
      expect(events).toHaveLength(1);
      expect(events[0]?.outcome).toBe('applied');
    });

    it('processes an event delivered three times concurrently once', async () => {
      const payment = await processingPayment();
      const body = JSON.stringify(event('payment.succeeded', payment.id));
      const results = await Promise.all([deliver('card', body), deliver('card', body), deliver('card', body)]);
      expect(results.map((res) => res.status)).toEqual([200, 200, 200]);
      expect(await ledgerRows(payment.id)).toBe(2);
      expect(await t.verifyLedger()).toMatchObject({ ok: true });
    });

    it('ignores an event that arrives out of order after the payment was settled', async () => {
      const payment = await processingPayment();
      await deliver('card', JSON.stringify(event('payment.succeeded', payment.id)));
      const late = await deliver('card', JSON.stringify(event('payment.failed', payment.id)));
      expect(late.status).toBe(200);
      expect(await status(payment.id)).toBe('succeeded');
      const again = await deliver('card', JSON.stringify(event('payment.succeeded', payment.id)));
      expect(again.status).toBe(200);
      expect(await ledgerRows(payment.id)).toBe(2);
    });

    it.each([
      ['an unknown reference', (payment: PaymentJson) => event('payment.succeeded', 'pay_unknown', payment.amount), 'card'],
      ['another channel', (payment: PaymentJson) => event('payment.succeeded', payment.id), 'wechat'],
      ['another amount', (payment: PaymentJson) => event('payment.succeeded', payment.id, payment.amount + 1), 'card'],
    ])('acknowledges an event with %s and changes nothing', async (_name, build, channel) => {
      const payment = await processingPayment();
      const res = await deliver(channel, JSON.stringify(build(payment)));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true });
      expect(await status(payment.id)).toBe('processing');
    });

    describe('signature', () => {
      it('rejects a signature made with another secret and changes nothing', async () => {
        const payment = await processingPayment();
        const res = await deliver('card', JSON.stringify(event('payment.succeeded', payment.id)), { secret: 'not-the-secret-0123456789' });
        await expectProblem(res, 400, 'invalid_signature');
        expect(await status(payment.id)).toBe('processing');
      });

      it('rejects a timestamp older than 300 seconds and changes nothing', async () => {
        const payment = await processingPayment();
        const res = await deliver('card', JSON.stringify(event('payment.succeeded', payment.id)), { timestamp: nowSeconds() - 301 });
        await expectProblem(res, 400, 'invalid_signature');
        expect(await status(payment.id)).toBe('processing');
      });

      it('rejects a body re-serialised after signing and changes nothing', async () => {
        const payment = await processingPayment();
        const original = event('payment.succeeded', payment.id);
        const signature = signWebhook(WEBHOOK_SECRET, JSON.stringify(original), nowSeconds());
        const res = await deliver('card', JSON.stringify(original, null, 2), { signature });
        await expectProblem(res, 400, 'invalid_signature');
        expect(await status(payment.id)).toBe('processing');
      });

      it('rejects a missing or malformed signature header', async () => {
        const body = JSON.stringify(event('payment.succeeded', 'pay_x'));
        await expectProblem(await deliver('card', body, { signature: null }), 400, 'invalid_signature');
        await expectProblem(await deliver('card', body, { signature: 'v1=abc' }), 400, 'invalid_signature');
      });

      it('never leaves a trace of a refused event', async () => {
        const body = JSON.stringify(event('payment.succeeded', 'pay_x'));
        await deliver('card', body, { secret: 'not-the-secret-0123456789' });
        expect(await t.database.db.selectFrom('webhook_events').select('id').execute()).toEqual([]);
      });
    });

    describe('errors', () => {
      it('answers 404 for an unknown channel', async () => {
        await expectProblem(await deliver('paypal', JSON.stringify(event('payment.succeeded', 'pay_x'))), 404, 'not_found');
      });

      it('rejects a signed body that is not JSON', async () => {
        await expectProblem(await deliver('card', '{"id":'), 400, 'malformed_json');
      });

      it('rejects a signed event of an unknown type with validation_failed', async () => {
        const res = await deliver('card', JSON.stringify({ id: 'evt_1', type: 'payment.exploded', data: { reference: 'x' } }));
        const problem = await expectProblem(res, 400, 'validation_failed');
        expect((problem.errors as { pointer: string }[]).map((error) => error.pointer)).toContain('/type');
      });

      it('rejects a body that is not sent as JSON', async () => {
        await expectProblem(await deliver('card', 'hello', { contentType: 'text/plain' }), 415, 'unsupported_media_type');
      });
    });

    describe('refund events', () => {
      async function pendingRefund(): Promise<{ payment: PaymentJson; refund: RefundJson }> {
        const order = await shop.placeOrder(ada, [{ productId: item.id, quantity: 1 }]);
        const payment = (await (await shop.pay(ada, order.id, { channel: 'alipay' })).json()) as PaymentJson;
        gateway.simulator.refundBehaviour = 'slow';
        const res = await shop.refund(ada, payment.id, { amount: 500, reason: 'webhook' });
        gateway.simulator.refundBehaviour = 'ok';
        expect(res.status).toBe(202);
        return { payment, refund: (await res.json()) as RefundJson };
      }

      it('settles a pending refund from refund.succeeded once', async () => {
        const { payment, refund } = await pendingRefund();
        const body = JSON.stringify(event('refund.succeeded', refund.id, 500));
        expect((await deliver('alipay', body)).status).toBe(200);
        expect((await deliver('alipay', body)).status).toBe(200);
        const after = (await (await shop.getPayment(ada, payment.id)).json()) as PaymentJson;
        expect(after).toMatchObject({ status: 'partially_refunded', refundedAmount: 500 });
        expect(await ledgerRows(refund.id)).toBe(2);
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('releases a pending refund from refund.failed', async () => {
        const { payment, refund } = await pendingRefund();
        expect((await deliver('alipay', JSON.stringify(event('refund.failed', refund.id)))).status).toBe(200);
        const after = (await (await shop.getPayment(ada, payment.id)).json()) as PaymentJson;
        expect(after).toMatchObject({ status: 'succeeded', refundedAmount: 0 });
        // The 500 is available again (the simulator itself did refund it, so ask for the rest).
        const more = await shop.refund(ada, payment.id, { amount: payment.amount - 500, reason: 'rest' });
        expect(await more.json()).toMatchObject({ amount: payment.amount - 500, status: 'succeeded' });
      });
    });
  });
}
