import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BusinessRuleError, ConflictError, RequestError, ValidationError } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/error-catalog.js';
import type { Metrics } from '../observability/metrics.js';
import type { IdempotencyClaim, IdempotencyService } from '../services/idempotency.service.js';
import type { TransactionHooks } from '../services/service-deps.js';
import type { AuthenticatedEnv } from './auth.js';
import { toAppError } from './error-handler.js';
import { readJsonBody } from './json-body.js';

/**
 * Handed to the route: builds the hooks that store the route's response inside the service's
 * transaction, so the effect and its stored response commit together.
 */
export interface IdempotencyScope {
  /**
   * @param status - the status the route answers with
   * @param toBody - the function the route also uses to build its JSON body (same input, same bytes)
   * @example
   * const transfer = await transfers.create(userId, input, c.var.idempotency.respondWith(201, toTransferJson));
   * return c.json(toTransferJson(transfer), 201);
   */
  respondWith<T>(status: number, toBody: (result: T) => unknown): TransactionHooks<T>;
}

/** The environment a route sees after {@link idempotency}. */
export interface IdempotentEnv {
  Variables: AuthenticatedEnv['Variables'] & { idempotency: IdempotencyScope };
}

const visibleAscii = /^[\x21-\x7E]{1,255}$/;

/** Responses the contract says are not stored: the request never passed validation. */
const notStored: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'idempotency_key_in_use',
]);

/**
 * Idempotency per the contract, for routes with effects (after `requireUser`):
 * missing key → 400 `idempotency_key_missing`; malformed key → 400 `validation_failed`; the key
 * is claimed atomically in the database (scoped to the user); a completed key with the same
 * method, path and JSON body replays the stored status and bytes with `Idempotent-Replayed:
 * true`; another body → 422 `idempotency_key_reused`; still running → 409
 * `idempotency_key_in_use`. The route stores its success inside its transaction (see
 * {@link IdempotencyScope}); any other response that passed validation is stored here.
 *
 * @param options - the idempotency service and the metrics
 * @example
 * createRoute({ method: 'post', path: '/transfers', middleware: [auth, idempotency({ service, metrics })], … });
 */
export function idempotency(options: { readonly service: IdempotencyService; readonly metrics: Metrics }): MiddlewareHandler<IdempotentEnv> {
  const { service, metrics } = options;

  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || key === '') {
      throw new RequestError('idempotency_key_missing', 'Send an Idempotency-Key header with this request.');
    }
    if (!visibleAscii.test(key)) {
      throw new ValidationError([
        { pointer: '/headers/idempotency-key', code: 'invalid_format', detail: 'Must be 1–255 visible ASCII characters.' },
      ]);
    }
    const body = await readJsonBody(c);
    const result = await service.claim({ userId: c.var.userId, key, method: c.req.method, path: c.req.path, body });

    switch (result.outcome) {
      case 'replay':
        metrics.idempotencyReplays.inc();
        return c.body(result.response.body, result.response.status as ContentfulStatusCode, {
          'Content-Type': result.response.contentType,
          'Idempotent-Replayed': 'true',
        });
      case 'in_use':
        metrics.idempotencyConflicts.inc();
        throw new ConflictError('idempotency_key_in_use', 'A request with this idempotency key is still being processed.', {
          retryable: true,
          retryAfterSeconds: 1,
        });
      case 'reused':
        metrics.idempotencyConflicts.inc();
        throw new BusinessRuleError('idempotency_key_reused', 'This idempotency key was already used for a different request.');
      case 'claimed':
        break;
    }

    const claim: IdempotencyClaim = result.claim;
    // An object, not a boolean: the flag is set inside a callback the compiler cannot follow.
    const state = { storedInTransaction: false };
    function respondWith<T>(status: number, toBody: (result: T) => unknown): TransactionHooks<T> {
      return {
        beforeCommit: async (trx, value) => {
          await service.complete(trx, claim, { status, contentType: 'application/json', body: JSON.stringify(toBody(value)) });
          state.storedInTransaction = true;
        },
      };
    }
    c.set('idempotency', { respondWith });

    await next();

    if (c.error === undefined && state.storedInTransaction) {
      return undefined;
    }
    if (c.error !== undefined && notStored.has(toAppError(c.error).code)) {
      await service.release(claim);
      return undefined;
    }
    const stored = await service.store(claim, {
      status: c.res.status,
      contentType: c.res.headers.get('content-type') ?? 'application/json',
      body: await c.res.clone().text(),
    });
    if (!stored) {
      c.var.logger.warn({ key }, 'idempotency claim was lost before its response could be stored');
    }
    return undefined;
  };
}
