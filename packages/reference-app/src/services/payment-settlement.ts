import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { systemAccountId } from '../domain/account.js';
import type { IdGenerator } from '../domain/ids.js';
import { salesAccountId, type Payment, type PaymentError, type Refund } from '../domain/payment.js';
import { InternalError } from '../errors/app-error.js';
import { transitionOrder } from '../repositories/order.repository.js';
import { bookRefundAmount, findPayment, releaseRefundAmount, settlePayment } from '../repositories/payment.repository.js';
import { settleRefund } from '../repositories/refund.repository.js';
import { postMovement } from './ledger-posting.js';

/**
 * The one place where a payment or refund outcome is written, whoever learnt it first: the
 * synchronous gateway answer, a webhook or the reconciler. Each step is guarded by the current
 * status in its `WHERE` clause, so racing settlers produce exactly one transition and one set of
 * ledger entries; the losers see `false` and change nothing.
 */

/**
 * Settles a processing gateway payment as succeeded: payment `succeeded`, order `paying → paid`,
 * ledger legs funding → sales.
 *
 * @param trx - the settling transaction
 * @param ids - mints ledger entry ids
 * @param payment - the payment (as read before the gateway call is fine: only ids and amounts are used)
 * @param outcome - attempts (`undefined` keeps the stored count), gateway id, time
 * @returns whether this call settled it
 * @example
 * await settleGatewayPaymentSucceeded(trx, ids, payment, { attempts: 1, gatewayId: 'ch_1', at: now });
 */
export async function settleGatewayPaymentSucceeded(
  trx: Transaction<DB>,
  ids: IdGenerator,
  payment: Payment,
  outcome: { readonly attempts: number | undefined; readonly gatewayId: string | null; readonly at: Date },
): Promise<boolean> {
  if (!(await settlePayment(trx, payment.id, { to: 'succeeded', lastError: null, ...outcome }))) {
    return false;
  }
  if (!(await transitionOrder(trx, payment.orderId, { from: ['paying'], to: 'paid', at: outcome.at }))) {
    throw new InternalError(`Order ${payment.orderId} of processing payment ${payment.id} was not being paid.`);
  }
  await postMovement(trx, ids, {
    type: 'payment',
    id: payment.id,
    currency: payment.currency,
    createdAt: outcome.at,
    legs: [
      { accountId: systemAccountId('funding', payment.currency), amount: -payment.amount, allowNegative: true },
      { accountId: salesAccountId(payment.currency), amount: payment.amount },
    ],
  });
  return true;
}

/**
 * Settles a processing gateway payment as failed: payment `failed` with a user-safe error, order
 * `paying → pending` (payable again, or cancellable — the saga's compensation).
 *
 * @param trx - the settling transaction
 * @param payment - the payment
 * @param outcome - attempts (`undefined` keeps the stored count), the error, time
 * @returns whether this call settled it
 * @example
 * await settleGatewayPaymentFailed(trx, payment, { attempts: 1, lastError: paymentError('card_declined'), at: now });
 */
export async function settleGatewayPaymentFailed(
  trx: Transaction<DB>,
  payment: Payment,
  outcome: { readonly attempts: number | undefined; readonly lastError: PaymentError; readonly at: Date },
): Promise<boolean> {
  if (!(await settlePayment(trx, payment.id, { to: 'failed', gatewayId: null, ...outcome }))) {
    return false;
  }
  if (!(await transitionOrder(trx, payment.orderId, { from: ['paying'], to: 'pending', at: outcome.at }))) {
    throw new InternalError(`Order ${payment.orderId} of processing payment ${payment.id} was not being paid.`);
  }
  return true;
}

/**
 * Mirrors a payment's refund state onto its order (`partially_refunded` / `refunded`).
 *
 * @param trx - the refund's transaction
 * @param payment - the payment
 * @param status - the payment's status after the refund
 * @param at - the time
 * @example
 * await mirrorRefundOnOrder(trx, payment, 'refunded', now);
 */
export async function mirrorRefundOnOrder(
  trx: Transaction<DB>,
  payment: Pick<Payment, 'id' | 'orderId'>,
  status: 'partially_refunded' | 'refunded',
  at: Date,
): Promise<void> {
  if (!(await transitionOrder(trx, payment.orderId, { from: ['paid', 'partially_refunded'], to: status, at }))) {
    throw new InternalError(`Order ${payment.orderId} of refunded payment ${payment.id} is not paid.`);
  }
}

/**
 * Settles a pending gateway refund as succeeded: refund `succeeded`, its reserved amount booked
 * as refunded, payment and order marked (partially) refunded, ledger legs sales → funding.
 *
 * @param trx - the settling transaction
 * @param ids - mints ledger entry ids
 * @param refund - the pending refund
 * @param at - the time
 * @returns whether this call settled it
 * @example
 * await settleGatewayRefundSucceeded(trx, ids, refund, now);
 */
export async function settleGatewayRefundSucceeded(trx: Transaction<DB>, ids: IdGenerator, refund: Refund, at: Date): Promise<boolean> {
  if (!(await settleRefund(trx, refund.id, 'succeeded', at))) {
    return false;
  }
  const status = await bookRefundAmount(trx, refund.paymentId, { amount: refund.amount, wasPending: true, at });
  const payment = await findPayment(trx, refund.paymentId, undefined);
  if (status === undefined || payment === undefined || status === 'processing' || status === 'succeeded' || status === 'failed') {
    throw new InternalError(`Refund ${refund.id} had no reservation on payment ${refund.paymentId}.`);
  }
  await mirrorRefundOnOrder(trx, payment, status, at);
  await postMovement(trx, ids, {
    type: 'refund',
    id: refund.id,
    currency: payment.currency,
    createdAt: at,
    legs: [
      { accountId: salesAccountId(payment.currency), amount: -refund.amount },
      { accountId: systemAccountId('funding', payment.currency), amount: refund.amount, allowNegative: true },
    ],
  });
  return true;
}

/**
 * Settles a pending gateway refund as failed: refund `failed` and its reservation released, so
 * a failed refund changes nothing else.
 *
 * @param trx - the settling transaction
 * @param refund - the pending refund
 * @param at - the time
 * @returns whether this call settled it
 * @example
 * await settleGatewayRefundFailed(trx, refund, now);
 */
export async function settleGatewayRefundFailed(trx: Transaction<DB>, refund: Refund, at: Date): Promise<boolean> {
  if (!(await settleRefund(trx, refund.id, 'failed', at))) {
    return false;
  }
  if (!(await releaseRefundAmount(trx, refund.paymentId, refund.amount, at))) {
    throw new InternalError(`Refund ${refund.id} had no reservation on payment ${refund.paymentId}.`);
  }
  return true;
}
