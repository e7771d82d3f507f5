import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../middleware/app-env.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { LedgerService } from '../services/ledger.service.js';
import { problemResponses } from './common.schemas.js';

const LedgerReportSchema = z
  .object({
    ok: z.boolean(),
    accounts: z.number().int(),
    entries: z.number().int(),
    imbalance: z.number().int().openapi({ description: 'Σ over currencies of |Σ of all entries|; must be 0.' }),
    negativeBalances: z.number().int(),
    cachedBalanceMismatches: z.number().int(),
  })
  .openapi('LedgerReport');

/**
 * `GET /v1/admin/ledger/verify` (admin token). Mounted only when `ADMIN_TOKEN` is set.
 *
 * @param deps - the ledger service and the admin guard
 * @example
 * if (config.adminToken) app.route('/v1', createLedgerRoutes({ ledger, requireAdmin: requireAdmin(config.adminToken) }));
 */
export function createLedgerRoutes(deps: { readonly ledger: LedgerService; readonly requireAdmin: MiddlewareHandler<AppEnv> }): OpenAPIHono<AppEnv> {
  const { ledger, requireAdmin } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'get',
      path: '/admin/ledger/verify',
      tags: ['Admin'],
      summary: 'Verify the double-entry ledger and the cached balances',
      security: [{ adminAuth: [] }],
      middleware: [requireAdmin] as const,
      responses: {
        200: { description: 'The check ran (see `ok`)', content: { 'application/json': { schema: LedgerReportSchema } } },
        ...problemResponses('unauthorized'),
      },
    }),
    async (c) => c.json(await ledger.verify(), 200),
  );
}
