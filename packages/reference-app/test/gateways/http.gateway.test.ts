import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GatewayOutcomeUnknownError,
  GatewayProtocolError,
  GatewayUnavailableError,
} from '../../src/gateways/gateway.errors.js';
import { createChannelResilience } from '../../src/gateways/gateway.resilience.js';
import { createPaymentGateways } from '../../src/gateways/gateway.registry.js';
import { createHttpPaymentGateway } from '../../src/gateways/http.gateway.js';
import type { GatewayObserver, PaymentGateway } from '../../src/gateways/payment.gateway.js';
import { createGatewaySimulator, type GatewaySimulator } from '../../src/gateways/simulator/simulator.app.js';
import { startGatewaySimulator, type RunningSimulator } from '../../src/gateways/simulator/simulator.server.js';
import { verifyWebhookSignature } from '../../src/gateways/webhook.signature.js';
import { startReceiver } from '../support/http-receiver.js';

const secretText = ' [api_key=sk_live_abc123 card=4242424242424242 at /srv/gateway/charge.js:12]';
let simulator: GatewaySimulator;
let running: RunningSimulator;

beforeAll(async () => {
  simulator = createGatewaySimulator({
    webhookSecret: 'whsec_test',
    slowResponseMs: 400,
    errorMessageSuffix: secretText,
  });
  running = await startGatewaySimulator(simulator);
});

afterAll(async () => {
  await running.close();
});

interface Recorded {
  calls: { outcome: string; operation: string }[];
  states: string[];
}

function build(options: { timeoutMs?: number; halfOpenAfterMs?: number } = {}): {
  gateway: PaymentGateway;
  recorded: Recorded;
} {
  const recorded: Recorded = { calls: [], states: [] };
  const observer: GatewayObserver = {
    onCall: (event) => recorded.calls.push({ outcome: event.outcome, operation: event.operation }),
    onBreakerStateChange: (_channel, state) => recorded.states.push(state),
  };
  const gateway = createHttpPaymentGateway({
    channel: 'card',
    baseUrl: running.url,
    timeoutMs: options.timeoutMs ?? 1000,
    observer,
    resilience: createChannelResilience({
      halfOpenAfterMs: options.halfOpenAfterMs ?? 200,
      initialDelayMs: 2,
      maxDelayMs: 10,
      onStateChange: (state) => {
        observer.onBreakerStateChange('card', state);
      },
    }),
  });
  return { gateway, recorded };
}

function chargeInput(paymentMethod: string, key = `gk_${randomUUID()}`) {
  return { key, reference: `pay_${randomUUID()}`, amount: 1234, currency: 'CNY', paymentMethod };
}

function requestsFor(key: string) {
  return simulator.requests.filter((request) => request.operation === 'charge' && request.key === key);
}

describe('HTTP payment gateway', () => {
  beforeEach(() => {
    simulator.refundBehaviour = 'ok';
  });

  it('charges once with pm_ok in a single attempt', async () => {
    const { gateway, recorded } = build();
    const input = chargeInput('pm_ok');
    const outcome = await gateway.charge(input);
    expect(outcome).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(requestsFor(input.key)).toHaveLength(1);
    expect(recorded.calls).toEqual([{ operation: 'charge', outcome: 'success' }]);
  });

  it('retries pm_flaky twice with the same gateway key and then succeeds', async () => {
    const { gateway, recorded } = build();
    const input = chargeInput('pm_flaky');
    const outcome = await gateway.charge(input);
    expect(outcome).toMatchObject({ status: 'succeeded', attempts: 3 });
    const requests = requestsFor(input.key);
    expect(requests.map((request) => request.status)).toEqual([503, 503, 201]);
    expect(new Set(requests.map((request) => request.key)).size).toBe(1);
    expect(simulator.charges().filter((charge) => charge.key === input.key)).toHaveLength(1);
    expect(recorded.calls.map((call) => call.outcome)).toEqual(['error', 'error', 'success']);
  });

  it('returns a decline after exactly one attempt without touching the breaker', async () => {
    const { gateway } = build();
    const input = chargeInput('pm_declined');
    await expect(gateway.charge(input)).resolves.toEqual({
      status: 'declined',
      declineCode: 'card_declined',
      attempts: 1,
    });
    expect(requestsFor(input.key)).toHaveLength(1);
    expect(gateway.breaker()).toEqual({ state: 'closed', retryAfterMs: 0 });
  });

  it('reports insufficient funds as a decline code', async () => {
    const { gateway } = build();
    await expect(gateway.charge(chargeInput('pm_insufficient_funds'))).resolves.toMatchObject({
      status: 'declined',
      declineCode: 'insufficient_funds',
    });
  });

  it('never lets declines count towards opening the breaker', async () => {
    const { gateway } = build();
    await expect(gateway.charge(chargeInput('pm_down'))).rejects.toBeInstanceOf(GatewayUnavailableError);
    for (let index = 0; index < 6; index += 1) {
      await gateway.charge(chargeInput('pm_declined'));
    }
    expect(gateway.breaker().state).toBe('closed');
  });

  it('opens the breaker after five consecutive failed attempts, fails fast, and closes after a successful trial', async () => {
    const { gateway, recorded } = build({ halfOpenAfterMs: 150 });
    const first = await gateway.charge(chargeInput('pm_down')).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(GatewayUnavailableError);
    expect(first).toMatchObject({ reason: 'exhausted', attempts: 3 });

    const second = await gateway.charge(chargeInput('pm_down')).catch((error: unknown) => error);
    expect(second).toMatchObject({ reason: 'circuit_open', attempts: 2 });
    expect(gateway.breaker().state).toBe('open');

    const fast = chargeInput('pm_ok');
    const third = await gateway.charge(fast).catch((error: unknown) => error);
    expect(third).toBeInstanceOf(GatewayUnavailableError);
    expect(third).toMatchObject({ reason: 'circuit_open', attempts: 0 });
    expect((third as GatewayUnavailableError).retryAfterMs).toBeGreaterThan(0);
    expect((third as GatewayUnavailableError).retryAfterMs).toBeLessThanOrEqual(150);
    expect(requestsFor(fast.key)).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 170));
    await expect(gateway.charge(chargeInput('pm_ok'))).resolves.toMatchObject({ status: 'succeeded' });
    expect(gateway.breaker()).toEqual({ state: 'closed', retryAfterMs: 0 });
    expect(recorded.states).toEqual(['open', 'half_open', 'closed']);
    expect(recorded.calls.filter((call) => call.outcome === 'rejected')).toHaveLength(2);
  });

  it('reopens the breaker when the half-open trial fails', async () => {
    const { gateway } = build({ halfOpenAfterMs: 250 });
    await expect(gateway.charge(chargeInput('pm_down'))).rejects.toBeInstanceOf(GatewayUnavailableError);
    await expect(gateway.charge(chargeInput('pm_down'))).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(gateway.breaker().state).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const trial = await gateway.charge(chargeInput('pm_down')).catch((error: unknown) => error);
    expect(trial).toMatchObject({ reason: 'circuit_open', attempts: 1 });
    expect(gateway.breaker().state).toBe('open');
  });

  it('keeps one breaker per channel', async () => {
    const gateways = createPaymentGateways({
      baseUrl: running.url,
      timeoutMs: 1000,
      halfOpenAfterMs: 10_000,
      retryInitialDelayMs: 1,
      retryMaxDelayMs: 5,
    });
    await expect(gateways.wechat.charge(chargeInput('pm_down'))).rejects.toBeInstanceOf(GatewayUnavailableError);
    await expect(gateways.wechat.charge(chargeInput('pm_down'))).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(gateways.wechat.breaker().state).toBe('open');
    expect(gateways.card.breaker().state).toBe('closed');
    await expect(gateways.alipay.charge(chargeInput('pm_ok'))).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('reports an unknown outcome when every attempt times out, and the charge happened once', async () => {
    const { gateway, recorded } = build({ timeoutMs: 80 });
    const input = chargeInput('pm_timeout_then_ok');
    const error = await gateway.charge(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayOutcomeUnknownError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(recorded.calls.map((call) => call.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(simulator.charges().filter((charge) => charge.key === input.key)).toHaveLength(1);
    await expect(gateway.lookupCharge(input.key)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('answers a replayed charge from the gateway idempotency store without charging twice', async () => {
    const { gateway } = build();
    const input = chargeInput('pm_ok');
    const first = await gateway.charge(input);
    const second = await gateway.charge(input);
    expect(second).toEqual(first);
    expect(simulator.charges().filter((charge) => charge.key === input.key)).toHaveLength(1);
  });

  it('treats a key reused with another body as a protocol error, not a retry', async () => {
    const { gateway } = build();
    const input = chargeInput('pm_ok');
    await gateway.charge(input);
    await expect(gateway.charge({ ...input, amount: 99 })).rejects.toBeInstanceOf(GatewayProtocolError);
  });

  it('looks up a key the gateway never saw as not found', async () => {
    const { gateway } = build();
    await expect(gateway.lookupCharge('gk_never')).resolves.toEqual({ status: 'not_found' });
    await expect(gateway.lookupRefund('gk_never')).resolves.toEqual({ status: 'not_found' });
  });

  it('treats a refused connection as transient and gives up as unavailable', async () => {
    const receiver = await startReceiver();
    const url = receiver.url;
    await receiver.close();
    const gateway = createHttpPaymentGateway({
      channel: 'alipay',
      baseUrl: url,
      timeoutMs: 500,
      resilience: createChannelResilience({ halfOpenAfterMs: 1000, initialDelayMs: 1, maxDelayMs: 5 }),
    });
    await expect(gateway.charge(chargeInput('pm_ok'))).rejects.toMatchObject({
      name: 'GatewayUnavailableError',
      reason: 'exhausted',
      attempts: 3,
    });
  });

  it('refunds a charge and reports refund declines and outages distinctly', async () => {
    const { gateway } = build();
    const charge = chargeInput('pm_ok');
    await gateway.charge(charge);
    const refund = { key: `rk_${randomUUID()}`, chargeKey: charge.key, reference: 'ref_1', amount: 100 };
    await expect(gateway.refund(refund)).resolves.toMatchObject({ status: 'succeeded', attempts: 1 });
    await expect(gateway.lookupRefund(refund.key)).resolves.toMatchObject({ status: 'succeeded' });

    simulator.refundBehaviour = 'decline';
    await expect(gateway.refund({ ...refund, key: `rk_${randomUUID()}` })).resolves.toMatchObject({
      status: 'declined',
      declineCode: 'refund_declined',
    });

    simulator.refundBehaviour = 'unavailable';
    await expect(gateway.refund({ ...refund, key: `rk_${randomUUID()}` })).rejects.toBeInstanceOf(
      GatewayUnavailableError,
    );
  });

  it('never carries the gateway error text into what it returns or throws', async () => {
    const { gateway } = build();
    const declined = await gateway.charge(chargeInput('pm_declined'));
    const down = await gateway.charge(chargeInput('pm_down')).catch((error: unknown) => error);
    for (const value of [declined, down]) {
      const text = JSON.stringify(value) + String(value) + (value instanceof Error ? value.message : '');
      expect(text).not.toContain('sk_live');
      expect(text).not.toContain('4242');
    }
  });
});

describe('gateway simulator webhooks', () => {
  it('posts a signed event over the exact bytes for each outcome', async () => {
    const receiver = await startReceiver();
    const local = createGatewaySimulator({ webhookSecret: 'whsec_hooks', webhookBaseUrl: `${receiver.url}/v1/webhooks` });
    const server = await startGatewaySimulator(local);
    try {
      const gateway = createHttpPaymentGateway({
        channel: 'wechat',
        baseUrl: server.url,
        timeoutMs: 1000,
        resilience: createChannelResilience({ halfOpenAfterMs: 1000 }),
      });
      const input = chargeInput('pm_ok');
      await gateway.charge(input);
      await gateway.charge(chargeInput('pm_declined'));
      await local.flushWebhooks();
      expect(receiver.received).toHaveLength(2);
      const [succeeded, failed] = receiver.received;
      expect(succeeded?.path).toBe('/v1/webhooks/wechat');
      expect(JSON.parse(succeeded?.body.toString() ?? '')).toMatchObject({
        type: 'payment.succeeded',
        data: { reference: input.reference, amount: 1234 },
      });
      expect(JSON.parse(failed?.body.toString() ?? '')).toMatchObject({ type: 'payment.failed' });
      for (const request of receiver.received) {
        const header = request.headers['x-gateway-signature'];
        expect(
          verifyWebhookSignature({
            header: typeof header === 'string' ? header : undefined,
            rawBody: request.body,
            secret: 'whsec_hooks',
            nowSeconds: Math.floor(Date.now() / 1000),
          }).valid,
        ).toBe(true);
      }
    } finally {
      await server.close();
      await receiver.close();
    }
  });

  it('retries a delivery the receiver refused and records every attempt', async () => {
    const receiver = await startReceiver();
    receiver.status = 500;
    const local = createGatewaySimulator({ webhookSecret: 'whsec', webhookBaseUrl: receiver.url });
    const server = await startGatewaySimulator(local);
    try {
      const gateway = createHttpPaymentGateway({
        channel: 'card',
        baseUrl: server.url,
        timeoutMs: 1000,
        resilience: createChannelResilience({ halfOpenAfterMs: 1000 }),
      });
      await gateway.charge(chargeInput('pm_ok'));
      await local.flushWebhooks();
      expect(local.deliveries.map((delivery) => delivery.status)).toEqual([500, 500, 500]);
    } finally {
      await server.close();
      await receiver.close();
    }
  });
});
