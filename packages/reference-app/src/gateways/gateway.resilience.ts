import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import { GatewayTransientError } from './gateway.errors.js';
import type { BreakerSnapshot, BreakerState } from './payment.gateway.js';

/** Options of {@link createChannelResilience}. */
export interface ChannelResilienceOptions {
  /** Time the breaker stays open before a trial call (`BREAKER_HALF_OPEN_MS`). */
  readonly halfOpenAfterMs: number;
  /** Consecutive transient failures that open the breaker; default 5. */
  readonly failureThreshold?: number;
  /** Attempts per call in total, the first included; default 3. */
  readonly maxAttempts?: number;
  /** First backoff delay before jitter; default 100 ms. */
  readonly initialDelayMs?: number;
  /** Longest backoff delay; default 2000 ms. */
  readonly maxDelayMs?: number;
  /** Called on every breaker state change. */
  readonly onStateChange?: (state: BreakerState) => void;
  /** Clock in milliseconds, the one cockatiel uses; default `Date.now`. */
  readonly now?: () => number;
}

/** Retry + circuit breaker for one channel, shared by all of its calls. */
export interface ChannelResilience {
  /**
   * Runs `attempt` with retries of transient faults around a circuit breaker, so each failed
   * attempt counts towards opening it. Throws cockatiel's `BrokenCircuitError` when open.
   */
  execute<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  snapshot(): BreakerSnapshot;
}

function isTransient(error: Error): boolean {
  return error instanceof GatewayTransientError;
}

const stateNames: Readonly<Record<CircuitState, BreakerState>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'open',
};

/**
 * Builds one channel's resilience policy with cockatiel: retry only transient faults with
 * exponential backoff and decorrelated jitter, inside which a consecutive-failure breaker sees
 * every attempt. Declines and protocol errors pass through untouched and never count.
 *
 * @param options - half-open window, threshold (5), attempts (3), backoff bounds (100–2000 ms)
 * @returns the policy and a snapshot of its breaker
 * @example
 * const resilience = createChannelResilience({ halfOpenAfterMs: 10_000 });
 * const value = await resilience.execute((signal) => callGateway(signal));
 */
export function createChannelResilience(options: ChannelResilienceOptions): ChannelResilience {
  const now = options.now ?? Date.now;
  const breaker = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.failureThreshold ?? 5),
  });
  const retries = retry(handleWhen(isTransient), {
    // cockatiel counts retries, not attempts.
    maxAttempts: (options.maxAttempts ?? 3) - 1,
    backoff: new ExponentialBackoff({
      initialDelay: options.initialDelayMs ?? 100,
      maxDelay: options.maxDelayMs ?? 2000,
    }),
  });
  const policy = wrap(retries, breaker);
  let openedAt = 0;
  breaker.onBreak(() => {
    openedAt = now();
  });
  breaker.onStateChange((state) => {
    options.onStateChange?.(stateNames[state]);
  });

  return {
    execute: (attempt) => policy.execute(({ signal }) => attempt(signal)),
    snapshot() {
      const state = stateNames[breaker.state];
      const retryAfterMs =
        state === 'open' ? Math.max(0, openedAt + options.halfOpenAfterMs - now()) : 0;
      return { state, retryAfterMs };
    },
  };
}
