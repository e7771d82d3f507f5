import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAlertNotifier } from '../../src/observability/alert.notifier.js';
import { startReceiver, type Receiver } from '../support/http-receiver.js';

let receiver: Receiver;
const warnings: string[] = [];
const logger = {
  warn: (_object: Record<string, unknown>, message: string) => {
    warnings.push(message);
  },
};

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver.close();
});

beforeEach(() => {
  receiver.received.length = 0;
  receiver.status = 200;
  warnings.length = 0;
});

function texts(): string[] {
  return receiver.received.map((request) => (JSON.parse(request.body.toString()) as { text: string }).text);
}

describe('alert notifier', () => {
  it('posts Slack-compatible JSON with text and a section block', async () => {
    const alerts = createAlertNotifier({ url: `${receiver.url}/hook`, logger });
    await expect(
      alerts.notify({ kind: 'breaker_open', key: 'card', summary: 'Circuit breaker opened', fields: { channel: 'card' } }),
    ).resolves.toBe('sent');
    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/hook');
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body.toString() ?? '') as { text: string; blocks: unknown[] };
    expect(body.text).toContain('breaker_open: Circuit breaker opened');
    expect(body.text).toContain('*channel*: card');
    expect(body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: body.text } }]);
  });

  it('sends at most one alert per kind and key per interval and reports what it suppressed', async () => {
    let now = 1_000_000;
    const alerts = createAlertNotifier({ url: receiver.url, logger, minIntervalMs: 60_000, now: () => now });
    const alert = { kind: 'internal_error', summary: 'Unexpected error' } as const;
    expect(await alerts.notify(alert)).toBe('sent');
    expect(await alerts.notify(alert)).toBe('suppressed');
    expect(await alerts.notify(alert)).toBe('suppressed');
    expect(await alerts.notify({ kind: 'breaker_open', key: 'card', summary: 'open' })).toBe('sent');
    expect(await alerts.notify({ kind: 'breaker_open', key: 'wechat', summary: 'open' })).toBe('sent');
    now += 60_000;
    expect(await alerts.notify(alert)).toBe('sent');
    expect(receiver.received).toHaveLength(4);
    expect(texts()[3]).toContain('2 similar alert(s) suppressed');
  });

  it('scrubs secrets out of what it posts', async () => {
    const alerts = createAlertNotifier({ url: receiver.url, logger });
    await alerts.notify({
      kind: 'internal_error',
      summary: 'failed with password=hunter22',
      fields: { detail: 'card 4242424242424242' },
    });
    const [text] = texts();
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('4242424242424242');
  });

  it('reports a refused post as failed and logs it without throwing', async () => {
    receiver.status = 500;
    const alerts = createAlertNotifier({ url: receiver.url, logger });
    await expect(alerts.notify({ kind: 'internal_error', summary: 'x' })).resolves.toBe('failed');
    expect(warnings).toEqual(['alert webhook refused the alert']);
  });

  it('reports an unreachable receiver as failed and logs it without throwing', async () => {
    const gone = await startReceiver();
    await gone.close();
    const alerts = createAlertNotifier({ url: gone.url, logger, timeoutMs: 500 });
    await expect(alerts.notify({ kind: 'internal_error', summary: 'x' })).resolves.toBe('failed');
    expect(warnings).toEqual(['alert webhook could not be reached']);
  });

  it('does nothing when no URL is configured', async () => {
    const alerts = createAlertNotifier({ url: undefined, logger });
    await expect(alerts.notify({ kind: 'internal_error', summary: 'x' })).resolves.toBe('disabled');
    expect(receiver.received).toHaveLength(0);
  });
});
