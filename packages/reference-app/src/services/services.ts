import type { RetryPolicy } from 'cockatiel';
import { createTransactionRetryPolicy } from '../db/transaction-retry.js';
import { createGatewayObserverHub, createPaymentGateways, type GatewayObserverHub, type PaymentGateways } from '../gateways/gateway.registry.js';
import type { GatewayObserver } from '../gateways/payment.gateway.js';
import { createCatalogService, type CatalogService } from './catalog.service.js';
import { createOrderService, type OrderService } from './order.service.js';
import { createPaymentService, type PaymentService, type PaymentTiming } from './payment.service.js';
import { createReconcilerService, type ReconcilerService } from './reconciler.service.js';
import { createRefundService, type RefundService } from './refund.service.js';
import { createWebhookService, type WebhookService } from './webhook.service.js';
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
  readonly catalog: CatalogService;
  readonly orders: OrderService;
  readonly payments: PaymentService;
  readonly refunds: RefundService;
  readonly webhooks: WebhookService;
  readonly reconciler: ReconcilerService;
  /** One gateway per channel (breaker state for metrics and health). */
  readonly gateways: PaymentGateways;
  /** Where metrics and alerts subscribe to gateway call outcomes and breaker changes. */
  readonly gatewayEvents: GatewayObserverHub;
}

/** Used when no gateway is configured (tests of other areas): every call is refused at once. */
const noGatewayUrl = 'http://127.0.0.1:9';

/** Gateway attempts per call (contract: 3 in total). */
const gatewayAttempts = 3;

/** Extra dependencies of the payment services. */
export interface PaymentWiring {
  /** Default: HTTP gateways at `config.gatewayUrl`. */
  readonly gateways?: PaymentGateways;
  /** Receives gateway call outcomes and breaker changes, besides observers added later. */
  readonly gatewayObserver?: GatewayObserver;
}

function createGateways(config: ServiceDeps['config'], observer: GatewayObserver | undefined): PaymentGateways {
  return createPaymentGateways({
    baseUrl: config.gatewayUrl ?? noGatewayUrl,
    timeoutMs: config.gatewayTimeoutMs,
    halfOpenAfterMs: config.breakerHalfOpenMs,
    retryInitialDelayMs: config.gatewayRetryDelayMs.initial,
    retryMaxDelayMs: config.gatewayRetryDelayMs.max,
    observer,
  });
}

/**
 * @param deps - database, clock, ids, config, logger; `retryTransaction` defaults to
 *   {@link createTransactionRetryPolicy}
 * @example
 * const services = createServices({ database, clock: systemClock, ids: createIdGenerator(), config, logger });
 */
export function createServices(
  deps: Omit<ServiceDeps, 'retryTransaction'> & { readonly retryTransaction?: RetryPolicy } & PaymentWiring,
): Services {
  const full: ServiceDeps = { ...deps, retryTransaction: deps.retryTransaction ?? createTransactionRetryPolicy() };
  const gatewayEvents = createGatewayObserverHub();
  if (deps.gatewayObserver !== undefined) {
    gatewayEvents.add(deps.gatewayObserver);
  }
  const gateways = deps.gateways ?? createGateways(full.config, gatewayEvents);
  const timing: PaymentTiming = {
    // Every attempt may run to its deadline and each wait may reach the longest backoff.
    maxGatewayCallMs:
      gatewayAttempts * full.config.gatewayTimeoutMs + (gatewayAttempts - 1) * full.config.gatewayRetryDelayMs.max,
    reconcileAfterMs: full.config.reconcileAfterMs,
  };
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
    catalog: createCatalogService(full),
    orders: createOrderService(full),
    payments: createPaymentService(full, gateways, timing),
    refunds: createRefundService(full, gateways, timing),
    webhooks: createWebhookService(full),
    reconciler: createReconcilerService(full, gateways),
    gateways,
    gatewayEvents,
  };
}
