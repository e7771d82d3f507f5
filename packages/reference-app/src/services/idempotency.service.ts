import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { toDate, type DB } from '../db/schema.js';
import { ConflictError } from '../errors/app-error.js';
import {
  completeClaim,
  deleteClaim,
  findIdempotencyKey,
  insertClaimIfAbsent,
  takeOverClaim,
  type NewClaim,
  type StoredResponse,
} from '../repositories/idempotency.repository.js';
import type { ServiceDeps } from './service-deps.js';

export type { StoredResponse } from '../repositories/idempotency.repository.js';

/** A request carrying an idempotency key. */
export interface IdempotentRequest {
  readonly userId: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  /** The parsed JSON body (compared as parsed JSON, key order ignored). */
  readonly body: unknown;
}

/** Proof of holding a key; every write under it checks the token. */
export interface IdempotencyClaim {
  readonly userId: string;
  readonly key: string;
  readonly lockToken: string;
}

/** What claiming a key found. */
export type ClaimOutcome =
  | { readonly outcome: 'claimed'; readonly claim: IdempotencyClaim }
  | { readonly outcome: 'replay'; readonly response: StoredResponse }
  | { readonly outcome: 'in_use' }
  | { readonly outcome: 'reused' };

/**
 * Idempotency keys stored in the database. A key is claimed atomically (insert-if-absent); the
 * response of a request with effects is stored in the same transaction as the effects, so an
 * `in_progress` key always means "nothing committed yet" and can be taken over once its lock
 * expires.
 *
 * @example
 * const result = await idempotency.claim({ userId, key, method: 'POST', path: '/v1/transfers', body });
 */
export interface IdempotencyService {
  /** Claims the key, or says why not (replay, in use, reused for another request). */
  claim(request: IdempotentRequest): Promise<ClaimOutcome>;
  /**
   * Stores the response inside the transaction of the effects.
   *
   * @throws {ConflictError} `idempotency_key_in_use` when the claim was lost; the effects roll back
   */
  complete(trx: Transaction<DB>, claim: IdempotencyClaim, response: StoredResponse): Promise<void>;
  /**
   * Stores a response of a request whose effects did not commit (an error).
   *
   * @returns false when the claim was lost or already completed
   */
  store(claim: IdempotencyClaim, response: StoredResponse): Promise<boolean>;
  /** Forgets a claim whose request turned out invalid (invalid requests are not stored). */
  release(claim: IdempotencyClaim): Promise<void>;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fingerprint of a request: SHA-256 over method, path and the canonical JSON of the body.
 *
 * @param request - method, path and parsed body
 * @example
 * fingerprint({ method: 'POST', path: '/v1/top-ups', body: { amount: 1 } });
 */
export function fingerprint(request: Pick<IdempotentRequest, 'method' | 'path' | 'body'>): string {
  return createHash('sha256').update(`${request.method.toUpperCase()} ${request.path}\n${canonicalJson(request.body)}`).digest('hex');
}

/**
 * @param deps - service dependencies (`idempotencyTtlSeconds` and `idempotencyLockSeconds` from config)
 * @example
 * const idempotency = createIdempotencyService(deps);
 */
export function createIdempotencyService(deps: Pick<ServiceDeps, 'database' | 'clock' | 'config'>): IdempotencyService {
  const { database, clock, config } = deps;

  function newClaim(request: IdempotentRequest, requestHash: string, now: Date): NewClaim {
    return {
      userId: request.userId,
      key: request.key,
      method: request.method.toUpperCase(),
      path: request.path,
      requestHash,
      lockToken: randomUUID(),
      lockedUntil: new Date(now.getTime() + config.idempotencyLockSeconds * 1000),
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.idempotencyTtlSeconds * 1000),
    };
  }

  return {
    async claim(request) {
      const requestHash = fingerprint(request);
      // A few rounds at most: each one either decides or saw the row change under it.
      for (let round = 0; round < 3; round += 1) {
        const now = clock.now();
        const claim = newClaim(request, requestHash, now);
        if (await insertClaimIfAbsent(database.db, claim)) {
          return { outcome: 'claimed', claim };
        }
        const row = await findIdempotencyKey(database.db, request.userId, request.key);
        if (row === undefined) {
          continue;
        }
        const expired = toDate(row.expires_at) <= now;
        const abandoned = row.status === 'in_progress' && toDate(row.locked_until) <= now;
        if (expired || (abandoned && row.request_hash === requestHash)) {
          if (await takeOverClaim(database.db, row.lock_token, claim, now)) {
            return { outcome: 'claimed', claim };
          }
          continue;
        }
        if (row.request_hash !== requestHash) {
          return { outcome: 'reused' };
        }
        if (row.status === 'completed' && row.response_status !== null && row.response_body !== null) {
          return {
            outcome: 'replay',
            response: { status: row.response_status, contentType: row.response_content_type ?? 'application/json', body: row.response_body },
          };
        }
        return { outcome: 'in_use' };
      }
      return { outcome: 'in_use' };
    },

    async complete(trx, claim, response) {
      if (!(await completeClaim(trx, claim, response))) {
        throw new ConflictError('idempotency_key_in_use', 'A request with this idempotency key is being processed.', {
          retryable: true,
          retryAfterSeconds: 1,
        });
      }
    },

    store(claim, response) {
      return completeClaim(database.db, claim, response);
    },

    release(claim) {
      return deleteClaim(database.db, claim);
    },
  };
}
