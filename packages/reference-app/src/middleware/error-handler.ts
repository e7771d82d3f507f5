import { inspect } from 'node:util';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, InternalError, MethodNotAllowedError, NotFoundError, RequestError } from '../errors/app-error.js';
import { errorCatalog, toProblemSlug } from '../errors/error-catalog.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { AppEnv } from './app-env.js';
import { routePattern } from './observe-requests.js';

/** The RFC 9457 body of every non-2xx response. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: string;
  readonly requestId: string;
  readonly errors?: readonly { readonly pointer: string; readonly code: string; readonly detail: string }[];
  readonly [extension: string]: unknown;
}

/** Context handed to an error reporter (Sentry, alerts) for unexpected errors and 5xx. */
export interface ErrorReport {
  readonly requestId: string;
  readonly userId: string | undefined;
  readonly method: string;
  readonly route: string;
  readonly code: string;
  readonly status: number;
}

/** Receives every 5xx and unexpected error, after it was logged. Must not throw. */
export type ErrorReporter = (error: Error, report: ErrorReport) => void;

/**
 * Turns a Hono `HTTPException` (raised by Hono's own middleware and validators) into an
 * {@link AppError} by status; its message is never shown.
 */
function fromHttpException(exception: HTTPException): AppError {
  switch (exception.status) {
    case 400:
      return new RequestError('malformed_json', 'The request body is not valid JSON.', { cause: exception });
    case 404:
      return new NotFoundError();
    case 413:
      return new RequestError('payload_too_large', 'The request body is larger than 1 MiB.', { cause: exception });
    case 415:
      return new RequestError('unsupported_media_type', 'Send the request body as application/json.', { cause: exception });
    default:
      return new InternalError(`Unmapped HTTPException ${String(exception.status)}.`, { cause: exception });
  }
}

/**
 * Maps anything thrown to an {@link AppError}: app errors as they are, Hono's HTTP exceptions by
 * status, everything else to `internal_error`.
 *
 * @param error - what was thrown
 * @example
 * const appError = toAppError(new Error('boom')); // InternalError with the original as cause
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) {
    return error;
  }
  if (error instanceof HTTPException) {
    return fromHttpException(error);
  }
  return new InternalError('Unhandled error.', { cause: error });
}

/**
 * The problem body of an error. 4xx details are the error's own user-safe message; 5xx details
 * are the catalogue's fixed sentence, so no driver, gateway or stack text can reach a client.
 *
 * @param error - an app error
 * @param requestId - the request's id
 * @example
 * const body = toProblem(new NotFoundError(), 'req-1');
 */
export function toProblem(error: AppError, requestId: string): Problem {
  const entry = errorCatalog[error.code];
  const problem: Record<string, unknown> = { ...error.extensions };
  Object.assign(problem, {
    type: `/problems/${toProblemSlug(error.code)}`,
    title: entry.title,
    status: entry.status,
    detail: entry.status >= 500 ? entry.description : error.message,
    instance: `urn:request:${requestId}`,
    code: error.code,
    requestId,
  });
  if (error.fieldErrors.length > 0) {
    problem.errors = error.fieldErrors.map(({ pointer, code, detail }) => ({ pointer, code, detail }));
  }
  return problem as unknown as Problem;
}

/**
 * Options of {@link createErrorHandler}.
 */
export interface ErrorHandlerOptions {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly reportError?: ErrorReporter | undefined;
}

/**
 * The one `onError` of the app: every error becomes `application/problem+json` with the
 * catalogue's status, `WWW-Authenticate` on 401, `Retry-After` when known, `Allow` on 405.
 * Unexpected errors and 5xx are logged with the request's context and handed to the reporter.
 *
 * @param options - logger, metrics and an optional error reporter
 * @example
 * app.onError(createErrorHandler({ logger, metrics }));
 */
export function createErrorHandler(options: ErrorHandlerOptions): ErrorHandler<AppEnv> {
  const { logger, metrics, reportError } = options;

  return (thrown: Error, c: Context<AppEnv>) => {
    const error = toAppError(thrown);
    // The request id is set by the first middleware; it can only be missing if that one failed.
    const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
    const problem = toProblem(error, requestId);
    metrics.appErrors.inc({ code: error.code });
    c.set('errorCode', error.code);

    if (error.status >= 500) {
      const report: ErrorReport = {
        requestId,
        userId: c.var.userId,
        method: c.req.method,
        route: routePattern(c),
        code: error.code,
        status: error.status,
      };
      // pino serialises an Error cause with the error; a thrown string or object needs help.
      const cause: unknown = thrown.cause;
      const thrownValue = cause === undefined || cause instanceof Error ? undefined : inspect(cause, { depth: 3, breakLength: Infinity });
      ((c.get('logger') as Logger | undefined) ?? logger).error({ err: thrown, thrownValue, ...report }, 'request failed');
      reportError?.(thrown, report);
    }

    if (error.code === 'unauthorized' || error.code === 'token_expired') {
      c.header('WWW-Authenticate', error.code === 'token_expired' ? 'Bearer error="invalid_token", error_description="expired"' : 'Bearer');
    }
    if (error.retryAfterSeconds !== undefined) {
      c.header('Retry-After', String(Math.max(0, Math.ceil(error.retryAfterSeconds))));
    }
    if (error instanceof MethodNotAllowedError) {
      c.header('Allow', error.allowedMethods.join(', '));
    }
    return c.body(JSON.stringify(problem), error.status as 400, { 'Content-Type': 'application/problem+json' });
  };
}

interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

function toMatcher(path: string): RegExp {
  const pattern = path
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        return '.*';
      }
      if (segment.startsWith(':')) {
        return '[^/]+';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${pattern}$`);
}

/**
 * The app's `notFound`: a wrong method on a known path is a 405 problem with `Allow`, anything
 * else a 404 problem.
 *
 * @param routes - returns the app's registered routes (read lazily, once every route is mounted)
 * @param onError - the app's error handler, which renders the problem
 * @example
 * app.notFound(createNotFoundHandler(() => app.routes, errorHandler));
 */
export function createNotFoundHandler(routes: () => readonly RouteEntry[], onError: ErrorHandler<AppEnv>): NotFoundHandler<AppEnv> {
  let matchers: { readonly method: string; readonly matcher: RegExp }[] | undefined;

  return async (c) => {
    matchers ??= routes()
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ method: route.method, matcher: toMatcher(route.path) }));
    const allowed = new Set(matchers.filter(({ matcher }) => matcher.test(c.req.path)).map(({ method }) => method));
    if (allowed.size === 0) {
      return onError(new NotFoundError('No resource at this path.'), c);
    }
    if (allowed.has('GET')) {
      allowed.add('HEAD');
    }
    return onError(new MethodNotAllowedError([...allowed].sort()), c);
  };
}
