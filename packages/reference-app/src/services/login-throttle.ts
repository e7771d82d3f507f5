import type { Clock } from '../domain/clock.js';
import { RateLimitedError } from '../errors/app-error.js';

/**
 * Counts failed logins per email in a sliding window. In memory: one process is the unit of
 * deployment of this reference app; a fleet would keep the counters in the database or Redis.
 *
 * @example
 * throttle.assertAllowed(email);
 * if (!ok) throttle.recordFailure(email);
 */
export interface LoginThrottle {
  /**
   * @param email - normalised email
   * @throws {RateLimitedError} when the email already has `maxFailures` failures in the window
   */
  assertAllowed(email: string): void;
  /** @param email - normalised email */
  recordFailure(email: string): void;
  /** @param email - normalised email; forgets its failures after a successful login */
  reset(email: string): void;
}

/**
 * @param options - the limit, the window, the clock, and how many emails to track at most
 *   (oldest forgotten first; default 10 000)
 * @example
 * const throttle = createLoginThrottle({ clock, maxFailures: 20, windowSeconds: 300 });
 */
export function createLoginThrottle(options: {
  readonly clock: Clock;
  readonly maxFailures: number;
  readonly windowSeconds: number;
  readonly maxTracked?: number;
}): LoginThrottle {
  const { clock, maxFailures, windowSeconds } = options;
  const maxTracked = options.maxTracked ?? 10_000;
  const windowMs = windowSeconds * 1000;
  const failures = new Map<string, number[]>();

  function recent(email: string, now: number): number[] {
    const times = (failures.get(email) ?? []).filter((time) => now - time < windowMs);
    if (times.length === 0) {
      failures.delete(email);
    } else {
      failures.set(email, times);
    }
    return times;
  }

  return {
    assertAllowed(email) {
      const now = clock.now().getTime();
      const times = recent(email, now);
      const oldest = times[0];
      if (times.length >= maxFailures && oldest !== undefined) {
        throw new RateLimitedError(Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
      }
    },
    recordFailure(email) {
      const now = clock.now().getTime();
      const times = recent(email, now);
      failures.delete(email);
      failures.set(email, [...times, now]);
      if (failures.size > maxTracked) {
        const oldestEmail = failures.keys().next().value;
        if (oldestEmail !== undefined) {
          failures.delete(oldestEmail);
        }
      }
    },
    reset(email) {
      failures.delete(email);
    },
  };
}
