import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { DependencyError } from '../errors/app-error.js';
import type { AppEnv } from '../middleware/app-env.js';
import type { Metrics } from '../observability/metrics.js';

/**
 * `GET /healthz` (process up), `GET /readyz` (database answers), `GET /metrics` (Prometheus).
 *
 * @param deps - the database and the metrics
 * @example
 * app.route('/', createOperationsRoutes({ database, metrics }));
 */
export function createOperationsRoutes(deps: { readonly database: Database; readonly metrics: Metrics }): Hono<AppEnv> {
  const { database, metrics } = deps;

  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }, 200))
    .get('/readyz', async (c) => {
      try {
        await sql`select 1`.execute(database.db);
      } catch (error) {
        throw new DependencyError('service_unavailable', 'The database is not answering.', { cause: error });
      }
      return c.json({ status: 'ok' }, 200);
    })
    .get('/metrics', async (c) => c.text(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }));
}
