import { sign, verify } from 'hono/jwt';
import type { Clock } from '../domain/clock.js';
import { AuthenticationError } from '../errors/app-error.js';

/** The issuer claim of every token. */
export const TOKEN_ISSUER = 'faultline';

type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

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
 * const { accessToken } = await tokens.issue(user.id);
 * const userId = await tokens.verify(accessToken);
 */
export interface TokenService {
  /** @param userId - the subject */
  issue(userId: string): Promise<IssuedToken>;
  /**
   * @param token - a bearer token
   * @returns the user id (`sub`)
   * @throws {AuthenticationError} `token_expired` for a valid but expired token, otherwise `unauthorized`
   */
  verify(token: string): Promise<string>;
}

/**
 * Token service on `hono/jwt` with an explicit algorithm. Time claims are checked against the
 * injected clock (the library's own checks use the wall clock, so they are turned off and done
 * here, after the signature).
 *
 * @param options - secret, lifetime in seconds, clock
 * @example
 * const tokens = createTokenService({ secret: config.jwtSecret, ttlSeconds: 3600, clock });
 */
export function createTokenService(options: { readonly secret: string; readonly ttlSeconds: number; readonly clock: Clock }): TokenService {
  const { secret, ttlSeconds, clock } = options;
  // Imported once: with a string secret hono/jwt would import the key on every call.
  let key: Promise<HmacKey> | undefined;
  const getKey = (): Promise<HmacKey> =>
    (key ??= crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
  const nowSeconds = (): number => Math.floor(clock.now().getTime() / 1000);

  return {
    async issue(userId) {
      const iat = nowSeconds();
      const accessToken = await sign({ sub: userId, iat, exp: iat + ttlSeconds, iss: TOKEN_ISSUER }, await getKey(), 'HS256');
      return { accessToken, tokenType: 'Bearer', expiresIn: ttlSeconds };
    },

    async verify(token) {
      let payload: Awaited<ReturnType<typeof verify>>;
      try {
        payload = await verify(token, await getKey(), { alg: 'HS256', iss: TOKEN_ISSUER, exp: false, nbf: false, iat: false });
      } catch (error) {
        throw new AuthenticationError('unauthorized', 'A valid bearer token is required.', { cause: error });
      }
      const { sub, exp } = payload;
      if (typeof sub !== 'string' || sub === '' || typeof exp !== 'number') {
        throw new AuthenticationError('unauthorized', 'A valid bearer token is required.');
      }
      if (exp <= nowSeconds()) {
        throw new AuthenticationError('token_expired', 'Your session has expired; log in again.');
      }
      return sub;
    },
  };
}
