import type { GatewayChannel } from './gateway.schemas.js';

/** A charge to make; `key` is the gateway idempotency key, the same on every attempt. */
export interface ChargeInput {
  readonly key: string;
  /** Our payment id, echoed back in webhooks. */
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  readonly paymentMethod: string;
}

/** A refund to make; `chargeKey` is the key the charge was made with. */
export interface RefundInput {
  readonly key: string;
  readonly chargeKey: string;
  /** Our refund id, echoed back in webhooks. */
  readonly reference: string;
  readonly amount: number;
}

/**
 * A definitive answer from the gateway. Declines are values, not errors: they are an expected
 * business outcome, are never retried and never count against the circuit breaker.
 */
export type GatewayOutcome =
  | { readonly status: 'succeeded'; readonly gatewayId: string; readonly attempts: number }
  | { readonly status: 'declined'; readonly declineCode: string; readonly attempts: number };

/** What a status query found. `not_found` means the gateway never acted on the key. */
export type GatewayLookup =
  | { readonly status: 'succeeded'; readonly gatewayId: string }
  | { readonly status: 'declined'; readonly declineCode: string }
  | { readonly status: 'not_found' };

/** Circuit breaker state as exposed to metrics and `Retry-After`. */
export type BreakerState = 'closed' | 'open' | 'half_open';

/** A breaker's state and how long until it lets a trial call through. */
export interface BreakerSnapshot {
  readonly state: BreakerState;
  /** Milliseconds until a trial call is let through; 0 unless open. */
  readonly retryAfterMs: number;
}

/** How one HTTP attempt (or a call refused by the open breaker) ended, for metrics. */
export type GatewayCallOutcome = 'success' | 'declined' | 'timeout' | 'error' | 'rejected';

/** Receives gateway call outcomes and breaker changes (metrics, alerts). */
export interface GatewayObserver {
  onCall(event: {
    readonly channel: GatewayChannel;
    readonly operation: 'charge' | 'refund' | 'lookup';
    readonly outcome: GatewayCallOutcome;
    readonly durationMs: number;
  }): void;
  onBreakerStateChange(channel: GatewayChannel, state: BreakerState): void;
}

/**
 * One payment channel's gateway. Implementations add deadlines, retries of transient faults and a
 * circuit breaker; they throw `GatewayUnavailableError` (nothing happened) or
 * `GatewayOutcomeUnknownError` (something may have happened) and return declines as values.
 */
export interface PaymentGateway {
  readonly channel: GatewayChannel;
  charge(input: ChargeInput): Promise<GatewayOutcome>;
  refund(input: RefundInput): Promise<GatewayOutcome>;
  lookupCharge(key: string): Promise<GatewayLookup>;
  lookupRefund(key: string): Promise<GatewayLookup>;
  breaker(): BreakerSnapshot;
}
