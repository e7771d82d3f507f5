import { gatewayChannels } from '../gateways/gateway.schemas.js';
import type { GatewayObserver } from '../gateways/payment.gateway.js';
import type { AlertNotifier } from './alert.notifier.js';
import type { Metrics } from './metrics.js';

const breakerGauge = { closed: 0, open: 1, half_open: 2 } as const;

/**
 * Connects the gateway client to metrics (`gateway_calls_total{channel,outcome}`,
 * `circuit_breaker_state{channel}`) and raises a `breaker_open` alert when a breaker opens.
 *
 * @param metrics - the app's metrics
 * @param alerts - the alert hook (its own rate limit applies)
 * @returns the observer to pass to `createPaymentGateways`
 * @example
 * const gateways = createPaymentGateways({ ...options, observer: createGatewayObserver(metrics, alerts) });
 */
export function createGatewayObserver(metrics: Metrics, alerts: AlertNotifier): GatewayObserver {
  for (const channel of gatewayChannels) {
    metrics.circuitBreakerState.set({ channel }, breakerGauge.closed);
  }
  return {
    onCall(event) {
      metrics.gatewayCalls.inc({ channel: event.channel, outcome: event.outcome });
    },
    onBreakerStateChange(channel, state) {
      metrics.circuitBreakerState.set({ channel }, breakerGauge[state]);
      if (state === 'open') {
        // notify() never rejects: delivery failures are logged by the notifier itself.
        void alerts.notify({
          kind: 'breaker_open',
          key: channel,
          summary: `Circuit breaker for the ${channel} gateway opened; calls fail fast until a trial succeeds.`,
          fields: { channel },
        });
      }
    },
  };
}
