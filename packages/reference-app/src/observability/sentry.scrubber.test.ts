import type { ErrorEvent } from '@sentry/node';
import { describe, expect, it } from 'vitest';
import { scrubSentryEvent, scrubText } from './sentry.scrubber.js';

const fixture: ErrorEvent = {
  type: undefined,
  event_id: 'abc',
  message: 'charge failed for card 4242 4242 4242 4242 with token=tok_123456',
  server_name: 'payments-1.internal',
  request: {
    method: 'POST',
    url: 'https://api.example.com/v1/orders/o_1/payments?card=4111111111111111',
    headers: {
      Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl',
      Cookie: 'session=abc',
      'X-Gateway-Signature': 't=1,v1=deadbeef',
      'Content-Type': 'application/json',
      'X-Request-Id': 'req_1',
    },
    data: '{"cardNumber":"4111111111111111","cvv":"123"}',
    cookies: { session: 'abc' },
    query_string: 'card=4111111111111111',
  },
  user: { id: 'u_1', email: 'ada@example.com', ip_address: '10.0.0.1' },
  exception: {
    values: [
      {
        type: 'Error',
        value: 'gateway said: api_key=sk_live_abcdef123456 password: hunter22',
        stacktrace: {
          frames: [
            { filename: '/app/dist/payment.service.js', lineno: 10, vars: { password: 'hunter22', amount: 100 } },
          ],
        },
      },
    ],
  },
  breadcrumbs: [{ message: 'POST with Authorization: Basic dXNlcjpwYXNz', data: { secret: 'whsec_abcdefgh' } }],
  extra: { gatewayResponse: 'declined 5555-5555-5555-4444', paymentId: 'pay_1', apiKey: 'x' },
  contexts: { gateway: { token: 'abc', channel: 'card' } },
  tags: { code: 'internal_error' },
};

describe('scrubSentryEvent', () => {
  const scrubbed = scrubSentryEvent(fixture);
  const serialised = JSON.stringify(scrubbed);

  it('leaves no card number, token, secret or password anywhere in the event', () => {
    for (const secret of [
      '4242 4242 4242 4242',
      '4111111111111111',
      '5555-5555-5555-4444',
      'tok_123456',
      'eyJhbGciOiJIUzI1NiJ9',
      'sk_live_abcdef123456',
      'hunter22',
      'whsec_abcdefgh',
      'dXNlcjpwYXNz',
      'session=abc',
      'ada@example.com',
      '10.0.0.1',
      'deadbeef',
    ]) {
      expect(serialised).not.toContain(secret);
    }
  });

  it('keeps only harmless request headers and drops the body, cookies and query string', () => {
    expect(scrubbed.request).toEqual({
      method: 'POST',
      url: 'https://api.example.com/v1/orders/o_1/payments',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req_1' },
    });
  });

  it('keeps only the user id', () => {
    expect(scrubbed.user).toEqual({ id: 'u_1' });
  });

  it('keeps the diagnostic parts that carry no secret', () => {
    expect(scrubbed.extra).toMatchObject({ paymentId: 'pay_1', apiKey: '[Filtered]' });
    expect(scrubbed.contexts).toMatchObject({ gateway: { channel: 'card', token: '[Filtered]' } });
    expect(scrubbed.tags).toEqual({ code: 'internal_error' });
    expect(scrubbed.exception?.values?.[0]?.stacktrace?.frames?.[0]).toMatchObject({
      filename: '/app/dist/payment.service.js',
      lineno: 10,
      vars: { password: '[Filtered]', amount: 100 },
    });
    expect(scrubbed.server_name).toBeUndefined();
  });

  it('does not modify the event it was given', () => {
    expect(fixture.request?.data).toContain('4111111111111111');
  });
});

describe('scrubText', () => {
  it('replaces the value of a sensitive key but keeps the key', () => {
    expect(scrubText('password=hunter22 and amount=100')).toBe('password=[Filtered] and amount=100');
  });

  it('leaves ordinary ids and short numbers alone', () => {
    expect(scrubText('order o_123 total 12345 at 2024-01-01')).toBe('order o_123 total 12345 at 2024-01-01');
  });
});
