import { GatewayUnavailableError } from '../gateways/gateway.errors.js';
import type { PaymentGateways } from '../gateways/gateway.registry.js';
import type { GatewayLookup } from '../gateways/payment.gateway.js';
import { paymentError, type Payment, type Refund } from '../domain/payment.js';
import { findPayment, findPaymentsToReconcile } from '../repositories/payment.repository.js';
import { findRefundsToReconcile } from '../repositories/refund.repository.js';
import {
  settleGatewayPaymentFailed,
  settleGatewayPaymentSucceeded,
  settleGatewayRefundFailed,
  settleGatewayRefundSucceeded,
} from './payment-settlement.js';
import type { ServiceDeps } from './service-deps.js';

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
 * @param options - `batchSize`: most payments and refunds per round (default 100)
 * @example
 * const reconciler = createReconcilerService(deps, gateways);
 */
export function createReconcilerService(
  deps: ServiceDeps,
  gateways: PaymentGateways,
  options: { readonly batchSize?: number } = {},
): ReconcilerService {
  const { database, clock, ids, logger, retryTransaction } = deps;
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

  return {
    async reconcileOnce() {
      const now = clock.now();
      let deferred = 0;
      // First every status query, outside any transaction (an item the gateway cannot answer
      // about stays due for the next round)…
      const paymentAnswers: { readonly payment: Payment; readonly found: GatewayLookup }[] = [];
      for (const payment of await findPaymentsToReconcile(database.db, now, batchSize)) {
        const { channel, gatewayKey } = payment;
        const found = channel === 'wallet' || gatewayKey === null ? undefined : await ask(() => gateways[channel].lookupCharge(gatewayKey));
        if (found === undefined) {
          deferred += 1;
        } else {
          paymentAnswers.push({ payment, found });
        }
      }
      const refundAnswers: { readonly refund: Refund; readonly found: GatewayLookup }[] = [];
      for (const refund of await findRefundsToReconcile(database.db, now, batchSize)) {
        const payment = await findPayment(database.db, refund.paymentId, undefined);
        const channel = payment?.channel;
        const key = refund.gatewayKey;
        const found = channel === undefined || channel === 'wallet' || key === null ? undefined : await ask(() => gateways[channel].lookupRefund(key));
        if (found === undefined) {
          deferred += 1;
        } else {
          refundAnswers.push({ refund, found });
        }
      }
      if (paymentAnswers.length === 0 && refundAnswers.length === 0) {
        return { paymentsSettled: 0, refundsSettled: 0, deferred };
      }
      // …then what they said, in one transaction. Each settle is guarded by the current status,
      // so an item a webhook settled meanwhile is left alone.
      const settled = await retryTransaction.execute(() =>
        database.db.transaction().execute(async (trx) => {
          const at = clock.now();
          const paymentIds: string[] = [];
          const refundIds: string[] = [];
          for (const { payment, found } of paymentAnswers) {
            const done =
              found.status === 'succeeded'
                ? await settleGatewayPaymentSucceeded(trx, ids, payment, { attempts: undefined, gatewayId: found.gatewayId, at })
                : await settleGatewayPaymentFailed(trx, payment, {
                    attempts: undefined,
                    lastError: paymentError(found.status === 'declined' ? found.declineCode : 'not_charged'),
                    at,
                  });
            if (done) {
              paymentIds.push(payment.id);
            }
          }
          for (const { refund, found } of refundAnswers) {
            const done =
              found.status === 'succeeded'
                ? await settleGatewayRefundSucceeded(trx, ids, refund, at)
                : await settleGatewayRefundFailed(trx, refund, at);
            if (done) {
              refundIds.push(refund.id);
            }
          }
          return { paymentIds, refundIds };
        }),
      );
      if (settled.paymentIds.length + settled.refundIds.length > 0) {
        logger.info(settled, 'reconciler settled payments and refunds');
      }
      return { paymentsSettled: settled.paymentIds.length, refundsSettled: settled.refundIds.length, deferred };
    },
  };
}
