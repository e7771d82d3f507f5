import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors/app-error.js';
import { createLoginThrottle } from './login-throttle.js';

function clockAt(start: number): { now: () => Date; advance: (ms: number) => void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

describe('createLoginThrottle', () => {
  it('refuses an email with the limit of failures in the window, and says when to retry', () => {
    const clock = clockAt(0);
    const throttle = createLoginThrottle({ clock, maxFailures: 3, windowSeconds: 60 });
    for (let failure = 0; failure < 3; failure += 1) {
      throttle.assertAllowed('a@example.com');
      throttle.recordFailure('a@example.com');
      clock.advance(10_000);
    }
    expect(() => {
      throttle.assertAllowed('a@example.com');
    }).toThrow(RateLimitedError);
    try {
      throttle.assertAllowed('a@example.com');
    } catch (error) {
      expect((error as RateLimitedError).retryAfterSeconds).toBe(30);
    }
    throttle.assertAllowed('b@example.com');
  });

  it('forgets failures once they leave the window, and on reset', () => {
    const clock = clockAt(0);
    const throttle = createLoginThrottle({ clock, maxFailures: 2, windowSeconds: 60 });
    throttle.recordFailure('a@example.com');
    throttle.recordFailure('a@example.com');
    clock.advance(60_000);
    expect(() => {
      throttle.assertAllowed('a@example.com');
    }).not.toThrow();
    throttle.recordFailure('a@example.com');
    throttle.recordFailure('a@example.com');
    throttle.reset('a@example.com');
    expect(() => {
      throttle.assertAllowed('a@example.com');
    }).not.toThrow();
  });

  it('tracks a bounded number of emails, forgetting the oldest first', () => {
    const throttle = createLoginThrottle({ clock: clockAt(0), maxFailures: 1, windowSeconds: 60, maxTracked: 2 });
    for (const email of ['a', 'b', 'c']) {
      throttle.recordFailure(email);
    }
    expect(() => {
      throttle.assertAllowed('a');
    }).not.toThrow();
    expect(() => {
      throttle.assertAllowed('c');
    }).toThrow(RateLimitedError);
  });
});
