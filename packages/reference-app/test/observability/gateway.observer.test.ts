import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertNotifier } from '../../src/observability/alert.notifier.js';
import { createGatewayObserver } from '../../src/observability/gateway.observer.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { startReceiver, type Receiver } from '../support/http-receiver.js';

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver.close();
});

describe('gateway observer', () => {
  it('starts every breaker closed, counts calls by outcome, and alerts once when a breaker opens', async () => {
    const metrics = createMetrics();
    const alerts = createAlertNotifier({ url: receiver.url, logger: { warn: () => undefined } });
    const observer = createGatewayObserver(metrics, alerts);
    const initial = await metrics.registry.metrics();
    for (const channel of ['card', 'wechat', 'alipay']) {
      expect(initial).toContain(`circuit_breaker_state{channel="${channel}"} 0`);
    }

    observer.onCall({ channel: 'card', operation: 'charge', outcome: 'error', durationMs: 3 });
    observer.onCall({ channel: 'card', operation: 'charge', outcome: 'declined', durationMs: 3 });
    observer.onBreakerStateChange('card', 'open');
    observer.onBreakerStateChange('card', 'half_open');
    observer.onBreakerStateChange('card', 'open');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const text = await metrics.registry.metrics();
    expect(text).toContain('gateway_calls_total{channel="card",outcome="error"} 1');
    expect(text).toContain('gateway_calls_total{channel="card",outcome="declined"} 1');
    expect(text).toContain('circuit_breaker_state{channel="card"} 1');
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.body.toString()).toContain('breaker_open');
  });
});
