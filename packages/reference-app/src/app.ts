import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from './config.js';
import type { Database } from './db/database.js';
import type { Clock } from './domain/clock.js';
import type { IdGenerator } from './domain/ids.js';
import type { AppEnv } from './middleware/app-env.js';
import { requireAdmin, requireUser } from './middleware/auth.js';
import { catchThrownValues } from './middleware/catch-thrown-values.js';
import { createErrorHandler, createNotFoundHandler, type ErrorReporter } from './middleware/error-handler.js';
import { idempotency } from './middleware/idempotency.js';
import { bodyLimit, requireJsonBody } from './middleware/json-body.js';
import { observeRequests } from './middleware/observe-requests.js';
import { requestId } from './middleware/request-id.js';
import { validationHook } from './middleware/validation-hook.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { createAuthRoutes } from './routes/auth.routes.js';
import { createLedgerRoutes } from './routes/ledger.routes.js';
import { createOperationsRoutes } from './routes/operations.routes.js';
import { createProblemRoutes } from './routes/problem.routes.js';
import { createTopUpRoutes } from './routes/top-up.routes.js';
import { createTransferRoutes } from './routes/transfer.routes.js';
import { createWalletRoutes } from './routes/wallet.routes.js';
import { createServices, type Services } from './services/services.js';
import { createAlertNotifier, type AlertNotifier } from './observability/alert.notifier.js';
import { createGatewayObserver } from './observability/gateway.observer.js';
import { createOrderRoutes } from './routes/order.routes.js';
import { createPaymentRoutes } from './routes/payment.routes.js';
import { createProductRoutes } from './routes/product.routes.js';
import { createWebhookRoutes } from './routes/webhook.routes.js';

/**
 * Everything the app is built from. Explicit, so a test builds one app per test on a fresh
 * database with a fixed clock and predictable ids. Optional members have production defaults.
 */
export interface AppDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly config: AppConfig;
  /** Default: a fresh registry per app. */
  readonly metrics?: Metrics;
  /** Default: built from the members above. */
  readonly services?: Services;
  /** Receives 5xx and unexpected errors after they are logged (error tracking, alerts). */
  readonly reportError?: ErrorReporter;
  /** Alerts on breaker opens when the app builds its own services. Default: `ALERT_WEBHOOK_URL`. */
  readonly alerts?: AlertNotifier;
}

/**
 * Builds the HTTP application: middleware, `/v1` routes, problems, operations, OpenAPI and docs.
 * It does not listen, migrate or seed — `main.ts` does.
 *
 * @param deps - database, clock, id generator, logger, config (+ optional metrics, services, reporter)
 * @example
 * const app = createApp({ database, clock: systemClock, ids: createIdGenerator(), logger, config });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const { database, clock, ids, logger, config } = deps;
  const metrics = deps.metrics ?? createMetrics();
  const alerts = deps.alerts ?? createAlertNotifier({ url: config.alertWebhookUrl, logger });
  const services = deps.services ?? createServices({ database, clock, ids, config, logger });
  services.gatewayEvents.add(createGatewayObserver(metrics, alerts));
  const onError = createErrorHandler({ logger, metrics, reportError: deps.reportError });

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Order matters: the id first (everything logs it), then observation (sees the final
  // status), then the net for non-Error throws, then protections that can refuse a request.
  app.use('*', requestId(logger));
  app.use('*', observeRequests(metrics, logger));
  app.use('*', catchThrownValues());
  app.use('*', secureHeaders());
  app.use('*', bodyLimit(config.bodyLimitBytes));

  const requireJson = requireJsonBody();
  const userGuard = requireUser(services.tokens);
  const idempotent = idempotency({ service: services.idempotency, metrics });
  // Top-ups and transfers commit in one transaction: key, effects and response in one write.
  const idempotentInTransaction = idempotency({ service: services.idempotency, metrics, mode: 'claim-on-commit' });

  app.route('/', createOperationsRoutes({ database, metrics }));
  app.route('/problems', createProblemRoutes());
  app.route('/v1', createAuthRoutes({ auth: services.auth, requireJson }));
  app.route('/v1', createWalletRoutes({ wallet: services.wallet, requireUser: userGuard }));
  app.route('/v1', createTopUpRoutes({ wallet: services.wallet, requireUser: userGuard, idempotent: idempotentInTransaction }));
  app.route('/v1', createTransferRoutes({ transfers: services.transfers, requireUser: userGuard, idempotent: idempotentInTransaction }));
  const adminGuard = config.adminToken === undefined ? undefined : requireAdmin(config.adminToken);
  app.route('/v1', createProductRoutes({ catalog: services.catalog, requireUser: userGuard, requireAdmin: adminGuard, requireJson }));
  app.route('/v1', createOrderRoutes({ orders: services.orders, requireUser: userGuard, idempotent }));
  app.route('/v1', createPaymentRoutes({ payments: services.payments, refunds: services.refunds, requireUser: userGuard, idempotent }));
  app.route('/v1', createWebhookRoutes({ webhooks: services.webhooks, secret: config.gatewayWebhookSecret, clock, requireJson }));
  if (config.adminToken !== undefined) {
    app.route('/v1', createLedgerRoutes({ ledger: services.ledger, requireAdmin: requireAdmin(config.adminToken) }));
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An access token from `POST /v1/auth/login`.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The `ADMIN_TOKEN` setting.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Faultline reference payment service',
      version: '1.0.0',
      description: 'Wallet, transfers and payments over a double-entry ledger. Errors are RFC 9457 problems (`application/problem+json`).',
    },
  });
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Faultline reference app' }));

  app.onError(onError);
  app.notFound(createNotFoundHandler(() => app.routes, onError));
  return app;
}
