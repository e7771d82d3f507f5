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
  type RefundJson,
  type Shop,
  type TestGateway,
} from '../support/commerce.js';

/**
 * Refunds: partial and full, Σ of succeeded and pending refunds never above the amount paid (also
 * under concurrency), wallet refunds to the wallet, gateway refunds through the gateway.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeRefundsSuite(createDatabase: CreateTestDatabase): void {
  describe('refunds', () => {
    let gateway: TestGateway;
    let db: TestDatabase;
    let t: TestApp;
    let shop: Shop;
    let ada: TestUser;
    let bob: TestUser;
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
      // No freight: an order of one item costs exactly 100.
      t = createTestApp(db.database, { config: { ...gateway.config, orderFreight: 0 } });
      shop = createShop(t);
      ada = await t.signUp('ada@example.com');
      bob = await t.signUp('bob@example.com');
      item = await shop.product(100, 1000);
    });
    afterEach(async () => {
      await db.cleanup();
    });

    async function paid(channel: string): Promise<PaymentJson> {
      if (channel === 'wallet') {
        await t.topUp(ada, 100);
      }
      const order = await shop.placeOrder(ada, [{ productId: item.id, quantity: 1 }]);
      const res = await shop.pay(ada, order.id, { channel });
      expect(res.status).toBe(201);
      return (await res.json()) as PaymentJson;
    }

    async function payment(id: string): Promise<PaymentJson> {
      return (await (await shop.getPayment(ada, id)).json()) as PaymentJson;
    }

    async function orderStatus(orderId: string): Promise<string> {
      return ((await (await shop.getOrder(ada, orderId)).json()) as OrderJson).status;
    }

    describe('wallet payments', () => {
      it('refunds 60 then refuses 50 of a payment of 100', async () => {
        const paidPayment = await paid('wallet');
        const first = await shop.refund(ada, paidPayment.id, { amount: 60, reason: 'damaged' });
        expect(first.status).toBe(201);
        const refund = (await first.json()) as RefundJson;
        expect(refund).toMatchObject({ paymentId: paidPayment.id, amount: 60, status: 'succeeded', reason: 'damaged' });
        expect(refund.createdAt).toMatch(/Z$/);
        expect(await t.balance(ada)).toBe(60);
        expect(await payment(paidPayment.id)).toMatchObject({ status: 'partially_refunded', refundedAmount: 60 });
        expect(await orderStatus(paidPayment.orderId)).toBe('partially_refunded');

        await expectProblem(await shop.refund(ada, paidPayment.id, { amount: 50, reason: 'again' }), 409, 'refund_exceeds_captured');
        expect(await t.balance(ada)).toBe(60);
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('refunds the rest when no amount is given and then refuses any more', async () => {
        const paidPayment = await paid('wallet');
        await shop.refund(ada, paidPayment.id, { amount: 30, reason: 'part' });
        const rest = await shop.refund(ada, paidPayment.id, { reason: 'rest' });
        expect(rest.status).toBe(201);
        expect(await rest.json()).toMatchObject({ amount: 70, status: 'succeeded' });
        expect(await payment(paidPayment.id)).toMatchObject({ status: 'refunded', refundedAmount: 100 });
        expect(await orderStatus(paidPayment.orderId)).toBe('refunded');
        expect(await t.balance(ada)).toBe(100);
        await expectProblem(await shop.refund(ada, paidPayment.id, { reason: 'more' }), 409, 'refund_exceeds_captured');
        await expectProblem(await shop.refund(ada, paidPayment.id, { amount: 1, reason: 'more' }), 409, 'refund_exceeds_captured');
      });

      it('never refunds more than was paid when refunds race', async () => {
        const paidPayment = await paid('wallet');
        const results = await Promise.all(
          Array.from({ length: 10 }, () => shop.refund(ada, paidPayment.id, { amount: 30, reason: 'race' })),
        );
        const statuses = results.map((res) => res.status);
        expect(statuses.filter((status) => status === 201)).toHaveLength(3);
        expect(statuses.filter((status) => status === 409)).toHaveLength(7);
        expect(await payment(paidPayment.id)).toMatchObject({ refundedAmount: 90, status: 'partially_refunded' });
        expect(await t.balance(ada)).toBe(90);
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('replays a refund with its key without refunding twice', async () => {
        const paidPayment = await paid('wallet');
        const key = newKey('refund');
        const first = await shop.refund(ada, paidPayment.id, { amount: 10, reason: 'once' }, key);
        const second = await shop.refund(ada, paidPayment.id, { amount: 10, reason: 'once' }, key);
        expect(second.headers.get('idempotent-replayed')).toBe('true');
        expect(await second.text()).toBe(await first.text());
        expect(await t.balance(ada)).toBe(10);
      });
    });

    describe('gateway payments', () => {
      it('refunds through the gateway and books the ledger', async () => {
        const paidPayment = await paid('card');
        const res = await shop.refund(ada, paidPayment.id, { amount: 40, reason: 'late' });
        expect(res.status).toBe(201);
        const refund = (await res.json()) as RefundJson;
        expect(refund).toMatchObject({ amount: 40, status: 'succeeded' });
        expect(gateway.simulator.refunds().filter((entry) => entry.reference === refund.id)).toEqual([
          expect.objectContaining({ amount: 40, status: 'succeeded' }),
        ]);
        expect(await payment(paidPayment.id)).toMatchObject({ status: 'partially_refunded', refundedAmount: 40 });
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('changes nothing when the gateway declines the refund', async () => {
        const paidPayment = await paid('wechat');
        gateway.simulator.refundBehaviour = 'decline';
        const res = await shop.refund(ada, paidPayment.id, { amount: 40, reason: 'nope' });
        expect(res.status).toBe(201);
        expect(await res.json()).toMatchObject({ amount: 40, status: 'failed' });
        expect(await payment(paidPayment.id)).toMatchObject({ status: 'succeeded', refundedAmount: 0 });
        expect(await orderStatus(paidPayment.orderId)).toBe('paid');
        gateway.simulator.refundBehaviour = 'ok';
        const full = await shop.refund(ada, paidPayment.id, { reason: 'all' });
        expect(await full.json()).toMatchObject({ amount: 100, status: 'succeeded' });
      });

      it('answers 503 and changes nothing when the gateway is down', async () => {
        const paidPayment = await paid('alipay');
        gateway.simulator.refundBehaviour = 'unavailable';
        await expectProblem(await shop.refund(ada, paidPayment.id, { amount: 40, reason: 'down' }), 503, 'gateway_unavailable');
        expect(await payment(paidPayment.id)).toMatchObject({ status: 'succeeded', refundedAmount: 0 });
        const reserved = await t.database.db.selectFrom('payments').select('pending_refund_amount').where('id', '=', paidPayment.id).executeTakeFirstOrThrow();
        expect(reserved.pending_refund_amount).toBe(0);
      });

      it('answers 202 pending when the outcome is unknown, counts it against the payment, and reconciles it', async () => {
        const paidPayment = await paid('card');
        gateway.simulator.refundBehaviour = 'slow';
        const res = await shop.refund(ada, paidPayment.id, { amount: 70, reason: 'slow' });
        expect(res.status).toBe(202);
        const refund = (await res.json()) as RefundJson;
        expect(refund.status).toBe('pending');
        gateway.simulator.refundBehaviour = 'ok';
        // The pending 70 counts: 40 more would exceed the 100 paid.
        await expectProblem(await shop.refund(ada, paidPayment.id, { amount: 40, reason: 'more' }), 409, 'refund_exceeds_captured');

        t.clock.advance(60_000);
        expect(await t.services.reconciler.reconcileOnce()).toMatchObject({ refundsSettled: 1 });
        expect(await payment(paidPayment.id)).toMatchObject({ status: 'partially_refunded', refundedAmount: 70 });
        expect(gateway.simulator.refunds().filter((entry) => entry.reference === refund.id)).toHaveLength(1);
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });

      it('never reserves more than was paid when gateway refunds race', async () => {
        const paidPayment = await paid('card');
        const results = await Promise.all(
          Array.from({ length: 8 }, () => shop.refund(ada, paidPayment.id, { amount: 25, reason: 'race' })),
        );
        expect(results.filter((res) => res.status === 201)).toHaveLength(4);
        expect(await payment(paidPayment.id)).toMatchObject({ status: 'refunded', refundedAmount: 100 });
        const refunded = gateway.simulator.refunds().filter((entry) => entry.status === 'succeeded' && entry.chargeKey === `gk_${paidPayment.id}`);
        expect(refunded.reduce((sum, entry) => sum + entry.amount, 0)).toBe(100);
      });
    });

    describe('errors', () => {
      it('refuses to refund a failed payment', async () => {
        const order = await shop.placeOrder(ada, [{ productId: item.id, quantity: 1 }]);
        const declined = await expectProblem(await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_declined' }), 402, 'payment_declined');
        await expectProblem(await shop.refund(ada, String(declined.paymentId), { reason: 'x' }), 409, 'invalid_state_transition');
      });

      it('refuses to refund a processing payment', async () => {
        const order = await shop.placeOrder(ada, [{ productId: item.id, quantity: 1 }]);
        const processing = (await (await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' })).json()) as PaymentJson;
        await expectProblem(await shop.refund(ada, processing.id, { reason: 'x' }), 409, 'invalid_state_transition');
      });

      it("hides another user's payment as not found", async () => {
        const paidPayment = await paid('wallet');
        await expectProblem(await shop.refund(bob, paidPayment.id, { reason: 'x' }), 404, 'not_found');
        await expectProblem(await shop.refund(ada, 'pay_missing', { reason: 'x' }), 404, 'not_found');
      });

      it.each([
        ['no reason', { amount: 10 }, '/reason', 'This field is required.'],
        ['an empty reason', { amount: 10, reason: '' }, '/reason', 'Must be at least 1 character.'],
        ['a reason over 200 characters', { amount: 10, reason: 'x'.repeat(201) }, '/reason', 'Must be at most 200 characters.'],
        ['a zero amount', { amount: 0, reason: 'x' }, '/amount', 'Must be at least 1.'],
        ['a fractional amount', { amount: 1.5, reason: 'x' }, '/amount', 'Expected an integer.'],
      ])('rejects %s with validation_failed', async (_name, body, pointer, detail) => {
        const paidPayment = await paid('wallet');
        const problem = await expectProblem(await shop.refund(ada, paidPayment.id, body), 400, 'validation_failed');
        expect(problem.errors).toEqual([expect.objectContaining({ pointer, detail })]);
      });


      it('requires an idempotency key', async () => {
        const paidPayment = await paid('wallet');
        await expectProblem(await t.json('POST', `/v1/payments/${paidPayment.id}/refunds`, { reason: 'x' }, ada.headers), 400, 'idempotency_key_missing');
      });
    });
  });
}
