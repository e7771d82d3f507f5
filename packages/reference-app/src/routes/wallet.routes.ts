import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../middleware/app-env.js';
import type { AuthenticatedEnv } from '../middleware/auth.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { WalletService } from '../services/wallet.service.js';
import { bearerSecurity, problemResponses } from './common.schemas.js';

const BalanceSchema = z
  .object({
    accountId: z.string(),
    currency: z.string().openapi({ example: 'CNY' }),
    available: z.number().int().openapi({ description: 'Minor units.', example: 10_000 }),
  })
  .openapi('Balance');

/**
 * `GET /v1/balance`.
 *
 * @param deps - the wallet service and the user guard
 * @example
 * app.route('/v1', createWalletRoutes({ wallet: services.wallet, requireUser: auth }));
 */
export function createWalletRoutes(deps: {
  readonly wallet: WalletService;
  readonly requireUser: MiddlewareHandler<AuthenticatedEnv>;
}): OpenAPIHono<AppEnv> {
  const { wallet, requireUser } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'get',
      path: '/balance',
      tags: ['Wallet'],
      summary: "The caller's available balance",
      security: bearerSecurity,
      middleware: [requireUser] as const,
      responses: {
        200: { description: 'Balance', content: { 'application/json': { schema: BalanceSchema } } },
        ...problemResponses('unauthorized', 'token_expired'),
      },
    }),
    async (c) => {
      const account = await wallet.getWallet(c.var.userId);
      return c.json({ accountId: account.id, currency: account.currency, available: account.balance }, 200);
    },
  );
}
