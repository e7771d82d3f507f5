import type { Kysely } from 'kysely';
import type { PaymentRow } from '../db/orders.schema.js';
import { toDate, type DB } from '../db/schema.js';
import type { Payment, PaymentError } from '../domain/payment.js';
import type { PaymentStatus } from '../domain/payment.state-machine.js';

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    userId: row.user_id,
    channel: row.channel,
    paymentMethod: row.payment_method,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    refundedAmount: row.refunded_amount,
    pendingRefundAmount: row.pending_refund_amount,
    attempts: row.attempts,
    lastError:
      row.last_error_code === null ? null : { code: row.last_error_code, detail: row.last_error_detail ?? '' },
    gatewayKey: row.gateway_key,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * Inserts a payment. The partial unique index lets an order hold at most one payment that is not
 * `failed`, so a second concurrent attempt fails here even if a guard upstream were missing.
 *
 * @param db - the transaction that also moved the order
 * @param payment - the new payment
 * @param reconcileAt - when the reconciler may look at it (gateway payments), or `null`
 * @example
 * await insertPayment(trx, payment, reconcileAt);
 */
export async function insertPayment(db: Kysely<DB>, payment: Payment, reconcileAt: Date | null): Promise<void> {
  await db
    .insertInto('payments')
    .values({
      id: payment.id,
      order_id: payment.orderId,
      user_id: payment.userId,
      channel: payment.channel,
      payment_method: payment.paymentMethod,
      amount: payment.amount,
      currency: payment.currency,
      status: payment.status,
      refunded_amount: payment.refundedAmount,
      pending_refund_amount: payment.pendingRefundAmount,
      attempts: payment.attempts,
      last_error_code: payment.lastError?.code ?? null,
      last_error_detail: payment.lastError?.detail ?? null,
      gateway_key: payment.gatewayKey,
      gateway_id: null,
      reconcile_at: reconcileAt?.toISOString() ?? null,
      created_at: payment.createdAt.toISOString(),
      updated_at: payment.updatedAt.toISOString(),
    })
    .execute();
}

/**
 * Finds a payment, optionally only if it belongs to `userId`.
 *
 * @param db - database or transaction handle
 * @param paymentId - the payment
 * @param userId - the owner, or `undefined` for system callers
 * @returns the payment, or `undefined`
 * @example
 * const payment = await findPayment(db, id, userId);
 */
export async function findPayment(db: Kysely<DB>, paymentId: string, userId: string | undefined): Promise<Payment | undefined> {
  let query = db.selectFrom('payments').selectAll().where('id', '=', paymentId);
  if (userId !== undefined) {
    query = query.where('user_id', '=', userId);
  }
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toPayment(row);
}

/**
 * Settles a `processing` payment (guarded in the `WHERE` clause): of the synchronous answer, a
 * webhook and the reconciler, exactly one changes the row.
 *
 * @param db - the transaction that also moves the order and posts the ledger
 * @param paymentId - the payment
 * @param outcome - target status, attempts (kept if `undefined`), gateway id, error, time
 * @returns whether this call settled the payment
 * @example
 * if (await settlePayment(trx, id, { to: 'succeeded', attempts: 1, gatewayId, lastError: null, at: now })) { … }
 */
export async function settlePayment(
  db: Kysely<DB>,
  paymentId: string,
  outcome: {
    readonly to: Extract<PaymentStatus, 'succeeded' | 'failed'>;
    readonly attempts: number | undefined;
    readonly gatewayId: string | null;
    readonly lastError: PaymentError | null;
    readonly at: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('payments')
    .set((eb) => ({
      status: outcome.to,
      attempts: outcome.attempts ?? eb.ref('attempts'),
      gateway_id: outcome.gatewayId,
      last_error_code: outcome.lastError?.code ?? null,
      last_error_detail: outcome.lastError?.detail ?? null,
      reconcile_at: null,
      updated_at: outcome.at.toISOString(),
    }))
    .where('id', '=', paymentId)
    .where('status', '=', 'processing')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Records the attempts of a call whose outcome is unknown; the payment stays `processing` and
 * becomes due for reconciliation at `reconcileAt`.
 *
 * @param db - database or transaction handle
 * @param paymentId - the payment
 * @param update - attempts, the error to show meanwhile, when to reconcile, time
 * @returns whether the payment was still processing
 * @example
 * await recordUnsettledAttempts(db, id, { attempts: 3, lastError, reconcileAt, at: now });
 */
export async function recordUnsettledAttempts(
  db: Kysely<DB>,
  paymentId: string,
  update: { readonly attempts: number; readonly lastError: PaymentError; readonly reconcileAt: Date; readonly at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('payments')
    .set({
      attempts: update.attempts,
      last_error_code: update.lastError.code,
      last_error_detail: update.lastError.detail,
      reconcile_at: update.reconcileAt.toISOString(),
      updated_at: update.at.toISOString(),
    })
    .where('id', '=', paymentId)
    .where('status', '=', 'processing')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Gateway payments still `processing` whose reconcile time has come.
 *
 * @param db - database handle
 * @param now - the current time
 * @param limit - most payments to return
 * @example
 * for (const payment of await findPaymentsToReconcile(db, now, 100)) { … }
 */
export async function findPaymentsToReconcile(db: Kysely<DB>, now: Date, limit: number): Promise<Payment[]> {
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('status', '=', 'processing')
    .where('reconcile_at', '<=', now.toISOString())
    .orderBy('reconcile_at')
    .limit(limit)
    .execute();
  return rows.map(toPayment);
}

/**
 * Sets aside `amount` of a payment for a pending refund, only if the Σ of succeeded and pending
 * refunds stays within the amount paid — checked in the `WHERE` clause (and by a `CHECK`), so
 * concurrent refunds can never exceed what was paid.
 *
 * @param db - the refund's transaction
 * @param paymentId - the payment
 * @param amount - the refund amount
 * @param at - the time
 * @returns whether the amount was reserved
 * @example
 * if (!(await reserveRefundAmount(trx, payment.id, 60, now))) throw refundExceeds();
 */
export async function reserveRefundAmount(db: Kysely<DB>, paymentId: string, amount: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('payments')
    .set((eb) => ({ pending_refund_amount: eb('pending_refund_amount', '+', amount), updated_at: at.toISOString() }))
    .where('id', '=', paymentId)
    .where('status', 'in', ['succeeded', 'partially_refunded'])
    .where((eb) => eb(eb(eb('refunded_amount', '+', eb.ref('pending_refund_amount')), '+', amount), '<=', eb.ref('amount')))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Books a succeeded refund on its payment: moves `amount` from pending to refunded (or, for a
 * refund that never was pending, adds it under the same Σ ≤ paid guard) and sets the status to
 * `partially_refunded` or `refunded`.
 *
 * @param db - the refund's transaction
 * @param paymentId - the payment
 * @param refund - amount, whether it was reserved as pending, time
 * @returns the payment's new status, or `undefined` when the guard refused
 * @example
 * const status = await bookRefundAmount(trx, payment.id, { amount: 40, wasPending: true, at: now });
 */
export async function bookRefundAmount(
  db: Kysely<DB>,
  paymentId: string,
  refund: { readonly amount: number; readonly wasPending: boolean; readonly at: Date },
): Promise<PaymentStatus | undefined> {
  const pendingDelta = refund.wasPending ? refund.amount : 0;
  const row = await db
    .updateTable('payments')
    .set((eb) => ({
      refunded_amount: eb('refunded_amount', '+', refund.amount),
      pending_refund_amount: eb('pending_refund_amount', '-', pendingDelta),
      status: eb
        .case()
        .when(eb(eb('refunded_amount', '+', refund.amount), '=', eb.ref('amount')))
        .then('refunded' as const)
        .else('partially_refunded' as const)
        .end(),
      updated_at: refund.at.toISOString(),
    }))
    .where('id', '=', paymentId)
    .where('status', 'in', ['succeeded', 'partially_refunded'])
    .where('pending_refund_amount', '>=', pendingDelta)
    .where((eb) =>
      eb(eb(eb('refunded_amount', '+', eb.ref('pending_refund_amount')), '+', refund.amount - pendingDelta), '<=', eb.ref('amount')),
    )
    .returning('status')
    .executeTakeFirst();
  return row?.status;
}

/**
 * Releases the reservation of a refund that failed.
 *
 * @param db - the refund's transaction
 * @param paymentId - the payment
 * @param amount - the failed refund's amount
 * @param at - the time
 * @returns whether the reservation was released
 * @example
 * await releaseRefundAmount(trx, payment.id, refund.amount, now);
 */
export async function releaseRefundAmount(db: Kysely<DB>, paymentId: string, amount: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('payments')
    .set((eb) => ({ pending_refund_amount: eb('pending_refund_amount', '-', amount), updated_at: at.toISOString() }))
    .where('id', '=', paymentId)
    .where('pending_refund_amount', '>=', amount)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Raises the recorded attempt count of a payment (whoever settled it, the synchronous caller
 * knows how many HTTP attempts it made).
 *
 * @param db - database or transaction handle
 * @param paymentId - the payment
 * @param attempts - attempts made by the caller
 * @example
 * await raiseAttempts(trx, payment.id, outcome.attempts);
 */
export async function raiseAttempts(db: Kysely<DB>, paymentId: string, attempts: number): Promise<void> {
  await db.updateTable('payments').set({ attempts }).where('id', '=', paymentId).where('attempts', '<', attempts).execute();
}
