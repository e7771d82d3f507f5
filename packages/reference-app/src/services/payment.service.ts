import { GatewayOutcomeUnknownError, GatewayUnavailableError } from '../gateways/gateway.errors.js';
import type { PaymentGateways } from '../gateways/gateway.registry.js';
import type { GatewayOutcome } from '../gateways/payment.gateway.js';
import { salesAccountId, paymentError, type Payment, type PaymentChannel } from '../domain/payment.js';
import type { Order } from '../domain/order.js';
import { BusinessRuleError, ConflictError, DependencyError, InternalError, NotFoundError } from '../errors/app-error.js';
import { findWallet } from '../repositories/account.repository.js';
import { findOrder, transitionOrder } from '../repositories/order.repository.js';
import { findPayment, insertPayment, raiseAttempts, recordUnsettledAttempts } from '../repositories/payment.repository.js';
import { postMovement } from './ledger-posting.js';
import { settleGatewayPaymentFailed, settleGatewayPaymentSucceeded } from './payment-settlement.js';
import type { ServiceDeps, TransactionHooks } from './service-deps.js';

/** A payment request. `paymentMethod` defaults to `pm_ok` for gateway channels. */
export interface PayInput {
  readonly channel: PaymentChannel;
  readonly paymentMethod?: string | undefined;
}

/** Timing the payment flow needs beyond the service dependencies. */
export interface PaymentTiming {
  /** Longest a gateway call can take, retries and backoff included. */
  readonly maxGatewayCallMs: number;
  /** `RECONCILE_AFTER_MS`: how long a payment stays `processing` before the reconciler asks. */
  readonly reconcileAfterMs: number;
}

/**
 * Paying orders. Gateway payments follow record-intent → commit → call → record-outcome: the
 * gateway is never called inside a database transaction, and an unknown outcome is left
 * `processing` for a webhook or the reconciler, never guessed.
 *
 * @example
 * const payment = await payments.pay(userId, orderId, { channel: 'card', paymentMethod: 'pm_ok' });
 */
export interface PaymentService {
  /**
   * Pays a pending order. Resolves with a `succeeded` (201) or `processing` (202) payment.
   *
   * @param hooks - `beforeCommit` runs in the transaction that records the final answer
   * @throws {NotFoundError} unknown or another user's order
   * @throws {ConflictError} `invalid_state_transition`: the order is not pending (or being paid)
   * @throws {BusinessRuleError} `insufficient_funds` (wallet) or `payment_declined` (with `paymentId`)
   * @throws {DependencyError} `gateway_unavailable` with `retryAfterSeconds`; nothing was charged
   */
  pay(userId: string, orderId: string, input: PayInput, hooks?: TransactionHooks<Payment>): Promise<Payment>;
  /** @throws {NotFoundError} unknown or another user's payment */
  get(userId: string, paymentId: string): Promise<Payment>;
}

function notPayable(order: Order | undefined): Error {
  return order === undefined
    ? new NotFoundError('The order was not found.')
    : new ConflictError('invalid_state_transition', 'Only a pending order that is not already being paid can be paid.');
}

/**
 * @param deps - service dependencies
 * @param gateways - one gateway per channel
 * @param timing - gateway call bound and reconcile delay
 * @example
 * const payments = createPaymentService(deps, gateways, { maxGatewayCallMs: 8000, reconcileAfterMs: 5000 });
 */
export function createPaymentService(deps: ServiceDeps, gateways: PaymentGateways, timing: PaymentTiming): PaymentService {
  const { database, clock, ids, retryTransaction } = deps;

  async function payFromWallet(userId: string, orderId: string, hooks: TransactionHooks<Payment>): Promise<Payment> {
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        const now = clock.now();
        const paid = await transitionOrder(trx, orderId, { from: ['pending'], to: 'paid', at: now, userId });
        const order = await findOrder(trx, orderId, userId);
        if (!paid || order === undefined) {
          throw notPayable(order);
        }
        const wallet = await findWallet(trx, userId, order.currency);
        if (wallet === undefined) {
          throw new InternalError(`User ${userId} has no ${order.currency} wallet.`);
        }
        const payment: Payment = {
          id: ids.next('pay'),
          orderId,
          userId,
          channel: 'wallet',
          paymentMethod: null,
          amount: order.total,
          currency: order.currency,
          status: 'succeeded',
          refundedAmount: 0,
          pendingRefundAmount: 0,
          attempts: 1,
          lastError: null,
          gatewayKey: null,
          createdAt: now,
          updatedAt: now,
        };
        await insertPayment(trx, payment, null);
        // Throws insufficient_funds when the wallet does not cover the total: everything rolls back.
        await postMovement(trx, ids, {
          type: 'payment',
          id: payment.id,
          currency: order.currency,
          createdAt: now,
          legs: [
            { accountId: wallet.id, amount: -order.total },
            { accountId: salesAccountId(order.currency), amount: order.total },
          ],
        });
        await hooks.beforeCommit?.(trx, payment);
        return payment;
      }),
    );
  }

  /** Step 1: order `pending → paying` and a `processing` payment, committed before any call. */
  async function recordIntent(userId: string, orderId: string, channel: PaymentChannel, paymentMethod: string): Promise<Payment> {
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        const now = clock.now();
        const claimed = await transitionOrder(trx, orderId, { from: ['pending'], to: 'paying', at: now, userId });
        const order = await findOrder(trx, orderId, userId);
        if (!claimed || order === undefined) {
          throw notPayable(order);
        }
        const id = ids.next('pay');
        const payment: Payment = {
          id,
          orderId,
          userId,
          channel,
          paymentMethod,
          amount: order.total,
          currency: order.currency,
          status: 'processing',
          refundedAmount: 0,
          pendingRefundAmount: 0,
          attempts: 0,
          lastError: null,
          gatewayKey: `gk_${id}`,
          createdAt: now,
          updatedAt: now,
        };
        // The reconciler must not ask before this call has certainly ended, or it could find
        // "not found" for a charge still on its way.
        const reconcileAt = new Date(now.getTime() + Math.max(timing.maxGatewayCallMs, timing.reconcileAfterMs));
        await insertPayment(trx, payment, reconcileAt);
        return payment;
      }),
    );
  }

  /** Step 3: record a definitive answer; whoever settled first (webhook, reconciler) wins. */
  async function recordOutcome(payment: Payment, outcome: GatewayOutcome, hooks: TransactionHooks<Payment>): Promise<Payment> {
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        const at = clock.now();
        if (outcome.status === 'succeeded') {
          await settleGatewayPaymentSucceeded(trx, ids, payment, { attempts: outcome.attempts, gatewayId: outcome.gatewayId, at });
        } else {
          await settleGatewayPaymentFailed(trx, payment, { attempts: outcome.attempts, lastError: paymentError(outcome.declineCode), at });
        }
        // A webhook may have settled it first; the attempt count is still ours to record.
        await raiseAttempts(trx, payment.id, outcome.attempts);
        const settled = await findPayment(trx, payment.id, undefined);
        if (settled === undefined) {
          throw new InternalError(`Payment ${payment.id} vanished.`);
        }
        if (settled.status === 'failed') {
          return settled;
        }
        await hooks.beforeCommit?.(trx, settled);
        return settled;
      }),
    );
  }

  /**
   * Step 3 when every attempt timed out: keep the payment `processing` (due for the reconciler)
   * and store the 202 — unless a webhook settled it meanwhile, which then decides the answer.
   */
  async function recordUnknownOutcome(payment: Payment, attempts: number, hooks: TransactionHooks<Payment>): Promise<Payment> {
    return retryTransaction.execute(() =>
      database.db.transaction().execute(async (trx) => {
        const at = clock.now();
        await recordUnsettledAttempts(trx, payment.id, {
          attempts,
          lastError: paymentError('gateway_timeout'),
          reconcileAt: new Date(at.getTime() + timing.reconcileAfterMs),
          at,
        });
        await raiseAttempts(trx, payment.id, attempts);
        const current = await findPayment(trx, payment.id, undefined);
        if (current === undefined) {
          throw new InternalError(`Payment ${payment.id} vanished.`);
        }
        if (current.status !== 'failed') {
          await hooks.beforeCommit?.(trx, current);
        }
        return current;
      }),
    );
  }

  /** Step 3 when the gateway certainly did not charge (unavailable, or refused the request). */
  async function recordNotCharged(payment: Payment, attempts: number | undefined): Promise<void> {
    await retryTransaction.execute(() =>
      database.db.transaction().execute((trx) =>
        settleGatewayPaymentFailed(trx, payment, { attempts, lastError: paymentError('gateway_unavailable'), at: clock.now() }),
      ),
    );
  }

  async function payThroughGateway(
    userId: string,
    orderId: string,
    input: PayInput & { readonly channel: Exclude<PaymentChannel, 'wallet'> },
    hooks: TransactionHooks<Payment>,
  ): Promise<Payment> {
    const gateway = gateways[input.channel];
    const breaker = gateway.breaker();
    if (breaker.state === 'open' && breaker.retryAfterMs > 0) {
      // Fail fast before recording anything: the call would be refused anyway.
      throw new DependencyError('gateway_unavailable', 'The payment gateway is unavailable; nothing was charged.', {
        retryAfterSeconds: Math.max(1, Math.ceil(breaker.retryAfterMs / 1000)),
      });
    }
    const payment = await recordIntent(userId, orderId, input.channel, input.paymentMethod ?? 'pm_ok');
    let outcome: GatewayOutcome;
    try {
      // Step 2, outside any transaction.
      outcome = await gateway.charge({
        key: payment.gatewayKey ?? payment.id,
        reference: payment.id,
        amount: payment.amount,
        currency: payment.currency,
        paymentMethod: payment.paymentMethod ?? 'pm_ok',
      });
    } catch (error) {
      if (error instanceof GatewayOutcomeUnknownError) {
        const current = await recordUnknownOutcome(payment, error.attempts, hooks);
        if (current.status === 'failed') {
          throw new BusinessRuleError('payment_declined', current.lastError?.detail ?? 'The payment was declined.', {
            extensions: { paymentId: payment.id },
            cause: error,
          });
        }
        return current;
      }
      await recordNotCharged(payment, error instanceof GatewayUnavailableError ? error.attempts : undefined);
      if (error instanceof GatewayUnavailableError) {
        throw new DependencyError('gateway_unavailable', 'The payment gateway is unavailable; nothing was charged.', {
          retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)),
          cause: error,
          extensions: { paymentId: payment.id },
        });
      }
      throw new InternalError('The payment gateway answered outside its protocol.', { cause: error });
    }
    const settled = await recordOutcome(payment, outcome, hooks);
    if (settled.status === 'failed') {
      throw new BusinessRuleError('payment_declined', settled.lastError?.detail ?? 'The payment was declined.', {
        extensions: { paymentId: settled.id },
      });
    }
    return settled;
  }

  return {
    async pay(userId, orderId, input, hooks = {}) {
      if (input.channel === 'wallet') {
        return payFromWallet(userId, orderId, hooks);
      }
      return payThroughGateway(userId, orderId, { ...input, channel: input.channel }, hooks);
    },

    async get(userId, paymentId) {
      const payment = await findPayment(database.db, paymentId, userId);
      if (payment === undefined) {
        throw new NotFoundError('The payment was not found.');
      }
      return payment;
    },
  };
}
