import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { RequestError } from '../errors/app-error.js';
import type { AppEnv } from './app-env.js';

const jsonMediaType = /^application\/(?:[\w.-]+\+)?json\s*(?:;.*)?$/i;

/**
 * Refuses bodies over `maxBytes` with a `payload_too_large` problem — by `Content-Length`, or
 * while reading a chunked body.
 *
 * Hono's `bodyLimit` starts by reading `c.req.raw.body`, which makes `@hono/node-server` build a
 * full web `Request` around the socket for every request, and the JSON body is then read through
 * web streams instead of straight from the socket (~30 µs per request, issue 7). A request whose
 * `Content-Length` is known (and no `Transfer-Encoding`) is decided from the header alone, and a
 * GET or HEAD with neither header has no body (RFC 9112 §6.3); everything else goes through
 * Hono's streaming check.
 *
 * @param maxBytes - the limit (contract: 1 MiB)
 * @example
 * app.use('*', bodyLimit(1024 * 1024));
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new RequestError('payload_too_large', 'The request body is larger than 1 MiB.');
  };
  const streaming = honoBodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const contentLength = c.req.header('content-length');
    const transferEncoding = c.req.header('transfer-encoding');
    if (transferEncoding === undefined && contentLength !== undefined) {
      if (Number.parseInt(contentLength, 10) > maxBytes) {
        tooLarge();
      }
      await next();
      return;
    }
    if (transferEncoding === undefined && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      await next();
      return;
    }
    await streaming(c, next);
  };
}

function hasNoBody(c: Context): boolean {
  const contentLength = c.req.header('content-length');
  return c.req.header('transfer-encoding') === undefined && (contentLength === undefined || contentLength.trim() === '0');
}

/**
 * Reads the JSON body once, caching it for the validators that follow.
 *
 * @param c - the request context
 * @returns the parsed body
 * @throws {RequestError} `unsupported_media_type` for a body without a JSON content type,
 *   `malformed_json` for invalid or empty JSON and for no body at all
 * @example
 * const body = await readJsonBody(c);
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type');
  // A request with no body at all lacks the body, not its media type (contract: an empty body
  // where one is required is `malformed_json`).
  if (contentType === undefined && hasNoBody(c)) {
    throw new RequestError('malformed_json', 'This request needs a JSON body.');
  }
  if (contentType === undefined || !jsonMediaType.test(contentType)) {
    throw new RequestError('unsupported_media_type', 'Send the request body as application/json.');
  }
  try {
    // Hono caches the parsed body, so the zod validator after this reads the same value.
    return (await c.req.json()) as unknown;
  } catch (error) {
    throw new RequestError('malformed_json', 'The request body is not valid JSON.', { cause: error });
  }
}

/**
 * Route middleware for endpoints that take a JSON body: 415 without `Content-Type:
 * application/json` (charset allowed), 400 `malformed_json` for invalid or empty JSON.
 *
 * @example
 * createRoute({ method: 'post', path: '/auth/login', middleware: [requireJsonBody()], … });
 */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await readJsonBody(c);
    await next();
  };
}
