import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../domain/clock.js';
import { NotFoundError, RequestError, ValidationError } from '../errors/app-error.js';
import { gatewayChannelSchema, webhookEventSchema } from '../gateways/gateway.schemas.js';
import { verifyWebhookSignature, webhookSignatureHeader } from '../gateways/webhook.signature.js';
import type { AppEnv } from '../middleware/app-env.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { WebhookService } from '../services/webhook.service.js';
import { problemResponses } from './common.schemas.js';

const ChannelParamsSchema = z.object({
  channel: z
    .string()
    .openapi({ param: { name: 'channel', in: 'path' }, description: '`card`, `wechat` or `alipay`; any other is 404.' }),
});

function parseJson(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof SyntaxError) {
      return { ok: false };
    }
    throw error;
  }
}

/**
 * `POST /v1/webhooks/{channel}`: gateway notifications, no bearer auth. The signature is checked
 * over the raw bytes before anything is parsed; an unknown channel is a 404.
 *
 * @param deps - the webhook service, the shared secret, the clock and the JSON content-type guard
 * @example
 * app.route('/v1', createWebhookRoutes({ webhooks, secret: config.gatewayWebhookSecret, clock, requireJson }));
 */
export function createWebhookRoutes(deps: {
  readonly webhooks: WebhookService;
  readonly secret: string;
  readonly clock: Clock;
  readonly requireJson: MiddlewareHandler<AppEnv>;
}): OpenAPIHono<AppEnv> {
  const { webhooks, secret, clock, requireJson } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'post',
      path: '/webhooks/{channel}',
      tags: ['Webhooks'],
      summary: 'Receive a signed gateway notification',
      middleware: [requireJson] as const,
      request: {
        params: ChannelParamsSchema,
        headers: z.object({
          [webhookSignatureHeader]: z.string().optional().openapi({
            description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with GATEWAY_WEBHOOK_SECRET.',
          }),
        }),
      },
      responses: {
        200: {
          description: 'Received (processed, duplicate, or no longer applicable)',
          content: { 'application/json': { schema: z.object({ received: z.literal(true) }) } },
        },
        ...problemResponses('invalid_signature', 'validation_failed', 'malformed_json', 'unsupported_media_type', 'payload_too_large', 'not_found'),
      },
    }),
    async (c) => {
      const known = gatewayChannelSchema.safeParse(c.req.valid('param').channel);
      if (!known.success) {
        throw new NotFoundError('No such webhook channel.');
      }
      const channel = known.data;
      const rawBody = new Uint8Array(await c.req.arrayBuffer());
      const verdict = verifyWebhookSignature({
        header: c.req.header(webhookSignatureHeader),
        rawBody,
        secret,
        nowSeconds: Math.floor(clock.now().getTime() / 1000),
      });
      if (!verdict.valid) {
        c.var.logger.warn({ channel, reason: verdict.reason }, 'webhook signature refused');
        throw new RequestError('invalid_signature', 'The webhook signature is missing, stale or does not match the body.');
      }
      const json = parseJson(new TextDecoder().decode(rawBody));
      if (!json.ok) {
        throw new RequestError('malformed_json', 'The request body is not valid JSON.');
      }
      const event = webhookEventSchema.safeParse(json.value);
      if (!event.success) {
        throw new ValidationError(
          event.error.issues.map((issue) => ({
            pointer: `/${issue.path.map(String).join('/')}`,
            code: 'invalid',
            detail: 'This field is missing or invalid.',
          })),
        );
      }
      await webhooks.handle(channel, event.data);
      return c.json({ received: true as const }, 200);
    },
  );
}
