import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { MAX_ITEM_QUANTITY, MAX_ORDER_ITEMS, type Order } from '../domain/order.js';
import { publicOrderStatus } from '../domain/order.state-machine.js';
import type { AppEnv } from '../middleware/app-env.js';
import type { AuthenticatedEnv } from '../middleware/auth.js';
import type { IdempotentEnv } from '../middleware/idempotency.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { OrderService } from '../services/order.service.js';
import { IdempotencyHeadersSchema, bearerSecurity, jsonBody, problemResponses } from './common.schemas.js';

/** An order as the contract shows it. */
export const OrderSchema = z
  .object({
    id: z.string(),
    status: z.enum(['pending', 'paid', 'cancelled', 'refunded', 'partially_refunded']),
    items: z.array(z.object({ productId: z.string(), quantity: z.number().int(), unitPrice: z.number().int() })),
    subtotal: z.number().int(),
    freight: z.number().int(),
    total: z.number().int(),
    currency: z.string(),
    createdAt: z.string().openapi({ example: '2025-01-01T00:00:00.000Z' }),
  })
  .openapi('Order');

const NewOrderSchema = z
  .object({
    items: z
      .array(
        z.object({
          productId: z.string().min(1).max(255),
          quantity: z.number().int().min(1).max(MAX_ITEM_QUANTITY),
        }),
      )
      .min(1)
      .max(MAX_ORDER_ITEMS),
  })
  .openapi('NewOrder');

const OrderParamsSchema = z.object({ id: z.string().min(1).max(255).openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * Maps an order to its JSON (`paying` shows as `pending`).
 *
 * @param order - the order
 * @example
 * return c.json(toOrderJson(order), 200);
 */
export function toOrderJson(order: Order): z.infer<typeof OrderSchema> {
  return {
    id: order.id,
    status: publicOrderStatus(order.status),
    items: order.items.map((item) => ({ productId: item.productId, quantity: item.quantity, unitPrice: item.unitPrice })),
    subtotal: order.subtotal,
    freight: order.freight,
    total: order.total,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
  };
}

/**
 * `POST /v1/orders`, `GET /v1/orders/{id}`, `POST /v1/orders/{id}/cancel`.
 *
 * @param deps - the order service, the user guard and the idempotency middleware
 * @example
 * app.route('/v1', createOrderRoutes({ orders, requireUser, idempotent }));
 */
export function createOrderRoutes(deps: {
  readonly orders: OrderService;
  readonly requireUser: MiddlewareHandler<AuthenticatedEnv>;
  readonly idempotent: MiddlewareHandler<IdempotentEnv>;
}): OpenAPIHono<AppEnv> {
  const { orders, requireUser, idempotent } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'post',
        path: '/orders',
        tags: ['Orders'],
        summary: 'Place an order, reserving stock for every item or none',
        security: bearerSecurity,
        middleware: [requireUser, idempotent] as const,
        request: { headers: IdempotencyHeadersSchema, body: jsonBody(NewOrderSchema) },
        responses: {
          201: { description: 'Placed; stock is reserved', content: { 'application/json': { schema: OrderSchema } } },
          ...problemResponses(
            'validation_failed',
            'malformed_json',
            'unsupported_media_type',
            'payload_too_large',
            'idempotency_key_missing',
            'unauthorized',
            'token_expired',
            'not_found',
            'out_of_stock',
            'idempotency_key_in_use',
            'idempotency_key_reused',
          ),
        },
      }),
      async (c) => {
        const { items } = c.req.valid('json');
        const order = await orders.create(c.var.userId, items, c.var.idempotency.respondWith(201, toOrderJson));
        return c.json(toOrderJson(order), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/orders/{id}',
        tags: ['Orders'],
        summary: 'Read one of your orders',
        security: bearerSecurity,
        middleware: [requireUser] as const,
        request: { params: OrderParamsSchema },
        responses: {
          200: { description: 'The order', content: { 'application/json': { schema: OrderSchema } } },
          ...problemResponses('unauthorized', 'token_expired', 'not_found'),
        },
      }),
      async (c) => c.json(toOrderJson(await orders.get(c.var.userId, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/orders/{id}/cancel',
        tags: ['Orders'],
        summary: 'Cancel a pending order, releasing its stock once',
        security: bearerSecurity,
        middleware: [requireUser] as const,
        request: { params: OrderParamsSchema },
        responses: {
          200: { description: 'Cancelled (also when it already was)', content: { 'application/json': { schema: OrderSchema } } },
          ...problemResponses('unauthorized', 'token_expired', 'not_found', 'invalid_state_transition'),
        },
      }),
      async (c) => c.json(toOrderJson(await orders.cancel(c.var.userId, c.req.valid('param').id)), 200),
    );
}
