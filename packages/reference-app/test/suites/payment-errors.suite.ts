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

/**
 * Payments, continued: refusals (state, ownership, validation, idempotency), OpenAPI coverage and
 * metrics of the payment routes.
 *
 * @param createDatabase - a fresh database per test
 */
export function describePaymentErrorsSuite(createDatabase: CreateTestDatabase): void {
  describe('payment errors and operations', () => {
    let gateway: TestGateway;
    let db: TestDatabase;
    let t: TestApp;
    let shop: Shop;
    let ada: TestUser;
    let bob: TestUser;
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
      bob = await t.signUp('bob@example.com');
      mug = await shop.product(4500, 100);
    });
    afterEach(async () => {
      await gateway.simulator.flushWebhooks();
      await db.cleanup();
    });

    async function newOrder(user: TestUser = ada): Promise<OrderJson> {
      return shop.placeOrder(user, [{ productId: mug.id, quantity: 1 }]);
    }

    describe('operations', () => {
      it('documents every catalog, order, payment, refund and webhook route in OpenAPI', async () => {
        const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
        const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
        expect(operations).toEqual(
          expect.arrayContaining([
            'GET /v1/products',
            'POST /v1/admin/products',
            'POST /v1/orders',
            'GET /v1/orders/{id}',
            'POST /v1/orders/{id}/cancel',
            'POST /v1/orders/{id}/payments',
            'GET /v1/payments/{id}',
            'POST /v1/payments/{id}/refunds',
            'POST /v1/webhooks/{channel}',
          ]),
        );
      });

      it('counts payment requests by route pattern and declines by code in the metrics', async () => {
        const order = await newOrder();
        await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_declined' });
        await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_ok' });
        const text = await (await t.app.request('/metrics')).text();
        expect(text).toContain('http_requests_total{method="POST",route="/v1/orders/:id/payments",status_class="4xx"} 1');
        expect(text).toContain('http_requests_total{method="POST",route="/v1/orders/:id/payments",status_class="2xx"} 1');
        expect(text).toContain('app_errors_total{code="payment_declined"} 1');
        expect(text).toContain('gateway_calls_total{channel="card",outcome="success"} 1');
        expect(text).toMatch(/circuit_breaker_state\{channel="wechat"\} 0/);
      });
    });

    describe('errors', () => {
      it('refuses to pay an order that is already paid', async () => {
        const order = await newOrder();
        expect((await shop.pay(ada, order.id, { channel: 'card' })).status).toBe(201);
        await expectProblem(await shop.pay(ada, order.id, { channel: 'card' }), 409, 'invalid_state_transition');
      });

      it('refuses to pay a cancelled order', async () => {
        const order = await newOrder();
        await shop.cancel(ada, order.id);
        await expectProblem(await shop.pay(ada, order.id, { channel: 'card' }), 409, 'invalid_state_transition');
      });

      it("hides another user's order and payment as not found", async () => {
        const order = await newOrder();
        await expectProblem(await shop.pay(bob, order.id, { channel: 'card' }), 404, 'not_found');
        const payment = (await (await shop.pay(ada, order.id, { channel: 'card' })).json()) as PaymentJson;
        expect((await shop.getPayment(ada, payment.id)).status).toBe(200);
        await expectProblem(await shop.getPayment(bob, payment.id), 404, 'not_found');
        await expectProblem(await shop.getPayment(ada, 'pay_missing'), 404, 'not_found');
      });

      it.each([
        ['an unknown channel', { channel: 'paypal' }, '/channel'],
        ['no channel', {}, '/channel'],
        ['an empty payment method', { channel: 'card', paymentMethod: '' }, '/paymentMethod'],
      ])('rejects %s with validation_failed', async (_name, body, pointer) => {
        const order = await newOrder();
        const problem = await expectProblem(await shop.pay(ada, order.id, body), 400, 'validation_failed');
        expect((problem.errors as { pointer: string }[]).map((error) => error.pointer)).toContain(pointer);
      });

      it('requires an idempotency key', async () => {
        const order = await newOrder();
        await expectProblem(await t.json('POST', `/v1/orders/${order.id}/payments`, { channel: 'card' }, ada.headers), 400, 'idempotency_key_missing');
      });

      it('refuses a key reused with another body and charges nothing more', async () => {
        const order = await newOrder();
        const key = newKey('pay');
        expect((await shop.pay(ada, order.id, { channel: 'card' }, key)).status).toBe(201);
        const charges = gateway.simulator.charges().length;
        await expectProblem(await shop.pay(ada, order.id, { channel: 'wechat' }, key), 422, 'idempotency_key_reused');
        expect(gateway.simulator.charges().length).toBe(charges);
      });

      it('answers idempotency_key_in_use while the first payment with the key is still at the gateway', async () => {
        const order = await newOrder();
        const key = newKey('pay');
        const first = shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' }, key);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await expectProblem(await shop.pay(ada, order.id, { channel: 'card', paymentMethod: 'pm_timeout_then_ok' }, key), 409, 'idempotency_key_in_use');
        expect((await first).status).toBe(202);
      });
    });
  });
}
