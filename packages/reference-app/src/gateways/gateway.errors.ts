import type { GatewayChannel } from './gateway.schemas.js';

/** What kind of transient fault one gateway attempt hit. */
export type TransientFault = 'timeout' | 'connection' | 'server_error' | 'rate_limited';

/**
 * One attempt failed in a way that may succeed if tried again (timeout, connection error, 5xx,
 * 429). Only these are retried and only these count towards opening the circuit breaker.
 */
export class GatewayTransientError extends Error {
  override readonly name = 'GatewayTransientError';

  /**
   * @param fault - what went wrong
   * @param status - the HTTP status, when there was a response
   * @param options - the underlying `cause`
   */
  constructor(
    readonly fault: TransientFault,
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(`Gateway attempt failed: ${fault}${status === undefined ? '' : ` (HTTP ${status})`}`, options);
  }
}

/**
 * The gateway answered in a way the protocol does not allow (unexpected status or a body that
 * fails validation). Not retried: trying again would not change our bug or theirs.
 */
export class GatewayProtocolError extends Error {
  override readonly name = 'GatewayProtocolError';

  /**
   * @param status - the HTTP status received
   * @param options - the underlying `cause` (e.g. the zod error)
   */
  constructor(
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(`Gateway answered outside its protocol (HTTP ${status})`, options);
  }
}

/**
 * The gateway could not be reached: the breaker is open or every attempt failed with a fault
 * that proves nothing was processed (5xx, 429, connection refused). Nothing was charged.
 */
export class GatewayUnavailableError extends Error {
  override readonly name = 'GatewayUnavailableError';

  /**
   * @param channel - the channel whose gateway is unavailable
   * @param reason - `circuit_open` (failed fast) or `exhausted` (all attempts failed)
   * @param retryAfterMs - when a trial call will be let through (0 when the breaker is closed)
   * @param attempts - HTTP attempts made by this call
   * @param options - the last underlying `cause`
   */
  constructor(
    readonly channel: GatewayChannel,
    readonly reason: 'circuit_open' | 'exhausted',
    readonly retryAfterMs: number,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(`Gateway ${channel} unavailable: ${reason}`, options);
  }
}

/**
 * An attempt timed out (or answered with an unreadable success), so the gateway may have acted:
 * the outcome must be settled later by a status query or a webhook, never by guessing.
 */
export class GatewayOutcomeUnknownError extends Error {
  override readonly name = 'GatewayOutcomeUnknownError';

  /**
   * @param channel - the channel called
   * @param attempts - HTTP attempts made by this call
   * @param options - the last underlying `cause`
   */
  constructor(
    readonly channel: GatewayChannel,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(`Gateway ${channel} outcome unknown`, options);
  }
}
