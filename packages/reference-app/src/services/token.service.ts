import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { AuthenticationError } from '../errors/app-error.js';

/** The issuer claim of every token. */
export const TOKEN_ISSUER = 'faultline';

/** A freshly issued access token. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Lifetime in seconds. */
  readonly expiresIn: number;
}

/**
 * Issues and checks HS256 access tokens (`sub`, `iat`, `exp`, `iss`).
 *
 * @example
 * const { accessToken } = tokens.issue(user.id);
 * const userId = tokens.verify(accessToken);
 */
export interface TokenService {
  /** @param userId - the subject */
  issue(userId: string): IssuedToken;
  /**
   * @param token - a bearer token
   * @returns the user id (`sub`)
   * @throws {AuthenticationError} `token_expired` for a valid but expired token, otherwise `unauthorized`
   */
  verify(token: string): string;
}

// The header of every token we issue, and the only algorithm we accept.
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeJson(part: string): unknown {
  if (!BASE64URL.test(part)) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) {
      return undefined;
    }
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Token service for HS256 JWTs on `node:crypto`. HMAC is computed synchronously with a key
 * imported once: WebCrypto (what `hono/jwt` uses) hands every verification to the thread pool
 * and cost ~40 µs of CPU per authenticated request (issue 7). Only `alg: HS256` is accepted,
 * the signature is compared in constant time over its canonical base64url form, and time
 * claims are checked against the injected clock after the signature.
 *
 * @param options - secret, lifetime in seconds, clock
 * @example
 * const tokens = createTokenService({ secret: config.jwtSecret, ttlSeconds: 3600, clock });
 */
export function createTokenService(options: { readonly secret: string; readonly ttlSeconds: number; readonly clock: Clock }): TokenService {
  const { ttlSeconds, clock } = options;
  const key = createSecretKey(Buffer.from(options.secret, 'utf8'));
  const signature = (signingInput: string): string => createHmac('sha256', key).update(signingInput).digest('base64url');
  const nowSeconds = (): number => Math.floor(clock.now().getTime() / 1000);
  const unauthorized = (): AuthenticationError => new AuthenticationError('unauthorized', 'A valid bearer token is required.');

  return {
    issue(userId) {
      const iat = nowSeconds();
      const signingInput = `${HEADER}.${Buffer.from(JSON.stringify({ sub: userId, iat, exp: iat + ttlSeconds, iss: TOKEN_ISSUER })).toString('base64url')}`;
      return { accessToken: `${signingInput}.${signature(signingInput)}`, tokenType: 'Bearer', expiresIn: ttlSeconds };
    },

    verify(token) {
      const parts = token.split('.');
      const [header = '', payload = '', actual = ''] = parts;
      if (parts.length !== 3) {
        throw unauthorized();
      }
      const expected = signature(`${header}.${payload}`);
      const signed = actual.length === expected.length && timingSafeEqual(Buffer.from(actual), Buffer.from(expected));
      const headerJson = decodeJson(header);
      const claims = decodeJson(payload);
      if (!signed || !isRecord(headerJson) || headerJson.alg !== 'HS256' || !isRecord(claims) || claims.iss !== TOKEN_ISSUER) {
        throw unauthorized();
      }
      const { sub, exp } = claims;
      if (typeof sub !== 'string' || sub === '' || typeof exp !== 'number') {
        throw unauthorized();
      }
      if (exp <= nowSeconds()) {
        throw new AuthenticationError('token_expired', 'Your session has expired; log in again.');
      }
      return sub;
    },
  };
}
