import { createChannelResilience } from './gateway.resilience.js';
import type { GatewayChannel } from './gateway.schemas.js';
import { createHttpPaymentGateway } from './http.gateway.js';
import type { GatewayObserver, PaymentGateway } from './payment.gateway.js';

/** One gateway per channel. */
export type PaymentGateways = Readonly<Record<GatewayChannel, PaymentGateway>>;

/** Options of {@link createPaymentGateways}. */
export interface PaymentGatewaysOptions {
  readonly baseUrl: string;
  /** `GATEWAY_TIMEOUT_MS` (default 2000 in config). */
  readonly timeoutMs: number;
  /** `BREAKER_HALF_OPEN_MS` (default 10000 in config). */
  readonly halfOpenAfterMs: number;
  /** First backoff delay; default 100 ms (tests use a few ms). */
  readonly retryInitialDelayMs?: number;
  /** Longest backoff delay; default 2000 ms. */
  readonly retryMaxDelayMs?: number;
  readonly observer?: GatewayObserver | undefined;
}

/**
 * Creates the card, wechat and alipay gateways. They share one HTTP endpoint (the simulator tells
 * them apart by `channel`) but each has its own circuit breaker, so one failing channel does not
 * take the others down.
 *
 * @param options - endpoint, timeout, half-open window, backoff, observer
 * @returns a gateway per channel
 * @example
 * const gateways = createPaymentGateways({ baseUrl, timeoutMs: 2000, halfOpenAfterMs: 10_000 });
 * await gateways.card.charge({ key, reference, amount: 100, currency: 'CNY', paymentMethod: 'pm_ok' });
 */
export function createPaymentGateways(options: PaymentGatewaysOptions): PaymentGateways {
  const build = (channel: GatewayChannel): PaymentGateway =>
    createHttpPaymentGateway({
      channel,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      timeoutMs: options.timeoutMs,
      observer: options.observer,
      resilience: createChannelResilience({
        halfOpenAfterMs: options.halfOpenAfterMs,
        initialDelayMs: options.retryInitialDelayMs,
        maxDelayMs: options.retryMaxDelayMs,
        onStateChange: (state) => {
          options.observer?.onBreakerStateChange(channel, state);
        },
      }),
    });
  return { card: build('card'), wechat: build('wechat'), alipay: build('alipay') };
}

/** A gateway observer that forwards to observers added later (metrics are built after services). */
export interface GatewayObserverHub extends GatewayObserver {
  /**
   * Adds an observer.
   *
   * @returns a function that removes it again
   */
  add(observer: GatewayObserver): () => void;
}

/**
 * Creates an observer hub: pass it to {@link createPaymentGateways} and add the metrics and
 * alert observers once they exist.
 *
 * @returns the hub
 * @example
 * const hub = createGatewayObserverHub();
 * const gateways = createPaymentGateways({ ...options, observer: hub });
 * hub.add(createGatewayObserver(metrics, alerts));
 */
export function createGatewayObserverHub(): GatewayObserverHub {
  const observers = new Set<GatewayObserver>();
  return {
    onCall(event) {
      for (const observer of observers) {
        observer.onCall(event);
      }
    },
    onBreakerStateChange(channel, state) {
      for (const observer of observers) {
        observer.onBreakerStateChange(channel, state);
      }
    },
    add(observer) {
      observers.add(observer);
      return () => {
        observers.delete(observer);
      };
    },
  };
}
