import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Payment, Refund } from '../domain/payment.js';
import type { AppEnv } from '../middleware/app-env.js';
import type { AuthenticatedEnv } from '../middleware/auth.js';
import type { IdempotentEnv } from '../middleware/idempotency.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { TransactionHooks } from '../services/service-deps.js';
import type { PaymentService } from '../services/payment.service.js';
import type { RefundService } from '../services/refund.service.js';
import { AmountSchema, IdempotencyHeadersSchema, bearerSecurity, jsonBody, problemResponses } from './common.schemas.js';

const PaymentSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    channel: z.enum(['wallet', 'card', 'wechat', 'alipay']),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum(['processing', 'succeeded', 'failed', 'refunded', 'partially_refunded']),
    refundedAmount: z.number().int().openapi({ description: 'Σ of succeeded refunds.' }),
    attempts: z.number().int().openapi({ description: 'Gateway attempts (1 for wallet).' }),
    lastError: z.object({ code: z.string(), detail: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Payment');

const RefundSchema = z
  .object({
    id: z.string(),
    paymentId: z.string(),
    amount: z.number().int(),
    status: z.enum(['succeeded', 'pending', 'failed']),
    reason: z.string(),
    createdAt: z.string(),
  })
  .openapi('Refund');

const PayBodySchema = z
  .object({
    channel: z.enum(['wallet', 'card', 'wechat', 'alipay']),
    paymentMethod: z.string().min(1).max(100).optional().openapi({
      description: 'Gateway test method: pm_ok (default), pm_declined, pm_insufficient_funds, pm_flaky, pm_timeout_then_ok, pm_down.',
    }),
  })
  .openapi('NewPayment');

const RefundBodySchema = z
  .object({ amount: AmountSchema.optional(), reason: z.string().min(1).max(200) })
  .openapi('NewRefund');

const IdParamsSchema = z.object({ id: z.string().min(1).max(255).openapi({ param: { name: 'id', in: 'path' } }) });

function toPaymentJson(payment: Payment): z.infer<typeof PaymentSchema> {
  return {
    id: payment.id,
    orderId: payment.orderId,
    channel: payment.channel,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    refundedAmount: payment.refundedAmount,
    attempts: payment.attempts,
    lastError: payment.status === 'processing' || payment.status === 'failed' ? payment.lastError : null,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}

function toRefundJson(refund: Refund): z.infer<typeof RefundSchema> {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amount: refund.amount,
    status: refund.status,
    reason: refund.reason,
    createdAt: refund.createdAt.toISOString(),
  };
}

/** Processing answers 202, everything settled 201. */
function paymentStatusCode(payment: Payment): 201 | 202 {
  return payment.status === 'processing' ? 202 : 201;
}

function refundStatusCode(refund: Refund): 201 | 202 {
  return refund.status === 'pending' ? 202 : 201;
}

/** Stores the answer whose status depends on the result, inside the service's transaction. */
function respondByStatus<T>(
  scope: IdempotentEnv['Variables']['idempotency'],
  statusOf: (result: T) => number,
  toBody: (result: T) => unknown,
): TransactionHooks<T> {
  return {
    beforeCommit: async (trx, result) => {
      await scope.respondWith(statusOf(result), toBody).beforeCommit?.(trx, result);
    },
  };
}

/**
 * `POST /v1/orders/{id}/payments`, `GET /v1/payments/{id}`, `POST /v1/payments/{id}/refunds`.
 *
 * @param deps - payment and refund services, the user guard and the idempotency middleware
 * @example
 * app.route('/v1', createPaymentRoutes({ payments, refunds, requireUser, idempotent }));
 */
export function createPaymentRoutes(deps: {
  readonly payments: PaymentService;
  readonly refunds: RefundService;
  readonly requireUser: MiddlewareHandler<AuthenticatedEnv>;
  readonly idempotent: MiddlewareHandler<IdempotentEnv>;
}): OpenAPIHono<AppEnv> {
  const { payments, refunds, requireUser, idempotent } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'post',
        path: '/orders/{id}/payments',
        tags: ['Payments'],
        summary: 'Pay an order from the wallet or through a gateway channel',
        security: bearerSecurity,
        middleware: [requireUser, idempotent] as const,
        request: { params: IdParamsSchema, headers: IdempotencyHeadersSchema, body: jsonBody(PayBodySchema) },
        responses: {
          201: { description: 'Succeeded', content: { 'application/json': { schema: PaymentSchema } } },
          202: { description: 'Processing: the outcome is being settled', content: { 'application/json': { schema: PaymentSchema } } },
          ...problemResponses(
            'validation_failed',
            'malformed_json',
            'unsupported_media_type',
            'payload_too_large',
            'idempotency_key_missing',
            'unauthorized',
            'token_expired',
            'payment_declined',
            'not_found',
            'invalid_state_transition',
            'idempotency_key_in_use',
            'idempotency_key_reused',
            'insufficient_funds',
            'gateway_unavailable',
          ),
        },
      }),
      async (c) => {
        const payment = await payments.pay(
          c.var.userId,
          c.req.valid('param').id,
          c.req.valid('json'),
          respondByStatus(c.var.idempotency, paymentStatusCode, toPaymentJson),
        );
        return c.json(toPaymentJson(payment), paymentStatusCode(payment));
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/payments/{id}',
        tags: ['Payments'],
        summary: 'Read one of your payments',
        security: bearerSecurity,
        middleware: [requireUser] as const,
        request: { params: IdParamsSchema },
        responses: {
          200: { description: 'The payment', content: { 'application/json': { schema: PaymentSchema } } },
          ...problemResponses('unauthorized', 'token_expired', 'not_found'),
        },
      }),
      async (c) => c.json(toPaymentJson(await payments.get(c.var.userId, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/payments/{id}/refunds',
        tags: ['Payments'],
        summary: 'Refund a payment in part or in full',
        security: bearerSecurity,
        middleware: [requireUser, idempotent] as const,
        request: { params: IdParamsSchema, headers: IdempotencyHeadersSchema, body: jsonBody(RefundBodySchema) },
        responses: {
          201: { description: 'Settled (succeeded or failed)', content: { 'application/json': { schema: RefundSchema } } },
          202: { description: 'Pending at the gateway', content: { 'application/json': { schema: RefundSchema } } },
          ...problemResponses(
            'validation_failed',
            'malformed_json',
            'unsupported_media_type',
            'payload_too_large',
            'idempotency_key_missing',
            'unauthorized',
            'token_expired',
            'not_found',
            'invalid_state_transition',
            'refund_exceeds_captured',
            'idempotency_key_in_use',
            'idempotency_key_reused',
            'gateway_unavailable',
          ),
        },
      }),
      async (c) => {
        const refund = await refunds.refund(
          c.var.userId,
          c.req.valid('param').id,
          c.req.valid('json'),
          respondByStatus(c.var.idempotency, refundStatusCode, toRefundJson),
        );
        return c.json(toRefundJson(refund), refundStatusCode(refund));
      },
    );
}
