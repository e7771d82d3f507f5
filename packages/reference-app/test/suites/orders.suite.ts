import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, newKey, type TestApp, type TestUser } from '../support/test-app.js';
import { createCommerceDatabase, createShop, type OrderJson, type ProductJson, type Shop } from '../support/commerce.js';

/**
 * Catalog and orders: products, stock reservation for all items or none, cancellation that
 * releases stock exactly once.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeOrdersSuite(createDatabase: CreateTestDatabase): void {
  describe('catalog and orders', () => {
    let db: TestDatabase;
    let t: TestApp;
    let shop: Shop;
    let ada: TestUser;
    let bob: TestUser;

    beforeEach(async () => {
      db = await createCommerceDatabase(createDatabase);
      t = createTestApp(db.database);
      shop = createShop(t);
      ada = await t.signUp('ada@example.com');
      bob = await t.signUp('bob@example.com');
    });
    afterEach(async () => {
      await db.cleanup();
    });

    describe('GET /v1/products', () => {
      it('lists the seeded demo products with price, currency and stock', async () => {
        const res = await t.app.request('/v1/products', { headers: ada.headers });
        expect(res.status).toBe(200);
        const { data } = (await res.json()) as { data: ProductJson[] };
        expect(data.length).toBeGreaterThanOrEqual(4);
        for (const product of data) {
          expect(Object.keys(product).sort()).toEqual(['currency', 'id', 'name', 'price', 'sku', 'stock']);
          expect(product.currency).toBe('CNY');
          expect(Number.isSafeInteger(product.price)).toBe(true);
        }
      });

      it('requires a bearer token', async () => {
        await expectProblem(await t.app.request('/v1/products'), 401, 'unauthorized');
      });
    });

    describe('POST /v1/admin/products', () => {
      it('creates a product in the default currency', async () => {
        const res = await shop.createProduct({ sku: 'LAMP-1', name: 'Lamp', price: 9900, stock: 3 });
        expect(res.status).toBe(201);
        expect(await res.json()).toMatchObject({ sku: 'LAMP-1', name: 'Lamp', price: 9900, currency: 'CNY', stock: 3 });
        expect((await shop.products(ada)).some((product) => product.sku === 'LAMP-1')).toBe(true);
      });

      it('rejects a duplicate SKU with sku_taken', async () => {
        await shop.createProduct({ sku: 'LAMP-1', name: 'Lamp', price: 9900, stock: 3 });
        await expectProblem(await shop.createProduct({ sku: 'LAMP-1', name: 'Other', price: 1, stock: 0 }), 409, 'sku_taken');
      });

      it('rejects a user token', async () => {
        await expectProblem(await t.json('POST', '/v1/admin/products', { sku: 'X', name: 'X', price: 1, stock: 1 }, ada.headers), 401, 'unauthorized');
      });

      it('rejects a zero price and a negative stock with pointers', async () => {
        const body = await expectProblem(await shop.createProduct({ sku: 'X', name: 'X', price: 0, stock: -1 }), 400, 'validation_failed');
        const pointers = (body.errors as { pointer: string }[]).map((error) => error.pointer).sort();
        expect(pointers).toEqual(['/price', '/stock']);
      });

      it('does not exist without an admin token', async () => {
        const bare = createTestApp(db.database, { config: { adminToken: undefined } });
        const res = await bare.json('POST', '/v1/admin/products', { sku: 'X', name: 'X', price: 1, stock: 1 }, { authorization: 'Bearer anything' });
        await expectProblem(res, 404, 'not_found');
      });
    });

    describe('POST /v1/orders', () => {
      it('prices items at order time, adds freight and reserves stock', async () => {
        const mug = await shop.product(4500, 10);
        const tea = await shop.product(8800, 5);
        const res = await shop.order(ada, [
          { productId: mug.id, quantity: 2 },
          { productId: tea.id, quantity: 1 },
        ]);
        expect(res.status).toBe(201);
        const order = (await res.json()) as OrderJson;
        expect(order).toMatchObject({
          status: 'pending',
          items: [
            { productId: mug.id, quantity: 2, unitPrice: 4500 },
            { productId: tea.id, quantity: 1, unitPrice: 8800 },
          ],
          subtotal: 17_800,
          freight: 1000,
          total: 18_800,
          currency: 'CNY',
        });
        expect(order.createdAt).toMatch(/Z$/);
        expect(await shop.stock(mug.id)).toBe(8);
        expect(await shop.stock(tea.id)).toBe(4);
      });

      it('merges a repeated product into one item', async () => {
        const mug = await shop.product(100, 10);
        const order = await shop.placeOrder(ada, [
          { productId: mug.id, quantity: 2 },
          { productId: mug.id, quantity: 3 },
        ]);
        expect(order.items).toEqual([{ productId: mug.id, quantity: 5, unitPrice: 100 }]);
        expect(await shop.stock(mug.id)).toBe(5);
      });

      it('rejects a merged quantity above 1000', async () => {
        const mug = await shop.product(1, 5000);
        const res = await shop.order(ada, [
          { productId: mug.id, quantity: 600 },
          { productId: mug.id, quantity: 500 },
        ]);
        const body = await expectProblem(res, 400, 'validation_failed');
        expect(body.errors).toEqual([expect.objectContaining({ pointer: '/items/0/quantity' })]);
        expect(await shop.stock(mug.id)).toBe(5000);
      });

      it('rejects an empty item list and more than 50 items, counting items in words', async () => {
        const mug = await shop.product(1, 5000);
        const tooMany = Array.from({ length: 51 }, () => ({ productId: mug.id, quantity: 1 }));
        const cases: [typeof tooMany, string, string][] = [
          [[], 'too_small', 'Must be at least 1 item.'],
          [tooMany, 'too_big', 'Must be at most 50 items.'],
        ];
        for (const [items, code, detail] of cases) {
          const body = await expectProblem(await shop.order(ada, items), 400, 'validation_failed');
          expect(body.errors).toEqual([{ pointer: '/items', code, detail }]);
        }
      });

      it('reserves nothing when one item is short and points at it', async () => {
        const mug = await shop.product(100, 10);
        const tea = await shop.product(100, 1);
        const res = await shop.order(ada, [
          { productId: mug.id, quantity: 3 },
          { productId: tea.id, quantity: 2 },
        ]);
        const body = await expectProblem(res, 409, 'out_of_stock');
        expect(body.errors).toEqual([{ pointer: '/items/1/quantity', code: 'out_of_stock', detail: expect.any(String) as string }]);
        expect(await shop.stock(mug.id)).toBe(10);
        expect(await shop.stock(tea.id)).toBe(1);
        const orders = await t.database.db.selectFrom('orders').select('id').execute();
        expect(orders).toEqual([]);
      });

      it('answers 404 for an unknown product and reserves nothing', async () => {
        const mug = await shop.product(100, 10);
        const res = await shop.order(ada, [
          { productId: mug.id, quantity: 1 },
          { productId: 'prd_missing', quantity: 1 },
        ]);
        await expectProblem(res, 404, 'not_found');
        expect(await shop.stock(mug.id)).toBe(10);
      });

      it.each([
        ['no items', { items: [] }, '/items'],
        ['a zero quantity', { items: [{ productId: 'p', quantity: 0 }] }, '/items/0/quantity'],
        ['a fractional quantity', { items: [{ productId: 'p', quantity: 1.5 }] }, '/items/0/quantity'],
        ['a quantity above 1000', { items: [{ productId: 'p', quantity: 1001 }] }, '/items/0/quantity'],
        ['51 items', { items: Array.from({ length: 51 }, (_, index) => ({ productId: `p${String(index)}`, quantity: 1 })) }, '/items'],
        ['no items member', {}, '/items'],
      ])('rejects %s with validation_failed', async (_name, body, pointer) => {
        const res = await t.json('POST', '/v1/orders', body, { ...ada.headers, 'idempotency-key': newKey() });
        const problem = await expectProblem(res, 400, 'validation_failed');
        expect((problem.errors as { pointer: string }[]).map((error) => error.pointer)).toContain(pointer);
      });

      it('requires an idempotency key', async () => {
        const mug = await shop.product(100, 10);
        const res = await t.json('POST', '/v1/orders', { items: [{ productId: mug.id, quantity: 1 }] }, ada.headers);
        await expectProblem(res, 400, 'idempotency_key_missing');
        expect(await shop.stock(mug.id)).toBe(10);
      });

      it('replays the same order for the same key without reserving twice', async () => {
        const mug = await shop.product(100, 10);
        const key = newKey();
        const first = await shop.order(ada, [{ productId: mug.id, quantity: 2 }], key);
        const second = await shop.order(ada, [{ productId: mug.id, quantity: 2 }], key);
        expect(second.status).toBe(201);
        expect(second.headers.get('idempotent-replayed')).toBe('true');
        expect(await second.text()).toBe(await first.text());
        expect(await shop.stock(mug.id)).toBe(8);
      });

      it('sells exactly the stock when 20 orders of one race for 5 units', async () => {
        const lamp = await shop.product(100, 5);
        const results = await Promise.all(Array.from({ length: 20 }, () => shop.order(ada, [{ productId: lamp.id, quantity: 1 }])));
        const statuses = results.map((res) => res.status);
        expect(statuses.filter((status) => status === 201)).toHaveLength(5);
        expect(statuses.filter((status) => status === 409)).toHaveLength(15);
        expect(await shop.stock(lamp.id)).toBe(0);
        const items = await t.database.db.selectFrom('order_items').select('order_id').where('product_id', '=', lamp.id).execute();
        expect(items).toHaveLength(5);
        const orders = await t.database.db.selectFrom('orders').select('id').execute();
        expect(orders).toHaveLength(5);
      });
    });

    describe('GET /v1/orders/{id}', () => {
      it('returns the order to its owner', async () => {
        const mug = await shop.product(100, 10);
        const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 1 }]);
        const res = await shop.getOrder(ada, order.id);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual(order);
      });

      it("hides another user's order as not found", async () => {
        const mug = await shop.product(100, 10);
        const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 1 }]);
        await expectProblem(await shop.getOrder(bob, order.id), 404, 'not_found');
        await expectProblem(await shop.getOrder(ada, 'ord_missing'), 404, 'not_found');
      });
    });

    describe('POST /v1/orders/{id}/cancel', () => {
      it('cancels a pending order and releases its stock', async () => {
        const mug = await shop.product(100, 10);
        const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 4 }]);
        const res = await shop.cancel(ada, order.id);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ id: order.id, status: 'cancelled' });
        expect(await shop.stock(mug.id)).toBe(10);
      });

      it('answers a second cancel with the same body and releases nothing more', async () => {
        const mug = await shop.product(100, 10);
        const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 4 }]);
        const first = await (await shop.cancel(ada, order.id)).json();
        const again = await shop.cancel(ada, order.id);
        expect(again.status).toBe(200);
        expect(await again.json()).toEqual(first);
        expect(await shop.stock(mug.id)).toBe(10);
      });

      it('releases stock once when ten cancels race', async () => {
        const mug = await shop.product(100, 10);
        const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 4 }]);
        const results = await Promise.all(Array.from({ length: 10 }, () => shop.cancel(ada, order.id)));
        expect(results.map((res) => res.status)).toEqual(Array.from({ length: 10 }, () => 200));
        expect(await shop.stock(mug.id)).toBe(10);
      });

      it('refuses to cancel a paid order', async () => {
        const mug = await shop.product(100, 10);
        await t.topUp(ada, 10_000);
        const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 1 }]);
        expect((await shop.pay(ada, order.id, { channel: 'wallet' })).status).toBe(201);
        await expectProblem(await shop.cancel(ada, order.id), 409, 'invalid_state_transition');
        expect(await shop.stock(mug.id)).toBe(9);
      });

      it("hides another user's order as not found", async () => {
        const mug = await shop.product(100, 10);
        const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 1 }]);
        await expectProblem(await shop.cancel(bob, order.id), 404, 'not_found');
        expect(await shop.stock(mug.id)).toBe(9);
      });

      it('lets exactly one of a racing cancel and wallet payment win', async () => {
        const mug = await shop.product(100, 10);
        await t.topUp(ada, 10_000);
        for (let round = 0; round < 5; round += 1) {
          const order = await shop.placeOrder(ada, [{ productId: mug.id, quantity: 1 }]);
          const [cancel, pay] = await Promise.all([shop.cancel(ada, order.id), shop.pay(ada, order.id, { channel: 'wallet' })]);
          const cancelled = cancel.status === 200;
          const paid = pay.status === 201;
          expect(cancelled !== paid).toBe(true);
          const final = (await (await shop.getOrder(ada, order.id)).json()) as OrderJson;
          expect(final.status).toBe(cancelled ? 'cancelled' : 'paid');
        }
        const paidOrders = await t.database.db.selectFrom('orders').select('id').where('status', '=', 'paid').execute();
        expect(await shop.stock(mug.id)).toBe(10 - paidOrders.length);
        expect(await t.verifyLedger()).toMatchObject({ ok: true });
      });
    });
  });
}
