import type { Kysely } from 'kysely';
import type { RefundRow } from '../db/orders.schema.js';
import { toDate, type DB } from '../db/schema.js';
import type { Refund } from '../domain/payment.js';
import type { RefundStatus } from '../domain/refund.state-machine.js';

function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    paymentId: row.payment_id,
    userId: row.user_id,
    amount: row.amount,
    status: row.status,
    reason: row.reason,
    gatewayKey: row.gateway_key,
    createdAt: toDate(row.created_at),
  };
}

/**
 * Inserts a refund.
 *
 * @param db - the transaction that reserved (or booked) its amount on the payment
 * @param refund - the new refund
 * @param reconcileAt - when the reconciler may query the gateway (gateway refunds), or `null`
 * @example
 * await insertRefund(trx, refund, reconcileAt);
 */
export async function insertRefund(db: Kysely<DB>, refund: Refund, reconcileAt: Date | null): Promise<void> {
  await db
    .insertInto('refunds')
    .values({
      id: refund.id,
      payment_id: refund.paymentId,
      user_id: refund.userId,
      amount: refund.amount,
      status: refund.status,
      reason: refund.reason,
      gateway_key: refund.gatewayKey,
      reconcile_at: reconcileAt?.toISOString() ?? null,
      created_at: refund.createdAt.toISOString(),
      updated_at: refund.createdAt.toISOString(),
    })
    .execute();
}

/**
 * Finds a refund by id.
 *
 * @param db - database or transaction handle
 * @param refundId - the refund
 * @example
 * const refund = await findRefund(db, id);
 */
export async function findRefund(db: Kysely<DB>, refundId: string): Promise<Refund | undefined> {
  const row = await db.selectFrom('refunds').selectAll().where('id', '=', refundId).executeTakeFirst();
  return row === undefined ? undefined : toRefund(row);
}

/**
 * Settles a `pending` refund, guarded in the `WHERE` clause so only one settler wins.
 *
 * @param db - the transaction that also books or releases the amount
 * @param refundId - the refund
 * @param to - `succeeded` or `failed`
 * @param at - the time
 * @returns whether this call settled it
 * @example
 * if (await settleRefund(trx, refund.id, 'succeeded', now)) { … }
 */
export async function settleRefund(
  db: Kysely<DB>,
  refundId: string,
  to: Extract<RefundStatus, 'succeeded' | 'failed'>,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('refunds')
    .set({ status: to, reconcile_at: null, updated_at: at.toISOString() })
    .where('id', '=', refundId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Pending gateway refunds whose reconcile time has come.
 *
 * @param db - database handle
 * @param now - the current time
 * @param limit - most refunds to return
 * @example
 * const due = await findRefundsToReconcile(db, now, 100);
 */
export async function findRefundsToReconcile(db: Kysely<DB>, now: Date, limit: number): Promise<Refund[]> {
  const rows = await db
    .selectFrom('refunds')
    .selectAll()
    .where('status', '=', 'pending')
    .where('reconcile_at', '<=', now.toISOString())
    .orderBy('reconcile_at')
    .limit(limit)
    .execute();
  return rows.map(toRefund);
}

/**
 * Sets when a pending refund becomes due for reconciliation.
 *
 * @param db - database handle
 * @param refundId - the refund
 * @param reconcileAt - when
 * @example
 * await scheduleRefundReconcile(db, refund.id, later);
 */
export async function scheduleRefundReconcile(db: Kysely<DB>, refundId: string, reconcileAt: Date): Promise<void> {
  await db
    .updateTable('refunds')
    .set({ reconcile_at: reconcileAt.toISOString() })
    .where('id', '=', refundId)
    .where('status', '=', 'pending')
    .execute();
}
