import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { createRequestLineLogger, type Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { AppEnv } from './app-env.js';

/**
 * The route pattern that answered (`/v1/transfers`, never a raw path with ids), or `unmatched`.
 *
 * @param c - the request context, after the handlers ran
 * @example
 * routePattern(c); // '/v1/transfers'
 */
export function routePattern(c: Context): string {
  const handlers = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return handlers.at(-1)?.path ?? 'unmatched';
}

/**
 * One structured log line and the HTTP metrics per request: request id, user id, method, route
 * pattern, status, problem code and duration. Never headers or bodies.
 *
 * @param metrics - where to count
 * @param logger - the service logger (the line goes through {@link createRequestLineLogger})
 * @example
 * app.use('*', observeRequests(metrics, logger));
 */
export function observeRequests(metrics: Metrics, logger: Logger): MiddlewareHandler<AppEnv> {
  const requestLog = createRequestLineLogger(logger);
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePattern(c);
    const status = c.res.status;
    const labels = { method: c.req.method, route, status_class: `${String(Math.floor(status / 100))}xx` };
    metrics.httpRequests.inc(labels);
    metrics.httpRequestDuration.observe(labels, seconds);
    requestLog.info(
      {
        requestId: c.var.requestId,
        userId: c.var.userId,
        method: c.req.method,
        route,
        status,
        code: c.var.errorCode,
        durationMs: Math.round(seconds * 1e6) / 1e3,
      },
      'request completed',
    );
  };
}
