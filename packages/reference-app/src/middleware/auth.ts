import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AuthenticationError } from '../errors/app-error.js';
import type { TokenService } from '../services/token.service.js';
import type { AppEnv } from './app-env.js';

/** The environment a route sees after {@link requireUser}. */
export interface AuthenticatedEnv {
  Variables: AppEnv['Variables'] & { userId: string };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Requires `Authorization: Bearer <access token>`; sets `userId`. Missing or invalid →
 * `unauthorized`, expired → `token_expired` (both 401 with `WWW-Authenticate: Bearer`).
 *
 * @param tokens - verifies tokens
 * @example
 * createRoute({ …, middleware: [requireUser(tokens)] });
 */
export function requireUser(tokens: TokenService): MiddlewareHandler<AuthenticatedEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) {
      throw new AuthenticationError('unauthorized', 'A valid bearer token is required.');
    }
    c.set('userId', tokens.verify(token));
    await next();
  };
}

/**
 * Requires `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time (over SHA-256
 * digests, so the length does not leak either). Any other token → `unauthorized`.
 *
 * @param adminToken - the configured admin token
 * @example
 * createRoute({ …, middleware: [requireAdmin(config.adminToken)] });
 */
export function requireAdmin(adminToken: string): MiddlewareHandler<AppEnv> {
  const expected = createHash('sha256').update(adminToken).digest();
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const actual = createHash('sha256')
      .update(token ?? '')
      .digest();
    if (token === undefined || !timingSafeEqual(actual, expected)) {
      throw new AuthenticationError('unauthorized', 'A valid admin token is required.');
    }
    await next();
  };
}
