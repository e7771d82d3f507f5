import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSentryErrorTracker, isTrackedStatus } from '../../src/observability/error.tracker.js';
import { startReceiver, type Receiver } from '../support/http-receiver.js';

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver.close();
});

describe('Sentry error tracker', () => {
  it('sends a 5xx error to the DSN with tags and without card numbers or secrets', async () => {
    const dsn = `${receiver.url.replace('http://', 'http://publickey@')}/42`;
    const tracker = createSentryErrorTracker({ dsn, environment: 'test' });
    tracker.capture(new Error('gateway said card 4111 1111 1111 1111 api_key=sk_live_abcdef123'), {
      status: 500,
      code: 'internal_error',
      requestId: 'req_42',
      method: 'POST',
      route: '/v1/orders/:id/payments',
      userId: 'u_1',
    });
    await tracker.flush(2000);
    const envelopes = receiver.received.filter((request) => request.path.startsWith('/api/42/envelope'));
    expect(envelopes).toHaveLength(1);
    const body = envelopes[0]?.body.toString() ?? '';
    expect(body).toContain('req_42');
    expect(body).toContain('internal_error');
    expect(body).not.toContain('4111');
    expect(body).not.toContain('sk_live_abcdef123');
  });

  it('does not send client errors', async () => {
    const before = receiver.received.length;
    const dsn = `${receiver.url.replace('http://', 'http://publickey@')}/43`;
    const tracker = createSentryErrorTracker({ dsn });
    tracker.capture(new Error('not found'), { status: 404, code: 'not_found' });
    await tracker.flush(500);
    expect(receiver.received.length).toBe(before);
  });

  it('tracks only server-side statuses', () => {
    expect([400, 404, 409, 499, 500, 503].map(isTrackedStatus)).toEqual([false, false, false, false, true, true]);
  });
});
