import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayChannel, WebhookEvent } from '../gateway.schemas.js';
import { signWebhook, webhookSignatureHeader } from '../webhook.signature.js';

/** What happened to one webhook delivery attempt; kept so tests and operators can see it. */
export interface WebhookDelivery {
  readonly eventId: string;
  readonly url: string;
  readonly attempt: number;
  /** The receiver's HTTP status, or `undefined` when the request itself failed. */
  readonly status: number | undefined;
  /** Why the request failed (connection refused, timeout), when it did. */
  readonly failure: string | undefined;
}

/** Options of {@link createWebhookSender}. */
export interface WebhookSenderOptions {
  readonly secret: string;
  readonly now: () => number;
  /** Delay before the first delivery attempt, in milliseconds. */
  readonly delayMs: number;
  /** Deadline of one delivery attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** Attempts per event (a non-2xx answer or a failed request is tried again). */
  readonly maxAttempts: number;
}

/** Sends signed webhooks and remembers every delivery attempt. */
export interface WebhookSender {
  /** Where events go (`<base>/<channel>`); `undefined` stops delivery. */
  baseUrl: string | undefined;
  readonly deliveries: readonly WebhookDelivery[];
  /** Queues an event for delivery on the channel's URL. */
  send(channel: GatewayChannel, event: WebhookEvent): void;
  /** Resolves when every queued delivery has finished (delivered or given up). */
  flush(): Promise<void>;
}

/**
 * Creates the simulator's webhook sender: signed with `t=<unix>,v1=<hex>` over the exact bytes
 * it posts, retried a few times on failure, each attempt with a deadline.
 *
 * @param options - secret, clock, initial delay, per-attempt timeout and attempts
 * @returns the sender
 * @example
 * const sender = createWebhookSender({ secret, now: Date.now, delayMs: 0, timeoutMs: 2000, maxAttempts: 3 });
 * sender.baseUrl = 'http://127.0.0.1:3000/v1/webhooks';
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const deliveries: WebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();

  async function attempt(url: string, event: WebhookEvent, attemptNo: number): Promise<boolean> {
    const body = JSON.stringify(event);
    const signature = signWebhook(options.secret, body, Math.floor(options.now() / 1000));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [webhookSignatureHeader]: signature },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // The receiver's answer body carries nothing we act on; release the connection.
      await response.body?.cancel();
      deliveries.push({ eventId: event.id, url, attempt: attemptNo, status: response.status, failure: undefined });
      return response.ok;
    } catch (error) {
      const failure = error instanceof Error ? error.message : 'request failed';
      deliveries.push({ eventId: event.id, url, attempt: attemptNo, status: undefined, failure });
      return false;
    }
  }

  async function deliver(url: string, event: WebhookEvent): Promise<void> {
    await sleep(options.delayMs);
    for (let attemptNo = 1; attemptNo <= options.maxAttempts; attemptNo += 1) {
      if (await attempt(url, event, attemptNo)) {
        return;
      }
      await sleep(25 * 2 ** attemptNo);
    }
  }

  const sender: WebhookSender = {
    baseUrl: undefined,
    deliveries,
    send(channel, event) {
      if (sender.baseUrl === undefined) {
        return;
      }
      const delivery = deliver(`${sender.baseUrl}/${channel}`, event);
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
    },
    async flush() {
      while (inFlight.size > 0) {
        await Promise.all(inFlight);
      }
    },
  };
  return sender;
}
