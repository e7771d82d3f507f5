import type { Logger } from '../observability/logger.js';

/**
 * Per-request values set by middleware.
 *
 * @example
 * const requestId = c.get('requestId');
 */
export interface AppVariables {
  /** Kept from a valid inbound `X-Request-Id`, otherwise generated. */
  requestId: string;
  /** The service logger with this request's id bound. */
  logger: Logger;
  /** The authenticated user, once `requireUser` ran. */
  userId?: string;
  /** The problem code answered, for the request log line. */
  errorCode?: string;
}

/**
 * The Hono environment of the service.
 *
 * @example
 * const routes = new OpenAPIHono<AppEnv>();
 */
export interface AppEnv {
  Variables: AppVariables;
}
