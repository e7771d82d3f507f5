import type { Kysely } from 'kysely';
import { createQueryTemplate } from '../db/query-template.js';
import type { DB, IdempotencyKeyRow } from '../db/schema.js';

/** A fresh claim on a key. */
export interface NewClaim {
  readonly userId: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly requestHash: string;
  readonly lockToken: string;
  readonly lockedUntil: Date;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** A response to store under a key. */
export interface StoredResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * Inserts an `in_progress` row unless one exists for (user, key): the atomic claim.
 *
 * @param db - database or transaction handle
 * @param claim - the row to insert
 * @returns whether this call inserted the row (and so owns the key)
 * @example
 * const owned = await insertClaimIfAbsent(db, claim);
 */
export async function insertClaimIfAbsent(db: Kysely<DB>, claim: NewClaim): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_keys')
    .values({
      user_id: claim.userId,
      key: claim.key,
      request_method: claim.method,
      request_path: claim.path,
      request_hash: claim.requestHash,
      status: 'in_progress',
      lock_token: claim.lockToken,
      locked_until: claim.lockedUntil.toISOString(),
      response_status: null,
      response_content_type: null,
      response_body: null,
      created_at: claim.createdAt.toISOString(),
      expires_at: claim.expiresAt.toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * Inserts a `completed` row with its response unless one exists for (user, key): the claim and
 * the completion in one statement, for requests whose effects commit in one transaction.
 *
 * @param db - the transaction of the request's effects, or the database for an error response
 * @param claim - the request's key, fingerprint and times (`lockToken`/`lockedUntil` unused)
 * @param response - what to replay
 * @returns whether this call inserted the row
 * @example
 * if (!(await insertCompletedIfAbsent(trx, claim, response))) throw new ConflictError('idempotency_key_in_use', '…');
 */
export async function insertCompletedIfAbsent(db: Kysely<DB>, claim: NewClaim, response: StoredResponse): Promise<boolean> {
  const result = await insertCompleted(
    db,
    claim.userId,
    claim.key,
    claim.method,
    claim.path,
    claim.requestHash,
    claim.lockToken,
    claim.lockedUntil.toISOString(),
    response.status,
    response.contentType,
    response.body,
    claim.createdAt.toISOString(),
    claim.expiresAt.toISOString(),
  );
  return (result.numAffectedRows ?? 0n) > 0n;
}

// Every transfer and top-up runs it: compiled once.
const insertCompleted = createQueryTemplate(
  (
    db,
    userId: string,
    key: string,
    method: string,
    path: string,
    requestHash: string,
    lockToken: string,
    lockedUntil: string,
    responseStatus: number,
    responseContentType: string,
    responseBody: string,
    createdAt: string,
    expiresAt: string,
  ) =>
    db
      .insertInto('idempotency_keys')
      .values({
        user_id: userId,
        key,
        request_method: method,
        request_path: path,
        request_hash: requestHash,
        status: 'completed',
        lock_token: lockToken,
        locked_until: lockedUntil,
        response_status: responseStatus,
        response_content_type: responseContentType,
        response_body: responseBody,
        created_at: createdAt,
        expires_at: expiresAt,
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()),
);

/**
 * Reads the row of (user, key).
 *
 * @param db - database or transaction handle
 * @param userId - owner of the key
 * @param key - the idempotency key
 * @returns the row, or `undefined` when the key was never claimed
 * @example
 * const row = await findIdempotencyKey(db, userId, key);
 */
export async function findIdempotencyKey(db: Kysely<DB>, userId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  const { rows } = await selectKey(db, userId, key);
  return rows[0];
}

// Every idempotent request runs it: compiled once.
const selectKey = createQueryTemplate((db, userId: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key),
);

/**
 * Takes over a key whose previous claim can no longer complete: expired (older than its
 * retention), or `in_progress` past its lock (its holder never committed an effect, since
 * effects and completion commit together). Conditional on the old token, so two takers cannot
 * both win.
 *
 * @param db - database or transaction handle
 * @param previousToken - the token read from the row
 * @param claim - the new claim
 * @param now - the current time
 * @returns whether this call took the key over
 * @example
 * if (await takeOverClaim(db, row.lock_token, claim, now)) { … }
 */
export async function takeOverClaim(db: Kysely<DB>, previousToken: string, claim: NewClaim, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const result = await db
    .updateTable('idempotency_keys')
    .set({
      request_method: claim.method,
      request_path: claim.path,
      request_hash: claim.requestHash,
      status: 'in_progress',
      lock_token: claim.lockToken,
      locked_until: claim.lockedUntil.toISOString(),
      response_status: null,
      response_content_type: null,
      response_body: null,
      created_at: claim.createdAt.toISOString(),
      expires_at: claim.expiresAt.toISOString(),
    })
    .where('user_id', '=', claim.userId)
    .where('key', '=', claim.key)
    .where('lock_token', '=', previousToken)
    .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb.and([eb('status', '=', 'in_progress'), eb('locked_until', '<=', nowIso)])]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Stores the response of a claim and marks the key `completed`, if the claim is still held.
 *
 * @param db - the transaction of the request's effects (so both commit or neither), or the
 *   database for responses without effects
 * @param owner - user, key and the claim's token
 * @param response - what to replay
 * @returns whether the claim was still held (false: it was taken over; the caller must abort)
 * @example
 * const stored = await completeClaim(trx, owner, { status: 201, contentType: 'application/json', body });
 */
export async function completeClaim(
  db: Kysely<DB>,
  owner: { readonly userId: string; readonly key: string; readonly lockToken: string },
  response: StoredResponse,
): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_keys')
    .set({
      status: 'completed',
      response_status: response.status,
      response_content_type: response.contentType,
      response_body: response.body,
    })
    .where('user_id', '=', owner.userId)
    .where('key', '=', owner.key)
    .where('lock_token', '=', owner.lockToken)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Deletes a claim that must not be stored (the request failed validation), if still held.
 *
 * @param db - database or transaction handle
 * @param owner - user, key and the claim's token
 * @example
 * await deleteClaim(db, owner);
 */
export async function deleteClaim(
  db: Kysely<DB>,
  owner: { readonly userId: string; readonly key: string; readonly lockToken: string },
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', owner.userId)
    .where('key', '=', owner.key)
    .where('lock_token', '=', owner.lockToken)
    .where('status', '=', 'in_progress')
    .execute();
}
