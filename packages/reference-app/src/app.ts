import { Hono } from 'hono';

/**
 * Builds the HTTP application.
 *
 * @example
 * const app = createApp();
 * const res = await app.request('/healthz');
 */
export function createApp(): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  return app;
}
