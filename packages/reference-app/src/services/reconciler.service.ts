import { GatewayUnavailableError } from '../gateways/gateway.errors.js';
import type { PaymentGateways } from '../gateways/gateway.registry.js';
import type { GatewayLookup } from '../gateways/payment.gateway.js';
import { paymentError, type Payment, type Refund } from '../domain/payment.js';
import { findPayment, findPaymentsToReconcile } from '../repositories/payment.repository.js';
import { findRefundsToReconcile, scheduleRefundReconcile } from '../repositories/refund.repository.js';
import {
  settleGatewayPaymentFailed,
  settleGatewayPaymentSucceeded,
  settleGatewayRefundFailed,
  settleGatewayRefundSucceeded,
} from './payment-settlement.js';
import type { ServiceDeps } from './service-deps.js';

/** What reconciling one item did: settled it, found it settled already, or must ask again later. */
type ItemResult = 'settled' | 'unchanged' | 'deferred';

/** What one reconciliation round did. */
export interface ReconcileReport {
  readonly paymentsSettled: number;
  readonly refundsSettled: number;
  /** Items left for a later round because the gateway could not be asked. */
  readonly deferred: number;
}

/**
 * Settles payments and refunds whose outcome is unknown by asking the gateway (status query by
 * the gateway idempotency key). Runs on an interval in `main.ts`; tests call `reconcileOnce`.
 *
 * @example
 * const report = await reconciler.reconcileOnce();
 */
export interface ReconcilerService {
  reconcileOnce(): Promise<ReconcileReport>;
}

/**
 * @param deps - service dependencies
 * @param gateways - one gateway per channel
 * @param options - `retryAfterMs`: when to ask again about an item the gateway could not answer
 * @example
 * const reconciler = createReconcilerService(deps, gateways, { retryAfterMs: 5000 });
 */
export function createReconcilerService(
  deps: ServiceDeps,
  gateways: PaymentGateways,
  options: { readonly retryAfterMs: number; readonly batchSize?: number },
): ReconcilerService {
  const { database, clock, ids, logger } = deps;
  const batchSize = options.batchSize ?? 100;

  /** Asks the gateway; `undefined` when it cannot answer now (breaker open, outage). */
  async function ask(lookup: () => Promise<GatewayLookup>): Promise<GatewayLookup | undefined> {
    try {
      return await lookup();
    } catch (error) {
      if (error instanceof GatewayUnavailableError) {
        return undefined;
      }
      throw error;
    }
  }

  async function reconcilePayment(payment: Payment): Promise<ItemResult> {
    const { channel, gatewayKey } = payment;
    if (channel === 'wallet' || gatewayKey === null) {
      return 'unchanged';
    }
    const found = await ask(() => gateways[channel].lookupCharge(gatewayKey));
    if (found === undefined) {
      return 'deferred';
    }
    const settled = await database.db.transaction().execute((trx) => {
      const at = clock.now();
      if (found.status === 'succeeded') {
        return settleGatewayPaymentSucceeded(trx, ids, payment, { attempts: undefined, gatewayId: found.gatewayId, at });
      }
      const code = found.status === 'declined' ? found.declineCode : 'not_charged';
      return settleGatewayPaymentFailed(trx, payment, { attempts: undefined, lastError: paymentError(code), at });
    });
    return settled ? 'settled' : 'unchanged';
  }

  async function reconcileRefund(refund: Refund, channel: Exclude<Payment['channel'], 'wallet'>): Promise<ItemResult> {
    const key = refund.gatewayKey;
    if (key === null) {
      return 'unchanged';
    }
    const found = await ask(() => gateways[channel].lookupRefund(key));
    if (found === undefined) {
      await scheduleRefundReconcile(database.db, refund.id, new Date(clock.now().getTime() + options.retryAfterMs));
      return 'deferred';
    }
    const settled = await database.db.transaction().execute((trx) =>
      found.status === 'succeeded'
        ? settleGatewayRefundSucceeded(trx, ids, refund, clock.now())
        : settleGatewayRefundFailed(trx, refund, clock.now()),
    );
    return settled ? 'settled' : 'unchanged';
  }

  return {
    async reconcileOnce() {
      let paymentsSettled = 0;
      let refundsSettled = 0;
      let deferred = 0;
      for (const payment of await findPaymentsToReconcile(database.db, clock.now(), batchSize)) {
        const result = await reconcilePayment(payment);
        if (result === 'deferred') {
          deferred += 1;
        } else if (result === 'settled') {
          paymentsSettled += 1;
          logger.info({ paymentId: payment.id }, 'reconciler settled a payment');
        }
      }
      for (const refund of await findRefundsToReconcile(database.db, clock.now(), batchSize)) {
        const payment = await findPayment(database.db, refund.paymentId, undefined);
        if (payment === undefined || payment.channel === 'wallet') {
          continue;
        }
        const result = await reconcileRefund(refund, payment.channel);
        if (result === 'deferred') {
          deferred += 1;
        } else if (result === 'settled') {
          refundsSettled += 1;
          logger.info({ refundId: refund.id }, 'reconciler settled a refund');
        }
      }
      return { paymentsSettled, refundsSettled, deferred };
    },
  };
}
