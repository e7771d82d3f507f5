import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertNotifier } from '../../src/observability/alert.notifier.js';
import { createErrorReporter } from '../../src/observability/error.reporter.js';
import type { ErrorContext, ErrorTracker } from '../../src/observability/error.tracker.js';
import { startReceiver, type Receiver } from '../support/http-receiver.js';

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver.close();
});

describe('error reporter', () => {
  it('tracks every reported error and alerts on internal errors without their message', async () => {
    const tracked: { error: unknown; context: ErrorContext }[] = [];
    const tracker: ErrorTracker = {
      capture: (error, context) => {
        tracked.push({ error, context });
      },
      flush: () => Promise.resolve(true),
    };
    const warnings: string[] = [];
    const alerts = createAlertNotifier({
      url: receiver.url,
      logger: {
        warn: (_object, message) => {
          warnings.push(message);
        },
      },
    });
    const report = createErrorReporter(tracker, alerts);
    const base = { requestId: 'req_1', userId: 'usr_1', method: 'POST', route: '/v1/orders/:id/payments' };
    report(new Error('relation "payments" does not exist'), { ...base, code: 'internal_error', status: 500 });
    report(new Error('gateway down'), { ...base, code: 'gateway_unavailable', status: 503 });
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(tracked.map((entry) => entry.context.code)).toEqual(['internal_error', 'gateway_unavailable']);
    expect(receiver.received).toHaveLength(1);
    const text = (JSON.parse(receiver.received[0]?.body.toString() ?? '') as { text: string }).text;
    expect(text).toContain('POST /v1/orders/:id/payments answered 500');
    expect(text).toContain('req_1');
    expect(text).not.toContain('relation');
    expect(warnings).toEqual([]);
  });
});
