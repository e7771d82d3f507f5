import type { MiddlewareHandler } from 'hono';
import { BusinessRuleError, ConflictError, RequestError, ValidationError } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/error-catalog.js';
import type { Metrics } from '../observability/metrics.js';
import type { IdempotencyService, IdempotentRequest, StoredResponse } from '../services/idempotency.service.js';
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

/** When the key is written; see {@link idempotency}. */
export type IdempotencyMode = 'claim-first' | 'claim-on-commit';

/**
 * Idempotency per the contract, for routes with effects (after `requireUser`):
 * missing key → 400 `idempotency_key_missing`; malformed key → 400 `validation_failed`; a
 * completed key with the same method, path and JSON body replays the stored status and bytes
 * with `Idempotent-Replayed: true`; another body → 422 `idempotency_key_reused`; still running
 * → 409 `idempotency_key_in_use`. Keys are scoped to the user. The route stores its success inside
 * its transaction (see {@link IdempotencyScope}); any other response that passed validation is
 * stored here, and invalid requests are not.
 *
 * Modes:
 * - `claim-first` (default): an `in_progress` row is inserted before the handler runs — for
 *   work spanning several transactions (a gateway call between two), where a duplicate must be
 *   refused while the first is still running.
 * - `claim-on-commit`: for work done in one transaction. The key is only read up front; the
 *   transaction inserts the completed row with the response (insert-if-absent), so claim,
 *   effects and response commit together in one write. A concurrent duplicate loses at that
 *   insert, rolls back, and replays the winner's response (the contract allows waiting and
 *   replaying instead of 409).
 *
 * @param options - the idempotency service, the metrics, and the mode (default `claim-first`)
 * @example
 * createRoute({ method: 'post', path: '/transfers', middleware: [auth, idempotency({ service, metrics, mode: 'claim-on-commit' })], … });
 */
export function idempotency(options: {
  readonly service: IdempotencyService;
  readonly metrics: Metrics;
  readonly mode?: IdempotencyMode;
}): MiddlewareHandler<IdempotentEnv> {
  const { service, metrics } = options;
  const deferred = options.mode === 'claim-on-commit';

  const replay = (response: StoredResponse): Response => {
    metrics.idempotencyReplays.inc();
    return new Response(response.body, {
      status: response.status,
      headers: { 'Content-Type': response.contentType, 'Idempotent-Replayed': 'true' },
    });
  };

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
    const request: IdempotentRequest = { userId: c.var.userId, key, method: c.req.method, path: c.req.path, body };
    const result = deferred ? await service.claimDeferred(request) : await service.claim(request);

    switch (result.outcome) {
      case 'replay':
        return replay(result.response);
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
      case 'deferred':
        break;
    }

    const claim = result.claim;
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
    const code = c.error === undefined ? undefined : toAppError(c.error).code;
    if (code !== undefined && notStored.has(code)) {
      // Lost a claim-on-commit race: the winner's response is (or will be) the answer.
      const winner = code === 'idempotency_key_in_use' && deferred ? await service.findReplay(request) : undefined;
      if (winner === undefined) {
        await service.release(claim);
      } else {
        c.res = replay(winner);
      }
      return undefined;
    }
    const response: StoredResponse = {
      status: c.res.status,
      contentType: c.res.headers.get('content-type') ?? 'application/json',
      body: await c.res.clone().text(),
    };
    if (!(await service.store(claim, response))) {
      const winner = await service.findReplay(request);
      if (winner === undefined) {
        c.var.logger.warn({ key }, 'idempotency claim was lost before its response could be stored');
      } else {
        c.res = replay(winner);
      }
    }
    return undefined;
  };
}
