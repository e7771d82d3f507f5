import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { MAX_AMOUNT } from '../domain/money.js';
import type { Product } from '../domain/product.js';
import type { AppEnv } from '../middleware/app-env.js';
import type { AuthenticatedEnv } from '../middleware/auth.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { CatalogService } from '../services/catalog.service.js';
import { AmountSchema, bearerSecurity, jsonBody, problemResponses } from './common.schemas.js';

const ProductSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    price: z.number().int().openapi({ description: 'Unit price in minor units.' }),
    currency: z.string(),
    stock: z.number().int(),
  })
  .openapi('Product');

const NewProductSchema = z
  .object({
    sku: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(200),
    price: AmountSchema,
    stock: z.number().int().min(0).max(MAX_AMOUNT),
  })
  .openapi('NewProduct');

function toProductJson(product: Product): z.infer<typeof ProductSchema> {
  return { id: product.id, sku: product.sku, name: product.name, price: product.price, currency: product.currency, stock: product.stock };
}

/**
 * `GET /v1/products` (user) and, when an admin guard is given, `POST /v1/admin/products`.
 *
 * @param deps - the catalog service, the user guard, the admin guard (`undefined` without `ADMIN_TOKEN`)
 * @example
 * app.route('/v1', createProductRoutes({ catalog, requireUser, requireAdmin, requireJson }));
 */
export function createProductRoutes(deps: {
  readonly catalog: CatalogService;
  readonly requireUser: MiddlewareHandler<AuthenticatedEnv>;
  readonly requireAdmin: MiddlewareHandler<AppEnv> | undefined;
  readonly requireJson: MiddlewareHandler<AppEnv>;
}): OpenAPIHono<AppEnv> {
  const { catalog, requireUser, requireAdmin, requireJson } = deps;
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'get',
      path: '/products',
      tags: ['Catalog'],
      summary: 'List the products with their stock',
      security: bearerSecurity,
      middleware: [requireUser] as const,
      responses: {
        200: {
          description: 'The catalog',
          content: { 'application/json': { schema: z.object({ data: z.array(ProductSchema) }) } },
        },
        ...problemResponses('unauthorized', 'token_expired'),
      },
    }),
    async (c) => c.json({ data: (await catalog.list()).map(toProductJson) }, 200),
  );
  if (requireAdmin === undefined) {
    return routes;
  }
  return routes.openapi(
    createRoute({
      method: 'post',
      path: '/admin/products',
      tags: ['Admin'],
      summary: 'Create a product',
      security: [{ adminAuth: [] }],
      middleware: [requireAdmin, requireJson] as const,
      request: { body: jsonBody(NewProductSchema) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: ProductSchema } } },
        ...problemResponses('validation_failed', 'malformed_json', 'unsupported_media_type', 'payload_too_large', 'unauthorized', 'sku_taken'),
      },
    }),
    async (c) => c.json(toProductJson(await catalog.create(c.req.valid('json'))), 201),
  );
}
