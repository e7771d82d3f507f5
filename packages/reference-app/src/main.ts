import { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedSystemAccounts } from './db/seed.js';
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
  const metrics = createMetrics({ collectProcessMetrics: true });
  const services = createServices({ database, clock, ids, config, logger });
  if (config.env !== 'production' && (await seedDemoData(database, services))) {
    logger.info(
      { users: demoUsers.map((user) => user.email) },
      `demo users created (password "${demoPassword}"); alice@example.com holds 1000.00 ${config.defaultCurrency}`,
    );
  }

  const app = createApp({ database, clock, ids, logger, config, metrics, services });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const url = `http://localhost:${String(info.port)}`;
    logger.info({ url, docs: `${url}/docs` }, `Faultline reference app listening on ${url} — API docs at ${url}/docs`);
  });

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
      database.close().then(
        () => {
          logger.info('stopped');
        },
        (error: unknown) => {
          logger.error({ err: error }, 'closing the database failed');
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
