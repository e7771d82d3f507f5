import { z } from 'zod';

/**
 * The wire contract between the service and a payment gateway (the simulator speaks it too).
 * Both sides validate with these schemas, so a change here is a change of the protocol.
 */

/** The gateway-backed payment channels; `wallet` is settled in-house and never reaches a gateway. */
export const gatewayChannelSchema = z.enum(['card', 'wechat', 'alipay']);

/** A gateway-backed payment channel. */
export type GatewayChannel = z.infer<typeof gatewayChannelSchema>;

/** Every gateway-backed channel, in a stable order. */
export const gatewayChannels: readonly GatewayChannel[] = gatewayChannelSchema.options;

const amountSchema = z.number().int().min(1).max(1_000_000_000_000);
const currencySchema = z.string().regex(/^[A-Z]{3}$/);
const referenceSchema = z.string().min(1).max(255);

/** Body of `POST /v1/charges`; the `Idempotency-Key` header carries the gateway key. */
export const chargeRequestSchema = z.object({
  channel: gatewayChannelSchema,
  reference: referenceSchema,
  amount: amountSchema,
  currency: currencySchema,
  paymentMethod: z.string().min(1).max(100),
});

/** A charge request as sent on the wire. */
export type ChargeRequestBody = z.infer<typeof chargeRequestSchema>;

/** A charge as the gateway reports it (`POST /v1/charges` 201, `GET /v1/charges/{key}` 200). */
export const chargeSchema = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  reference: referenceSchema,
  channel: gatewayChannelSchema,
  amount: amountSchema,
  currency: currencySchema,
  status: z.enum(['succeeded', 'declined']),
  declineCode: z.string().nullable(),
  createdAt: z.string(),
});

/** A charge as reported by the gateway. */
export type GatewayCharge = z.infer<typeof chargeSchema>;

/** Body of `POST /v1/refunds`; the `Idempotency-Key` header carries the gateway key. */
export const refundRequestSchema = z.object({
  chargeKey: z.string().min(1).max(255),
  reference: referenceSchema,
  amount: amountSchema,
});

/** A refund request as sent on the wire. */
export type RefundRequestBody = z.infer<typeof refundRequestSchema>;

/** A refund as the gateway reports it (`POST /v1/refunds` 201, `GET /v1/refunds/{key}` 200). */
export const refundSchema = z.object({
  id: z.string().min(1),
  key: z.string().min(1),
  chargeKey: z.string().min(1),
  reference: referenceSchema,
  amount: amountSchema,
  status: z.enum(['succeeded', 'declined']),
  declineCode: z.string().nullable(),
  createdAt: z.string(),
});

/** A refund as reported by the gateway. */
export type GatewayRefund = z.infer<typeof refundSchema>;

/** Every gateway error body (declines, 404, 409, 422, 5xx). Its `message` is never shown to users. */
export const gatewayErrorSchema = z.object({
  error: z.object({ code: z.string().min(1).max(100), message: z.string() }),
});

/** Event types a gateway notifies (contract: Payments → webhooks). */
export const webhookEventTypeSchema = z.enum([
  'payment.succeeded',
  'payment.failed',
  'refund.succeeded',
  'refund.failed',
]);

/** Body of `POST /v1/webhooks/{channel}`. */
export const webhookEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: webhookEventTypeSchema,
  data: z.object({ reference: referenceSchema, amount: amountSchema.optional() }),
});

/** A gateway notification. */
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
