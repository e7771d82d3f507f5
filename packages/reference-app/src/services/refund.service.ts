import { GatewayOutcomeUnknownError, GatewayUnavailableError } from '../gateways/gateway.errors.js';
import type { PaymentGateways } from '../gateways/gateway.registry.js';
import type { GatewayOutcome } from '../gateways/payment.gateway.js';
import { refundableAmount, salesAccountId, type Payment, type Refund } from '../domain/payment.js';
import { ConflictError, DependencyError, InternalError, NotFoundError } from '../errors/app-error.js';
import { findWallet } from '../repositories/account.repository.js';
import { bookRefundAmount, findPayment, reserveRefundAmount } from '../repositories/payment.repository.js';
import { findRefund, insertRefund, scheduleRefundReconcile } from '../repositories/refund.repository.js';
import { postMovement } from './ledger-posting.js';
import { mirrorRefundOnOrder, settleGatewayRefundFailed, settleGatewayRefundSucceeded } from './payment-settlement.js';
import type { PaymentTiming } from './payment.service.js';
import type { ServiceDeps, TransactionHooks } from './service-deps.js';

/** A refund request; `amount` defaults to what is left to refund. */
export interface RefundInput {
  readonly amount?: number | undefined;
  readonly reason: string;
}

/**
 * Refunds. Σ of succeeded and pending refunds never exceeds the amount paid: the amount is
 * reserved on the payment row by a guarded update (and a `CHECK`) before the gateway is called.
 *
 * @example
 * const refund = await refunds.refund(userId, paymentId, { amount: 60, reason: 'damaged' });
 */
export interface RefundService {
  /**
   * Refunds a payment: `succeeded` (wallet, or the gateway agreed), `pending` (gateway outcome
   * unknown; settled later) or `failed` (the gateway declined; nothing changed).
   *
   * @throws {NotFoundError} unknown or another user's payment
   * @throws {ConflictError} `refund_exceeds_captured` or `invalid_state_transition`
   * @throws {DependencyError} `gateway_unavailable`; nothing changed
   */
  refund(userId: string, paymentId: string, input: RefundInput, hooks?: TransactionHooks<Refund>): Promise<Refund>;
}

function exceeds(): ConflictError {
  return new ConflictError('refund_exceeds_captured', 'The refund would exceed what is left of the amount paid.');
}

function checkRefundable(payment: Payment | undefined): Payment {
  if (payment === undefined) {
    throw new NotFoundError('The payment was not found.');
  }
  if (payment.status === 'refunded') {
    throw exceeds();
  }
  if (payment.status !== 'succeeded' && payment.status !== 'partially_refunded') {
    throw new ConflictError('invalid_state_transition', 'Only a succeeded payment can be refunded.');
  }
  return payment;
}

/**
 * @param deps - service dependencies
 * @param gateways - one gateway per channel
 * @param timing - gateway call bound and reconcile delay
 * @example
 * const refunds = createRefundService(deps, gateways, timing);
 */
export function createRefundService(deps: ServiceDeps, gateways: PaymentGateways, timing: PaymentTiming): RefundService {
  const { database, clock, ids, retryTransaction } = deps;

  async function refundToWallet(payment: Payment, amount: number, reason: string, hooks: TransactionHooks<Refund>): Promise<Refund> {
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        const now = clock.now();
        const status = await bookRefundAmount(trx, payment.id, { amount, wasPending: false, at: now });
        if (status === undefined) {
          throw exceeds();
        }
        if (status !== 'partially_refunded' && status !== 'refunded') {
          throw new InternalError(`Payment ${payment.id} has status ${status} after a refund.`);
        }
        const wallet = await findWallet(trx, payment.userId, payment.currency);
        if (wallet === undefined) {
          throw new InternalError(`User ${payment.userId} has no ${payment.currency} wallet.`);
        }
        const refund: Refund = { id: ids.next('rf'), paymentId: payment.id, userId: payment.userId, amount, status: 'succeeded', reason, gatewayKey: null, createdAt: now };
        await insertRefund(trx, refund, null);
        await mirrorRefundOnOrder(trx, payment, status, now);
        await postMovement(trx, ids, {
          type: 'refund',
          id: refund.id,
          currency: payment.currency,
          createdAt: now,
          legs: [
            { accountId: salesAccountId(payment.currency), amount: -amount },
            { accountId: wallet.id, amount },
          ],
        });
        await hooks.beforeCommit?.(trx, refund);
        return refund;
      }),
    );
  }

  /** Step 1: reserve the amount and record a pending refund, committed before any call. */
  async function recordIntent(payment: Payment, amount: number, reason: string): Promise<Refund> {
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await reserveRefundAmount(trx, payment.id, amount, now))) {
          throw exceeds();
        }
        const id = ids.next('rf');
        const refund: Refund = { id, paymentId: payment.id, userId: payment.userId, amount, status: 'pending', reason, gatewayKey: `gk_${id}`, createdAt: now };
        await insertRefund(trx, refund, new Date(now.getTime() + Math.max(timing.maxGatewayCallMs, timing.reconcileAfterMs)));
        return refund;
      }),
    );
  }

  /** The outcome is unknown: keep it pending (due for the reconciler) and store the 202. */
  async function recordUnknownOutcome(refund: Refund, hooks: TransactionHooks<Refund>): Promise<Refund> {
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        await scheduleRefundReconcile(trx, refund.id, new Date(clock.now().getTime() + timing.reconcileAfterMs));
        const current = await findRefund(trx, refund.id);
        if (current === undefined) {
          throw new InternalError(`Refund ${refund.id} vanished.`);
        }
        await hooks.beforeCommit?.(trx, current);
        return current;
      }),
    );
  }

  async function refundThroughGateway(payment: Payment, amount: number, reason: string, hooks: TransactionHooks<Refund>): Promise<Refund> {
    if (payment.channel === 'wallet' || payment.gatewayKey === null) {
      throw new InternalError(`Payment ${payment.id} has no gateway charge.`);
    }
    const gateway = gateways[payment.channel];
    const refund = await recordIntent(payment, amount, reason);
    let outcome: GatewayOutcome;
    try {
      outcome = await gateway.refund({ key: refund.gatewayKey ?? refund.id, chargeKey: payment.gatewayKey, reference: refund.id, amount });
    } catch (error) {
      if (error instanceof GatewayOutcomeUnknownError) {
        return recordUnknownOutcome(refund, hooks);
      }
      await database.db.transaction().execute((trx) => settleGatewayRefundFailed(trx, refund, clock.now()));
      if (error instanceof GatewayUnavailableError) {
        throw new DependencyError('gateway_unavailable', 'The payment gateway is unavailable; nothing was refunded.', {
          retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)),
          cause: error,
        });
      }
      throw new InternalError('The payment gateway answered outside its protocol.', { cause: error });
    }
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        const at = clock.now();
        if (outcome.status === 'succeeded') {
          await settleGatewayRefundSucceeded(trx, ids, refund, at);
        } else {
          await settleGatewayRefundFailed(trx, refund, at);
        }
        const settled = await findRefund(trx, refund.id);
        if (settled === undefined) {
          throw new InternalError(`Refund ${refund.id} vanished.`);
        }
        await hooks.beforeCommit?.(trx, settled);
        return settled;
      }),
    );
  }

  return {
    async refund(userId, paymentId, input, hooks = {}) {
      const payment = checkRefundable(await findPayment(database.db, paymentId, userId));
      const amount = input.amount ?? refundableAmount(payment);
      if (amount <= 0) {
        throw exceeds();
      }
      return payment.channel === 'wallet'
        ? refundToWallet(payment, amount, input.reason, hooks)
        : refundThroughGateway(payment, amount, input.reason, hooks);
    },
  };
}
