import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import {
  chargeRequestSchema,
  refundRequestSchema,
  type GatewayCharge,
  type GatewayChannel,
  type GatewayRefund,
  type WebhookEvent,
} from '../gateway.schemas.js';
import { createWebhookSender, type WebhookDelivery } from './simulator.webhooks.js';

/** How the simulator answers refunds; tests flip it to exercise failed and unknown refunds. */
export type RefundBehaviour = 'ok' | 'decline' | 'unavailable' | 'slow';

/** Options of {@link createGatewaySimulator}. */
export interface GatewaySimulatorOptions {
  /** Secret used to sign webhooks (`GATEWAY_WEBHOOK_SECRET`). */
  readonly webhookSecret: string;
  /** Where webhooks go, `<base>/<channel>`; unset → none are sent until set. */
  readonly webhookBaseUrl?: string | undefined;
  /** How late the first response of a `pm_timeout_then_ok` charge arrives; default 3000 ms. */
  readonly slowResponseMs?: number;
  /** Delay before a webhook is posted; default 0 ms. */
  readonly webhookDelayMs?: number;
  /**
   * Text appended to every error message, to prove the service never shows gateway text;
   * default `''`.
   */
  readonly errorMessageSuffix?: string;
  /** Clock in milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

/** One HTTP request the simulator received; tests count attempts and keys with it. */
export interface SimulatorRequest {
  readonly operation: 'charge' | 'refund' | 'charge-status' | 'refund-status';
  readonly key: string;
  readonly paymentMethod: string | undefined;
  readonly status: number;
}

/** A running simulator: the Hono app plus controls and observations for tests. */
export interface GatewaySimulator {
  readonly app: Hono;
  readonly requests: readonly SimulatorRequest[];
  readonly deliveries: readonly WebhookDelivery[];
  /** How refunds are answered from now on. */
  refundBehaviour: RefundBehaviour;
  /** Points webhooks at `<base>/<channel>` (or stops them with `undefined`). */
  setWebhookBaseUrl(baseUrl: string | undefined): void;
  /** Every charge that took effect (succeeded or declined). */
  charges(): GatewayCharge[];
  /** Every refund that took effect. */
  refunds(): GatewayRefund[];
  /** Resolves once every queued webhook delivery has finished. */
  flushWebhooks(): Promise<void>;
}

interface Reply {
  readonly status: ContentfulStatusCode;
  readonly body: unknown;
  /** Whether a replay with the same key answers the same (final outcomes) or runs again (5xx). */
  readonly final: boolean;
}

interface KeyEntry {
  readonly fingerprint: string;
  readonly reply: Promise<Reply>;
}

const declineCodes: Readonly<Record<string, string>> = {
  pm_declined: 'card_declined',
  pm_insufficient_funds: 'insufficient_funds',
};

const knownMethods = new Set([
  'pm_ok',
  'pm_declined',
  'pm_insufficient_funds',
  'pm_flaky',
  'pm_timeout_then_ok',
  'pm_down',
]);

/** Transient 503s a `pm_flaky` key gets before it succeeds (contract: two). */
const flakyFailures = 2;

/**
 * Creates the simulated payment gateway: charge, refund and status endpoints with the contract's
 * test payment methods, idempotency on the `Idempotency-Key` header, and signed webhooks for
 * outcomes. A concurrent request with a key still being processed waits for the first and gets
 * its answer, as a real gateway's idempotency layer does.
 *
 * @param options - webhook secret and target, delays, clock
 * @returns the simulator (serve `simulator.app` with {@link startGatewaySimulator})
 * @example
 * const simulator = createGatewaySimulator({ webhookSecret: 'whsec' });
 * const res = await simulator.app.request('/v1/charges/unknown');
 */
export function createGatewaySimulator(options: GatewaySimulatorOptions): GatewaySimulator {
  const now = options.now ?? Date.now;
  const slowResponseMs = options.slowResponseMs ?? 3000;
  const suffix = options.errorMessageSuffix ?? '';
  const webhooks = createWebhookSender({
    secret: options.webhookSecret,
    now,
    delayMs: options.webhookDelayMs ?? 0,
    timeoutMs: 2000,
    maxAttempts: 3,
  });
  webhooks.baseUrl = options.webhookBaseUrl;

  const requests: SimulatorRequest[] = [];
  const chargeKeys = new Map<string, KeyEntry>();
  const refundKeys = new Map<string, KeyEntry>();
  const charges = new Map<string, GatewayCharge>();
  const refunds = new Map<string, GatewayRefund>();
  const flakyCounts = new Map<string, number>();
  let refundBehaviour: RefundBehaviour = 'ok';

  function failure(status: ContentfulStatusCode, code: string, message: string, final: boolean): Reply {
    return { status, body: { error: { code, message: `${message}${suffix}` } }, final };
  }

  function emit(channel: GatewayChannel, type: WebhookEvent['type'], reference: string, amount: number): void {
    webhooks.send(channel, { id: `evt_${randomUUID()}`, type, data: { reference, amount } });
  }

  function recordCharge(
    key: string,
    body: z.infer<typeof chargeRequestSchema>,
    declineCode: string | null,
  ): GatewayCharge {
    const charge: GatewayCharge = {
      id: `ch_${randomUUID()}`,
      key,
      reference: body.reference,
      channel: body.channel,
      amount: body.amount,
      currency: body.currency,
      status: declineCode === null ? 'succeeded' : 'declined',
      declineCode,
      createdAt: new Date(now()).toISOString(),
    };
    charges.set(key, charge);
    emit(body.channel, declineCode === null ? 'payment.succeeded' : 'payment.failed', body.reference, body.amount);
    return charge;
  }

  async function charge(key: string, body: z.infer<typeof chargeRequestSchema>): Promise<Reply> {
    const method = body.paymentMethod;
    if (method === 'pm_down') {
      return failure(503, 'unavailable', 'Processor unavailable', false);
    }
    if (method === 'pm_flaky') {
      const seen = flakyCounts.get(key) ?? 0;
      flakyCounts.set(key, seen + 1);
      if (seen < flakyFailures) {
        return failure(503, 'unavailable', 'Processor temporarily unavailable', false);
      }
    }
    const declineCode = knownMethods.has(method) ? (declineCodes[method] ?? null) : 'invalid_payment_method';
    const recorded = recordCharge(key, body, declineCode);
    if (declineCode !== null) {
      return failure(402, declineCode, 'The payment was declined', true);
    }
    if (method === 'pm_timeout_then_ok') {
      await sleep(slowResponseMs);
    }
    return { status: 201, body: recorded, final: true };
  }

  function refundedSoFar(chargeKey: string): number {
    let total = 0;
    for (const refund of refunds.values()) {
      if (refund.chargeKey === chargeKey && refund.status === 'succeeded') {
        total += refund.amount;
      }
    }
    return total;
  }

  async function refund(key: string, body: z.infer<typeof refundRequestSchema>): Promise<Reply> {
    const charged = charges.get(body.chargeKey);
    if (charged?.status !== 'succeeded') {
      return failure(404, 'charge_not_found', 'No such charge', true);
    }
    if (refundBehaviour === 'unavailable') {
      return failure(503, 'unavailable', 'Refund service unavailable', false);
    }
    const exceeds = refundedSoFar(body.chargeKey) + body.amount > charged.amount;
    const declineCode = refundBehaviour === 'decline' || exceeds ? 'refund_declined' : null;
    const recorded: GatewayRefund = {
      id: `re_${randomUUID()}`,
      key,
      chargeKey: body.chargeKey,
      reference: body.reference,
      amount: body.amount,
      status: declineCode === null ? 'succeeded' : 'declined',
      declineCode,
      createdAt: new Date(now()).toISOString(),
    };
    refunds.set(key, recorded);
    emit(charged.channel, declineCode === null ? 'refund.succeeded' : 'refund.failed', body.reference, body.amount);
    if (declineCode !== null) {
      return failure(402, declineCode, 'The refund was declined', true);
    }
    if (refundBehaviour === 'slow') {
      await sleep(slowResponseMs);
    }
    return { status: 201, body: recorded, final: true };
  }

  /** Runs `work` once per key; a replay (or a concurrent duplicate) gets the same answer. */
  function idempotent(entries: Map<string, KeyEntry>, key: string, fingerprint: string, work: () => Promise<Reply>): Promise<Reply> {
    const existing = entries.get(key);
    if (existing !== undefined) {
      return existing.fingerprint === fingerprint
        ? existing.reply
        : Promise.resolve(failure(422, 'idempotency_key_reused', 'Key reused with another request', true));
    }
    const reply = work().then((result) => {
      if (!result.final) {
        entries.delete(key);
      }
      return result;
    });
    entries.set(key, { fingerprint, reply });
    return reply;
  }

  async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
    try {
      return { ok: true, value: await c.req.json() };
    } catch (error) {
      // Invalid JSON is the caller's mistake and answered 400; anything else is ours.
      if (error instanceof SyntaxError) {
        return { ok: false };
      }
      throw error;
    }
  }

  const app = new Hono();

  app.post('/v1/charges', async (c) => {
    const key = c.req.header('idempotency-key') ?? '';
    const json = await readJson(c);
    const parsed = json.ok ? chargeRequestSchema.safeParse(json.value) : undefined;
    if (key === '' || parsed?.success !== true) {
      requests.push({ operation: 'charge', key, paymentMethod: undefined, status: 400 });
      return c.json({ error: { code: 'invalid_request', message: 'Invalid charge request' } }, 400);
    }
    const reply = await idempotent(chargeKeys, key, JSON.stringify(parsed.data), () => charge(key, parsed.data));
    requests.push({ operation: 'charge', key, paymentMethod: parsed.data.paymentMethod, status: reply.status });
    return c.json(reply.body, reply.status);
  });

  app.get('/v1/charges/:key', (c) => {
    const key = c.req.param('key');
    const found = charges.get(key);
    requests.push({ operation: 'charge-status', key, paymentMethod: undefined, status: found ? 200 : 404 });
    return found
      ? c.json(found, 200)
      : c.json({ error: { code: 'not_found', message: `No charge${suffix}` } }, 404);
  });

  app.post('/v1/refunds', async (c) => {
    const key = c.req.header('idempotency-key') ?? '';
    const json = await readJson(c);
    const parsed = json.ok ? refundRequestSchema.safeParse(json.value) : undefined;
    if (key === '' || parsed?.success !== true) {
      requests.push({ operation: 'refund', key, paymentMethod: undefined, status: 400 });
      return c.json({ error: { code: 'invalid_request', message: 'Invalid refund request' } }, 400);
    }
    const reply = await idempotent(refundKeys, key, JSON.stringify(parsed.data), () => refund(key, parsed.data));
    requests.push({ operation: 'refund', key, paymentMethod: undefined, status: reply.status });
    return c.json(reply.body, reply.status);
  });

  app.get('/v1/refunds/:key', (c) => {
    const key = c.req.param('key');
    const found = refunds.get(key);
    requests.push({ operation: 'refund-status', key, paymentMethod: undefined, status: found ? 200 : 404 });
    return found
      ? c.json(found, 200)
      : c.json({ error: { code: 'not_found', message: `No refund${suffix}` } }, 404);
  });

  return {
    app,
    requests,
    deliveries: webhooks.deliveries,
    get refundBehaviour() {
      return refundBehaviour;
    },
    set refundBehaviour(value: RefundBehaviour) {
      refundBehaviour = value;
    },
    setWebhookBaseUrl(baseUrl) {
      webhooks.baseUrl = baseUrl;
    },
    charges: () => [...charges.values()],
    refunds: () => [...refunds.values()],
    flushWebhooks: () => webhooks.flush(),
  };
}
