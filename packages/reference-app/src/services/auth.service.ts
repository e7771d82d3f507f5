import type { User } from '../domain/user.js';
import { normalizeEmail } from '../domain/user.js';
import { AuthenticationError } from '../errors/app-error.js';
import { insertWallet } from '../repositories/account.repository.js';
import { findCredentialsByEmail, insertUser } from '../repositories/user.repository.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hasher.js';
import type { ServiceDeps } from './service-deps.js';
import type { IssuedToken, TokenService } from './token.service.js';

/** Registration input, already validated. */
export interface RegisterInput {
  readonly email: string;
  readonly password: string;
  readonly name?: string | undefined;
}

/**
 * Registration and login.
 *
 * @example
 * const user = await auth.register({ email: 'ada@example.com', password: 'correct horse' });
 * const { accessToken } = await auth.login({ email: 'ada@example.com', password: 'correct horse' });
 */
export interface AuthService {
  /**
   * Creates a user and its wallet in the default currency, in one transaction.
   *
   * @throws {ConflictError} `email_taken`
   */
  register(input: RegisterInput): Promise<User>;
  /**
   * Checks credentials and issues a token. Unknown email and wrong password give the same error
   * after the same work.
   *
   * @throws {AuthenticationError} `invalid_credentials`
   * @throws {RateLimitedError} after too many failures for the email
   */
  login(input: { readonly email: string; readonly password: string }): Promise<IssuedToken>;
}

/**
 * @param deps - service dependencies, the hasher, the token service and the login throttle
 * @example
 * const auth = createAuthService({ ...deps, hasher, tokens, throttle });
 */
export function createAuthService(
  deps: ServiceDeps & { readonly hasher: PasswordHasher; readonly tokens: TokenService; readonly throttle: LoginThrottle },
): AuthService {
  const { database, clock, ids, config, hasher, tokens, throttle } = deps;

  return {
    async register(input) {
      const passwordHash = await hasher.hash(input.password);
      const user: User = { id: ids.next('usr'), email: normalizeEmail(input.email), name: input.name ?? null, createdAt: clock.now() };
      await database.db.transaction().execute(async (trx) => {
        await insertUser(trx, user, passwordHash);
        await insertWallet(trx, { id: ids.next('acc'), userId: user.id, currency: config.defaultCurrency }, user.createdAt);
      });
      return user;
    },

    async login(input) {
      const email = normalizeEmail(input.email);
      throttle.assertAllowed(email);
      const credentials = await findCredentialsByEmail(database.db, email);
      const valid =
        credentials === undefined
          ? await hasher.verifyAgainstDummy(input.password)
          : await hasher.verify(input.password, credentials.passwordHash);
      if (credentials === undefined || !valid) {
        throttle.recordFailure(email);
        throw new AuthenticationError('invalid_credentials', 'The email or password is wrong.');
      }
      throttle.reset(email);
      return tokens.issue(credentials.user.id);
    },
  };
}
