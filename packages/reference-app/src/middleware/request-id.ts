import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../observability/logger.js';
import type { AppEnv } from './app-env.js';

const acceptable = /^[A-Za-z0-9_=-]{1,255}$/;

/**
 * Gives every request an id: an inbound `X-Request-Id` of 1–255 chars of `[A-Za-z0-9_=-]` is
 * kept, anything else is replaced by a new UUID. The id is echoed in `X-Request-Id`, bound to a
 * child logger, and quoted by every problem.
 *
 * @param logger - the service logger
 * @example
 * app.use('*', requestId(logger));
 */
export function requestId(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const inbound = c.req.header('x-request-id');
    const id = inbound !== undefined && acceptable.test(inbound) ? inbound : randomUUID();
    c.set('requestId', id);
    c.set('logger', logger.child({ requestId: id }));
    c.header('X-Request-Id', id);
    await next();
    // Error responses are built by the error handler; make sure they carry the id too.
    c.res.headers.set('X-Request-Id', id);
  };
}
