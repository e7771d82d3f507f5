import type { GatewayChannel, WebhookEvent } from '../gateways/gateway.schemas.js';
import { paymentError } from '../domain/payment.js';
import { findPayment } from '../repositories/payment.repository.js';
import { findRefund } from '../repositories/refund.repository.js';
import { insertWebhookEventIfAbsent, markWebhookEventApplied } from '../repositories/webhook-event.repository.js';
import {
  settleGatewayPaymentFailed,
  settleGatewayPaymentSucceeded,
  settleGatewayRefundFailed,
  settleGatewayRefundSucceeded,
} from './payment-settlement.js';
import type { ServiceDeps } from './service-deps.js';

/** What happened to a delivered event. */
export type WebhookResult = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies verified gateway events. The event id is recorded in the same transaction as its
 * effect, so a redelivery (even a concurrent one) is a no-op; an event that no longer applies
 * (out of order, already settled by the synchronous answer or the reconciler) changes nothing.
 *
 * @example
 * await webhooks.handle('card', event);
 */
export interface WebhookService {
  handle(channel: GatewayChannel, event: WebhookEvent): Promise<WebhookResult>;
}

/**
 * @param deps - service dependencies
 * @example
 * const webhooks = createWebhookService(deps);
 */
export function createWebhookService(deps: ServiceDeps): WebhookService {
  const { database, clock, ids, logger, retryTransaction } = deps;

  return {
    async handle(channel, event) {
      return retryTransaction.execute(() =>
        database.db.transaction().execute(async (trx): Promise<WebhookResult> => {
          const at = clock.now();
          const first = await insertWebhookEventIfAbsent(trx, {
            id: event.id,
            channel,
            type: event.type,
            reference: event.data.reference,
            outcome: 'ignored',
            receivedAt: at,
          });
          if (!first) {
            return 'duplicate';
          }
          let applied = false;
          if (event.type === 'payment.succeeded' || event.type === 'payment.failed') {
            const payment = await findPayment(trx, event.data.reference, undefined);
            const matches =
              payment !== undefined &&
              payment.channel === channel &&
              (event.data.amount === undefined || event.data.amount === payment.amount);
            if (payment !== undefined && matches) {
              applied =
                event.type === 'payment.succeeded'
                  ? await settleGatewayPaymentSucceeded(trx, ids, payment, { attempts: undefined, gatewayId: null, at })
                  : await settleGatewayPaymentFailed(trx, payment, { attempts: undefined, lastError: paymentError('declined'), at });
            }
          } else {
            const refund = await findRefund(trx, event.data.reference);
            const payment = refund === undefined ? undefined : await findPayment(trx, refund.paymentId, undefined);
            const matches =
              refund !== undefined &&
              payment?.channel === channel &&
              (event.data.amount === undefined || event.data.amount === refund.amount);
            if (refund !== undefined && matches) {
              applied =
                event.type === 'refund.succeeded'
                  ? await settleGatewayRefundSucceeded(trx, ids, refund, at)
                  : await settleGatewayRefundFailed(trx, refund, at);
            }
          }
          if (applied) {
            await markWebhookEventApplied(trx, event.id);
          } else {
            logger.info({ eventId: event.id, type: event.type }, 'webhook event did not apply');
          }
          return applied ? 'applied' : 'ignored';
        }),
      );
    },
  };
}
