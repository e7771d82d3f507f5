/**
 * The source of "now". Injected so tests can fix or advance time.
 *
 * @example
 * const clock: Clock = { now: () => new Date('2025-01-01T00:00:00Z') };
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * The wall clock.
 *
 * @example
 * const app = createApp({ clock: systemClock, ... });
 */
export const systemClock: Clock = { now: () => new Date() };
