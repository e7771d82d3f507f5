import { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedSystemAccounts } from './db/seed.js';
import { seedCatalog } from './db/catalog.seed.js';
import { createGatewaySimulator } from './gateways/simulator/simulator.app.js';
import { startGatewaySimulator } from './gateways/simulator/simulator.server.js';
import { createAlertNotifier } from './observability/alert.notifier.js';
import { createErrorReporter } from './observability/error.reporter.js';
import { createNoopErrorTracker, createSentryErrorTracker } from './observability/error.tracker.js';
import { startReconcilerLoop } from './services/reconciler.loop.js';
import { systemClock } from './domain/clock.js';
import { createIdGenerator } from './domain/ids.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { demoPassword, demoUsers, seedDemoData } from './services/demo-data.js';
import { createServices } from './services/services.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  if (config.jwtSecretGenerated) {
    // Printed on the console, not logged: log lines are shipped and kept, this is a secret.
    console.warn(
      `JWT_SECRET is not set; generated one for this process (tokens will not survive a restart):\n  JWT_SECRET=${config.jwtSecret}\nSet JWT_SECRET to keep it; it is required when NODE_ENV=production.`,
    );
  }

  const database = createDatabase(config.databaseUrl);
  const applied = await migrateToLatest(database);
  logger.info({ dialect: database.dialect, applied }, 'database migrated');
  await seedSystemAccounts(database, config.defaultCurrency, systemClock.now());

  const clock = systemClock;
  const ids = createIdGenerator();
  await seedCatalog(database, config.defaultCurrency, ids, clock.now());

  // Without GATEWAY_URL the simulated gateway runs in this process on a free port, over HTTP.
  const simulator =
    config.gatewayUrl === undefined
      ? createGatewaySimulator({
          webhookSecret: config.gatewayWebhookSecret,
          // Late enough that every attempt times out: pm_timeout_then_ok then shows the 202 path.
          slowResponseMs: 4 * config.gatewayTimeoutMs + 1000,
        })
      : undefined;
  const localGateway =
    simulator === undefined ? undefined : await startGatewaySimulator(simulator, { port: 0 });
  if (localGateway !== undefined) {
    logger.info({ url: localGateway.url }, 'gateway simulator started (GATEWAY_URL is not set)');
  }
  const serviceConfig = localGateway === undefined ? config : { ...config, gatewayUrl: localGateway.url };
  const tracker = config.sentryDsn === undefined ? createNoopErrorTracker() : createSentryErrorTracker({ dsn: config.sentryDsn, environment: config.env });
  const alerts = createAlertNotifier({ url: config.alertWebhookUrl, logger });
  const metrics = createMetrics({ collectProcessMetrics: true });
  const services = createServices({ database, clock, ids, config: serviceConfig, logger });
  if (config.env !== 'production' && (await seedDemoData(database, services))) {
    logger.info(
      { users: demoUsers.map((user) => user.email) },
      `demo users created (password "${demoPassword}"); alice@example.com holds 1000.00 ${config.defaultCurrency}`,
    );
  }

  const app = createApp({
    database,
    clock,
    ids,
    logger,
    config: serviceConfig,
    metrics,
    services,
    alerts,
    reportError: createErrorReporter(tracker, alerts),
  });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const url = `http://localhost:${String(info.port)}`;
    simulator?.setWebhookBaseUrl(`http://127.0.0.1:${String(info.port)}/v1/webhooks`);
    logger.info({ url, docs: `${url}/docs` }, `Faultline reference app listening on ${url} — API docs at ${url}/docs`);
  });

  const reconcilerLoop = startReconcilerLoop(services.reconciler, { intervalMs: config.reconcileIntervalMs, logger });
  const stopBackground = async (): Promise<void> => {
    await reconcilerLoop.stop();
    await localGateway?.close();
    await tracker.flush(2000);
  };

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing their connections');
      if (server instanceof Server) {
        server.closeAllConnections();
      }
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      stopBackground()
        .then(() => database.close())
        .then(
          () => {
            logger.info('stopped');
          },
          (error: unknown) => {
            logger.error({ err: error }, 'stopping background work or closing the database failed');
            process.exitCode = 1;
          },
        );
    });
    if (server instanceof Server) {
      server.closeIdleConnections();
    }
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  // The logger may not exist yet (invalid configuration), so this goes to stderr directly.
  console.error('Faultline reference app failed to start:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
