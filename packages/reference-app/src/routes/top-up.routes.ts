import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { TopUp } from '../domain/transfer.js';
import type { AppEnv } from '../middleware/app-env.js';
import type { AuthenticatedEnv } from '../middleware/auth.js';
import type { IdempotentEnv } from '../middleware/idempotency.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { WalletService } from '../services/wallet.service.js';
import { AmountSchema, IdempotencyHeadersSchema, bearerSecurity, jsonBody, problemResponses } from './common.schemas.js';

const TopUpSchema = z
  .object({
    id: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    balance: z.number().int().openapi({ description: 'Wallet balance right after the top-up.' }),
  })
  .openapi('TopUp');

function toTopUpJson(topUp: TopUp): z.infer<typeof TopUpSchema> {
  return { id: topUp.id, amount: topUp.amount, currency: topUp.currency, balance: topUp.balance };
}

/**
 * `POST /v1/top-ups`.
 *
 * @param deps - the wallet service, the user guard and the idempotency middleware
 * @example
 * app.route('/v1', createTopUpRoutes({ wallet, requireUser, idempotent }));
 */
export function createTopUpRoutes(deps: {
  readonly wallet: WalletService;
  readonly requireUser: MiddlewareHandler<AuthenticatedEnv>;
  readonly idempotent: MiddlewareHandler<IdempotentEnv>;
}): OpenAPIHono<AppEnv> {
  const { wallet, requireUser, idempotent } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'post',
      path: '/top-ups',
      tags: ['Wallet'],
      summary: 'Credit the wallet from the external funding account',
      security: bearerSecurity,
      middleware: [requireUser, idempotent] as const,
      request: { headers: IdempotencyHeadersSchema, body: jsonBody(z.object({ amount: AmountSchema })) },
      responses: {
        201: { description: 'Credited', content: { 'application/json': { schema: TopUpSchema } } },
        ...problemResponses(
          'validation_failed',
          'malformed_json',
          'unsupported_media_type',
          'payload_too_large',
          'idempotency_key_missing',
          'unauthorized',
          'token_expired',
          'idempotency_key_in_use',
          'idempotency_key_reused',
        ),
      },
    }),
    async (c) => {
      const { amount } = c.req.valid('json');
      const topUp = await wallet.topUp(c.var.userId, amount, c.var.idempotency.respondWith(201, toTopUpJson));
      return c.json(toTopUpJson(topUp), 201);
    },
  );
}
