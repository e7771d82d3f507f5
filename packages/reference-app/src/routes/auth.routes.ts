import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { User } from '../domain/user.js';
import type { AppEnv } from '../middleware/app-env.js';
import { validationHook } from '../middleware/validation-hook.js';
import type { AuthService } from '../services/auth.service.js';
import { jsonBody, problemResponses } from './common.schemas.js';

const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    createdAt: z.string().openapi({ example: '2025-01-01T00:00:00.000Z' }),
  })
  .openapi('User');

const RegisterBodySchema = z.object({
  email: z.email().max(254).openapi({ example: 'ada@example.com' }),
  password: z.string().min(8).max(128).openapi({ example: 'correct horse battery' }),
  name: z.string().trim().min(1).max(100).optional().openapi({ example: 'Ada' }),
});

const LoginBodySchema = z.object({
  email: z.string().min(1).max(254).openapi({ example: 'ada@example.com' }),
  password: z.string().min(1).max(1024).openapi({ example: 'correct horse battery' }),
});

const TokenSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the token expires.', example: 3600 }),
  })
  .openapi('AccessToken');

/**
 * The JSON shape of a user.
 *
 * @param user - a user
 * @example
 * c.json({ user: toUserJson(user) }, 201);
 */
export function toUserJson(user: User): z.infer<typeof UserSchema> {
  return { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt.toISOString() };
}

/**
 * `POST /v1/auth/register` and `POST /v1/auth/login`.
 *
 * @param deps - the auth service and the JSON body guard
 * @example
 * app.route('/v1', createAuthRoutes({ auth: services.auth, requireJson }));
 */
export function createAuthRoutes(deps: { readonly auth: AuthService; readonly requireJson: MiddlewareHandler<AppEnv> }): OpenAPIHono<AppEnv> {
  const { auth, requireJson } = deps;

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/register',
        tags: ['Auth'],
        summary: 'Register a user (and its wallet)',
        middleware: [requireJson] as const,
        request: { body: jsonBody(RegisterBodySchema) },
        responses: {
          201: { description: 'Registered', content: { 'application/json': { schema: z.object({ user: UserSchema }) } } },
          ...problemResponses('validation_failed', 'malformed_json', 'unsupported_media_type', 'payload_too_large', 'email_taken'),
        },
      }),
      async (c) => {
        const user = await auth.register(c.req.valid('json'));
        return c.json({ user: toUserJson(user) }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/login',
        tags: ['Auth'],
        summary: 'Log in and get a bearer token',
        middleware: [requireJson] as const,
        request: { body: jsonBody(LoginBodySchema) },
        responses: {
          200: { description: 'Logged in', content: { 'application/json': { schema: TokenSchema } } },
          ...problemResponses('validation_failed', 'malformed_json', 'unsupported_media_type', 'invalid_credentials', 'rate_limited'),
        },
      }),
      async (c) => {
        const token = await auth.login(c.req.valid('json'));
        return c.json(token, 200);
      },
    );
}
