import type { MiddlewareHandler } from 'hono';
import { InternalError } from '../errors/app-error.js';
import type { AppEnv } from './app-env.js';

/**
 * Hono hands only `Error` instances to `onError`; any other thrown value (a string, an object)
 * would escape the app and reach the server adapter. This wraps it in an {@link InternalError}
 * (keeping the value as `cause` for the logs) so the one error handler answers it.
 *
 * @example
 * app.use('*', catchThrownValues());
 */
export function catchThrownValues(): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    try {
      await next();
    } catch (thrown) {
      if (thrown instanceof Error) {
        throw thrown;
      }
      throw new InternalError('A value that is not an Error was thrown.', { cause: thrown });
    }
  };
}
