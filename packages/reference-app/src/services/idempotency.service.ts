import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { toDate, type DB, type IdempotencyKeyRow } from '../db/schema.js';
import { ConflictError } from '../errors/app-error.js';
import {
  completeClaim,
  deleteClaim,
  findIdempotencyKey,
  insertClaimIfAbsent,
  insertCompletedIfAbsent,
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

/** Proof of holding a key (an `in_progress` row); every write under it checks the token. */
export interface IdempotencyClaim {
  readonly userId: string;
  readonly key: string;
  readonly lockToken: string;
}

/** A key nobody holds yet, to be claimed and completed in one insert inside the effects' transaction. */
export interface DeferredClaim {
  readonly row: NewClaim;
}

/** What looking at a key found. */
export type ClaimOutcome =
  | { readonly outcome: 'claimed'; readonly claim: IdempotencyClaim }
  | { readonly outcome: 'deferred'; readonly claim: DeferredClaim }
  | { readonly outcome: 'replay'; readonly response: StoredResponse }
  | { readonly outcome: 'in_use' }
  | { readonly outcome: 'reused' };

/**
 * Idempotency keys stored in the database, in two flavours:
 *
 * - `claim` inserts an `in_progress` row before the work (for work spanning several
 *   transactions, e.g. a gateway call between two); the response is stored under the claim's
 *   token in the transaction that records the outcome, so an `in_progress` row always means
 *   "nothing committed yet" and is taken over once its lock expires.
 * - `claimDeferred` only looks; the work's single transaction then inserts the `completed` row
 *   with its response (insert-if-absent), so effects, claim and response commit together and a
 *   concurrent duplicate rolls back and replays the winner.
 *
 * @example
 * const result = await idempotency.claimDeferred({ userId, key, method: 'POST', path: '/v1/transfers', body });
 */
export interface IdempotencyService {
  /** Claims the key now, or says why not (replay, in use, reused for another request). */
  claim(request: IdempotentRequest): Promise<ClaimOutcome>;
  /** Looks at the key without writing; `deferred` when nobody holds it. */
  claimDeferred(request: IdempotentRequest): Promise<ClaimOutcome>;
  /**
   * Stores the response inside the transaction of the effects.
   *
   * @throws {ConflictError} `idempotency_key_in_use` when the key was claimed or completed by
   *   another request meanwhile; the effects roll back
   */
  complete(trx: Transaction<DB>, claim: IdempotencyClaim | DeferredClaim, response: StoredResponse): Promise<void>;
  /**
   * Stores a response of a request whose effects did not commit (an error).
   *
   * @returns false when another request completed (or took over) the key first
   */
  store(claim: IdempotencyClaim | DeferredClaim, response: StoredResponse): Promise<boolean>;
  /** Forgets a claim whose request turned out invalid (invalid requests are not stored). */
  release(claim: IdempotencyClaim | DeferredClaim): Promise<void>;
  /** The stored response for this exact request, if the key is completed with the same fingerprint. */
  findReplay(request: IdempotentRequest): Promise<StoredResponse | undefined>;
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

function isDeferred(claim: IdempotencyClaim | DeferredClaim): claim is DeferredClaim {
  return 'row' in claim;
}

function storedResponse(row: IdempotencyKeyRow): StoredResponse | undefined {
  return row.status === 'completed' && row.response_status !== null && row.response_body !== null
    ? { status: row.response_status, contentType: row.response_content_type ?? 'application/json', body: row.response_body }
    : undefined;
}

const inUse = (): ConflictError =>
  new ConflictError('idempotency_key_in_use', 'A request with this idempotency key is being processed.', {
    retryable: true,
    retryAfterSeconds: 1,
  });

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

  async function decide(request: IdempotentRequest, deferred: boolean): Promise<ClaimOutcome> {
    const requestHash = fingerprint(request);
    // A few rounds at most: each one either decides or saw the row change under it.
    for (let round = 0; round < 3; round += 1) {
      const now = clock.now();
      const claim = newClaim(request, requestHash, now);
      if (!deferred && (await insertClaimIfAbsent(database.db, claim))) {
        return { outcome: 'claimed', claim };
      }
      const row = await findIdempotencyKey(database.db, request.userId, request.key);
      if (row === undefined) {
        if (deferred) {
          return { outcome: 'deferred', claim: { row: claim } };
        }
        continue;
      }
      const expired = toDate(row.expires_at) <= now;
      const abandoned = row.status === 'in_progress' && toDate(row.locked_until) <= now;
      if (expired || (abandoned && row.request_hash === requestHash)) {
        // Taking over is a claim of its own (conditional on the old token), in both flavours.
        if (await takeOverClaim(database.db, row.lock_token, claim, now)) {
          return { outcome: 'claimed', claim };
        }
        continue;
      }
      if (row.request_hash !== requestHash) {
        return { outcome: 'reused' };
      }
      const response = storedResponse(row);
      return response === undefined ? { outcome: 'in_use' } : { outcome: 'replay', response };
    }
    return { outcome: 'in_use' };
  }

  return {
    claim: (request) => decide(request, false),
    claimDeferred: (request) => decide(request, true),

    async complete(trx, claim, response) {
      const stored = isDeferred(claim) ? await insertCompletedIfAbsent(trx, claim.row, response) : await completeClaim(trx, claim, response);
      if (!stored) {
        throw inUse();
      }
    },

    store(claim, response) {
      return isDeferred(claim) ? insertCompletedIfAbsent(database.db, claim.row, response) : completeClaim(database.db, claim, response);
    },

    async release(claim) {
      // A deferred claim wrote nothing.
      if (!isDeferred(claim)) {
        await deleteClaim(database.db, claim);
      }
    },

    async findReplay(request) {
      const row = await findIdempotencyKey(database.db, request.userId, request.key);
      return row !== undefined && row.request_hash === fingerprint(request) ? storedResponse(row) : undefined;
    },
  };
}
