import type { RetryPolicy } from 'cockatiel';
import { createTransactionRetryPolicy } from '../db/transaction-retry.js';
import { createAuthService, type AuthService } from './auth.service.js';
import { createIdempotencyService, type IdempotencyService } from './idempotency.service.js';
import { createLedgerService, type LedgerService } from './ledger.service.js';
import { createLoginThrottle } from './login-throttle.js';
import { createScryptHasher } from './password-hasher.js';
import type { ServiceDeps } from './service-deps.js';
import { createTokenService, type TokenService } from './token.service.js';
import { createTransferService, type TransferService } from './transfer.service.js';
import { createWalletService, type WalletService } from './wallet.service.js';

/**
 * Every use case of the service, wired to one set of dependencies.
 *
 * @example
 * const services = createServices({ database, clock, ids, config, logger });
 * await services.auth.register({ email, password });
 */
export interface Services {
  readonly auth: AuthService;
  readonly tokens: TokenService;
  readonly wallet: WalletService;
  readonly transfers: TransferService;
  readonly ledger: LedgerService;
  readonly idempotency: IdempotencyService;
}

/**
 * @param deps - database, clock, ids, config, logger; `retryTransaction` defaults to
 *   {@link createTransactionRetryPolicy}
 * @example
 * const services = createServices({ database, clock: systemClock, ids: createIdGenerator(), config, logger });
 */
export function createServices(deps: Omit<ServiceDeps, 'retryTransaction'> & { readonly retryTransaction?: RetryPolicy }): Services {
  const full: ServiceDeps = { ...deps, retryTransaction: deps.retryTransaction ?? createTransactionRetryPolicy() };
  const tokens = createTokenService({ secret: full.config.jwtSecret, ttlSeconds: full.config.tokenTtlSeconds, clock: full.clock });
  return {
    auth: createAuthService({
      ...full,
      hasher: createScryptHasher(full.config.passwordHashCost),
      tokens,
      throttle: createLoginThrottle({
        clock: full.clock,
        maxFailures: full.config.maxFailedLogins,
        windowSeconds: full.config.loginWindowSeconds,
      }),
    }),
    tokens,
    wallet: createWalletService(full),
    transfers: createTransferService(full),
    ledger: createLedgerService(full),
    idempotency: createIdempotencyService(full),
  };
}
