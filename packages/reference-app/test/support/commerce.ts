import { createIdGenerator } from '../../src/domain/ids.js';
import { seedCatalog } from '../../src/db/catalog.seed.js';
import type { AppConfig } from '../../src/config.js';
import { createGatewaySimulator, type GatewaySimulator } from '../../src/gateways/simulator/simulator.app.js';
import { startGatewaySimulator, type RunningSimulator } from '../../src/gateways/simulator/simulator.server.js';
import type { CreateTestDatabase, TestDatabase } from './test-database.js';
import { ADMIN_TOKEN, newKey, type TestApp, type TestUser } from './test-app.js';

/** The webhook secret of test apps and simulators. */
export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** A product as the API returns it. */
export interface ProductJson {
  id: string;
  sku: string;
  name: string;
  price: number;
  currency: string;
  stock: number;
}

/** An order as the API returns it. */
export interface OrderJson {
  id: string;
  status: string;
  items: { productId: string; quantity: number; unitPrice: number }[];
  subtotal: number;
  freight: number;
  total: number;
  currency: string;
  createdAt: string;
}

/** A payment as the API returns it. */
export interface PaymentJson {
  id: string;
  orderId: string;
  channel: string;
  amount: number;
  currency: string;
  status: string;
  refundedAmount: number;
  attempts: number;
  lastError: { code: string; detail: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** A refund as the API returns it. */
export interface RefundJson {
  id: string;
  paymentId: string;
  amount: number;
  status: string;
  reason: string;
  createdAt: string;
}

/**
 * A fresh database with the catalog seeded (sales account and demo products).
 *
 * @param createDatabase - the dialect's factory
 */
export async function createCommerceDatabase(createDatabase: CreateTestDatabase): Promise<TestDatabase> {
  const db = await createDatabase();
  await seedCatalog(db.database, 'CNY', createIdGenerator(), new Date('2025-01-01T00:00:00.000Z'));
  return db;
}

/** A simulator listening on an ephemeral port. */
export interface TestGateway {
  readonly simulator: GatewaySimulator;
  readonly running: RunningSimulator;
  /** Config overrides pointing an app at this simulator, with small timeouts and windows. */
  readonly config: Partial<AppConfig>;
}

/**
 * Starts a gateway simulator for a test file. The defaults leave room for a loaded CI machine:
 * an attempt times out after 400 ms, a `pm_timeout_then_ok` answer comes after 2.5 s (later than
 * all three attempts), and an open breaker waits 1.5 s.
 *
 * @param options - the `pm_timeout_then_ok` delay and the client's per-attempt timeout
 */
export async function startTestGateway(options: { slowResponseMs?: number; timeoutMs?: number; halfOpenMs?: number } = {}): Promise<TestGateway> {
  const simulator = createGatewaySimulator({
    webhookSecret: WEBHOOK_SECRET,
    slowResponseMs: options.slowResponseMs ?? 2500,
    errorMessageSuffix: ' (upstream said: api_key=sk_live_51Hsecret card=4242424242424242 at /srv/gateway/app.js:42)',
  });
  const running = await startGatewaySimulator(simulator);
  return {
    simulator,
    running,
    config: {
      gatewayUrl: running.url,
      gatewayWebhookSecret: WEBHOOK_SECRET,
      gatewayTimeoutMs: options.timeoutMs ?? 400,
      breakerHalfOpenMs: options.halfOpenMs ?? 1500,
      gatewayRetryDelayMs: { initial: 2, max: 10 },
      reconcileAfterMs: 5000,
    },
  };
}

/** Helpers for orders and payments over HTTP. */
export interface Shop {
  products(user: TestUser): Promise<ProductJson[]>;
  createProduct(body: Record<string, unknown>): Promise<Response>;
  /** Creates a product with a unique SKU and returns it. */
  product(price: number, stock: number): Promise<ProductJson>;
  order(user: TestUser, items: { productId: string; quantity: number }[], key?: string): Promise<Response>;
  /** Places an order that must succeed and returns it. */
  placeOrder(user: TestUser, items: { productId: string; quantity: number }[]): Promise<OrderJson>;
  getOrder(user: TestUser, orderId: string): Promise<Response>;
  cancel(user: TestUser, orderId: string): Promise<Response>;
  pay(user: TestUser, orderId: string, body: Record<string, unknown>, key?: string): Promise<Response>;
  getPayment(user: TestUser, paymentId: string): Promise<Response>;
  refund(user: TestUser, paymentId: string, body: Record<string, unknown>, key?: string): Promise<Response>;
  stock(productId: string): Promise<number>;
}

let skuCounter = 0;

/**
 * Order and payment helpers on a test app.
 *
 * @param t - the test app
 */
export function createShop(t: TestApp): Shop {
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const shop: Shop = {
    async products(user) {
      const res = await t.app.request('/v1/products', { headers: user.headers });
      return ((await res.json()) as { data: ProductJson[] }).data;
    },
    createProduct: (body) => t.json('POST', '/v1/admin/products', body, admin),
    async product(price, stock) {
      skuCounter += 1;
      const res = await shop.createProduct({ sku: `SKU-${String(process.pid)}-${String(skuCounter)}`, name: 'Test product', price, stock });
      if (res.status !== 201) {
        throw new Error(`create product: ${String(res.status)} ${await res.text()}`);
      }
      return (await res.json()) as ProductJson;
    },
    order: (user, items, key = newKey('order')) => t.json('POST', '/v1/orders', { items }, { ...user.headers, 'idempotency-key': key }),
    async placeOrder(user, items) {
      const res = await shop.order(user, items);
      if (res.status !== 201) {
        throw new Error(`order: ${String(res.status)} ${await res.text()}`);
      }
      return (await res.json()) as OrderJson;
    },
    getOrder: async (user, orderId) => t.app.request(`/v1/orders/${orderId}`, { headers: user.headers }),
    cancel: async (user, orderId) => t.app.request(`/v1/orders/${orderId}/cancel`, { method: 'POST', headers: user.headers }),
    pay: (user, orderId, body, key = newKey('pay')) =>
      t.json('POST', `/v1/orders/${orderId}/payments`, body, { ...user.headers, 'idempotency-key': key }),
    getPayment: async (user, paymentId) => t.app.request(`/v1/payments/${paymentId}`, { headers: user.headers }),
    refund: (user, paymentId, body, key = newKey('refund')) =>
      t.json('POST', `/v1/payments/${paymentId}/refunds`, body, { ...user.headers, 'idempotency-key': key }),
    async stock(productId) {
      const row = await t.database.db.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirstOrThrow();
      return row.stock;
    },
  };
  return shop;
}
