import { z } from '@hono/zod-openapi';
import { MAX_AMOUNT, MIN_AMOUNT } from '../domain/money.js';
import { errorCatalog, type ErrorCode } from '../errors/error-catalog.js';

/** RFC 9457 problem, as every non-2xx response carries it. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/insufficient-funds' }),
    title: z.string().openapi({ example: 'Insufficient funds' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string(),
    instance: z.string().openapi({ example: 'urn:request:2b1f…' }),
    code: z.string().openapi({ example: 'insufficient_funds' }),
    requestId: z.string(),
    errors: z
      .array(z.object({ pointer: z.string().openapi({ example: '/amount' }), code: z.string(), detail: z.string() }))
      .optional(),
  })
  .openapi('Problem');

/** An amount in minor units: a safe integer in 1 … 10^12. */
export const AmountSchema = z
  .number()
  .int()
  .min(MIN_AMOUNT)
  .max(MAX_AMOUNT)
  .openapi({ description: 'Minor units (12345 = 123.45).', example: 1000 });

/** The `Idempotency-Key` request header. */
export const IdempotencyHeadersSchema = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^[\x21-\x7E]{1,255}$/)
    .openapi({
      description: '1–255 visible ASCII characters, unique per logical request and user.',
      example: 'c0a8f7e2-5d1b-4a3c-9f7e-1b2c3d4e5f60',
    }),
});

/** The security requirement of routes that need a user's bearer token. */
export const bearerSecurity = [{ bearerAuth: [] }];

/**
 * OpenAPI `responses` entries for problem codes.
 *
 * @param codes - the codes a route can answer
 * @example
 * responses: { 201: …, ...problemResponses('validation_failed', 'unauthorized') }
 */
export function problemResponses(...codes: ErrorCode[]): Record<number, { description: string; content: Record<string, { schema: typeof ProblemSchema }> }> {
  const byStatus = new Map<number, string[]>();
  for (const code of [...codes, 'internal_error' as const]) {
    const { status } = errorCatalog[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      { description: list.map((code) => `\`${code}\``).join(', '), content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );
}

/**
 * The JSON request body entry of a route.
 *
 * @param schema - the body schema
 * @example
 * request: { body: jsonBody(TopUpBodySchema) }
 */
export function jsonBody<T extends z.ZodType>(schema: T): { required: true; content: { 'application/json': { schema: T } } } {
  return { required: true, content: { 'application/json': { schema } } };
}
