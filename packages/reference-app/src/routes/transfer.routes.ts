import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Transfer, TransferCursor } from '../domain/transfer.js';
import type { AppEnv } from '../middleware/app-env.js';
import type { AuthenticatedEnv } from '../middleware/auth.js';
import type { IdempotentEnv } from '../middleware/idempotency.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { TransferService } from '../services/transfer.service.js';
import { AmountSchema, IdempotencyHeadersSchema, bearerSecurity, jsonBody, problemResponses } from './common.schemas.js';

const TransferSchema = z
  .object({
    id: z.string(),
    from: z.string().openapi({ description: 'Sender user id.' }),
    to: z.string().openapi({ description: 'Recipient user id.' }),
    amount: z.number().int(),
    fee: z.number().int(),
    currency: z.string(),
    status: z.literal('completed'),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Transfer');

const CreateTransferBodySchema = z.object({
  to: z.string().trim().min(1).max(254).openapi({ description: 'Recipient email or user id.', example: 'bob@example.com' }),
  amount: AmountSchema,
  note: z.string().max(200).optional().openapi({ example: 'Dinner' }),
});

/**
 * Encodes a list position as an opaque cursor.
 *
 * @param cursor - the last item of a page
 * @example
 * encodeCursor({ createdAt: transfer.createdAt, id: transfer.id });
 */
export function encodeCursor(cursor: TransferCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

function decodeCursor(value: string): TransferCursor | undefined {
  const [iso, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (iso === undefined || id === undefined || id === '' || rest.length > 0 || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(iso)) {
    return undefined;
  }
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id };
}

const ListTransfersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      const cursor = decodeCursor(value);
      if (cursor === undefined) {
        ctx.addIssue({ code: 'custom', message: 'Not a cursor returned by this endpoint.' });
        return z.NEVER;
      }
      return cursor;
    })
    .openapi({ type: 'string', description: '`nextCursor` of the previous page.' }),
});

/**
 * The JSON shape of a transfer.
 *
 * @param transfer - a transfer
 * @example
 * c.json(toTransferJson(transfer), 201);
 */
export function toTransferJson(transfer: Transfer): z.infer<typeof TransferSchema> {
  return {
    id: transfer.id,
    from: transfer.fromUserId,
    to: transfer.toUserId,
    amount: transfer.amount,
    fee: transfer.fee,
    currency: transfer.currency,
    status: transfer.status,
    note: transfer.note,
    createdAt: transfer.createdAt.toISOString(),
  };
}

/**
 * `POST /v1/transfers` and `GET /v1/transfers`.
 *
 * @param deps - the transfer service, the user guard and the idempotency middleware
 * @example
 * app.route('/v1', createTransferRoutes({ transfers, requireUser, idempotent }));
 */
export function createTransferRoutes(deps: {
  readonly transfers: TransferService;
  readonly requireUser: MiddlewareHandler<AuthenticatedEnv>;
  readonly idempotent: MiddlewareHandler<IdempotentEnv>;
}): OpenAPIHono<AppEnv> {
  const { transfers, requireUser, idempotent } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'post',
        path: '/transfers',
        tags: ['Wallet'],
        summary: 'Send money to another user (the sender also pays the fee)',
        security: bearerSecurity,
        middleware: [requireUser, idempotent] as const,
        request: { headers: IdempotencyHeadersSchema, body: jsonBody(CreateTransferBodySchema) },
        responses: {
          201: { description: 'Transferred', content: { 'application/json': { schema: TransferSchema } } },
          ...problemResponses(
            'validation_failed',
            'malformed_json',
            'unsupported_media_type',
            'payload_too_large',
            'idempotency_key_missing',
            'unauthorized',
            'token_expired',
            'not_found',
            'idempotency_key_in_use',
            'idempotency_key_reused',
            'insufficient_funds',
          ),
        },
      }),
      async (c) => {
        const transfer = await transfers.create(c.var.userId, c.req.valid('json'), c.var.idempotency.respondWith(201, toTransferJson));
        return c.json(toTransferJson(transfer), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/transfers',
        tags: ['Wallet'],
        summary: "The caller's sent and received transfers, newest first",
        security: bearerSecurity,
        middleware: [requireUser] as const,
        request: { query: ListTransfersQuerySchema },
        responses: {
          200: {
            description: 'One page',
            content: {
              'application/json': { schema: z.object({ data: z.array(TransferSchema), nextCursor: z.string().nullable() }) },
            },
          },
          ...problemResponses('validation_failed', 'unauthorized', 'token_expired'),
        },
      }),
      async (c) => {
        const { limit, cursor } = c.req.valid('query');
        const page = await transfers.list(c.var.userId, { limit, cursor });
        return c.json({ data: page.data.map(toTransferJson), nextCursor: page.next === undefined ? null : encodeCursor(page.next) }, 200);
      },
    );
}
