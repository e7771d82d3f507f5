import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook.signature.js';

const secret = 'whsec_test';
const now = 1_700_000_000;
const body = '{"id":"evt_1","type":"payment.succeeded","data":{"reference":"pay_1"}}';
const bytes = Buffer.from(body, 'utf8');

describe('verifyWebhookSignature', () => {
  it('accepts a signature made over the exact raw bytes', () => {
    const header = signWebhook(secret, bytes, now);
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now })).toEqual({
      valid: true,
      timestamp: now,
    });
  });

  it('accepts a timestamp exactly at the tolerance edge', () => {
    const header = signWebhook(secret, bytes, now - 300);
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now }).valid).toBe(
      true,
    );
  });

  it('rejects a timestamp older than the tolerance as stale', () => {
    const header = signWebhook(secret, bytes, now - 301);
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now })).toEqual({
      valid: false,
      reason: 'stale',
    });
  });

  it('rejects a timestamp from the future beyond the tolerance as stale', () => {
    const header = signWebhook(secret, bytes, now + 301);
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now })).toEqual({
      valid: false,
      reason: 'stale',
    });
  });

  it('rejects a body that was parsed and re-serialised', () => {
    const header = signWebhook(secret, bytes, now);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body), null, 1), 'utf8');
    expect(
      verifyWebhookSignature({ header, rawBody: reserialised, secret, nowSeconds: now }),
    ).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('rejects a signature made with another secret', () => {
    const header = signWebhook('other', bytes, now);
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('rejects a signature whose timestamp was changed after signing', () => {
    const header = signWebhook(secret, bytes, now).replace(`t=${now}`, `t=${now - 1}`);
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now })).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('reports a missing header', () => {
    expect(
      verifyWebhookSignature({ header: undefined, rawBody: bytes, secret, nowSeconds: now }),
    ).toEqual({ valid: false, reason: 'missing' });
    expect(verifyWebhookSignature({ header: '', rawBody: bytes, secret, nowSeconds: now })).toEqual(
      { valid: false, reason: 'missing' },
    );
  });

  it.each([
    ['no timestamp', 'v1=' + 'a'.repeat(64)],
    ['no signature', `t=${now}`],
    ['a short signature', `t=${now},v1=abcd`],
    ['a non-numeric timestamp', `t=soon,v1=${'a'.repeat(64)}`],
    ['garbage', 'hello'],
  ])('reports a header with %s as malformed', (_name, header) => {
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now })).toEqual({
      valid: false,
      reason: 'malformed',
    });
  });

  it('accepts any one of several v1 signatures so a secret can be rotated', () => {
    const good = signWebhook(secret, bytes, now).split(',')[1] ?? '';
    const header = `t=${now},v1=${'0'.repeat(64)},${good}`;
    expect(verifyWebhookSignature({ header, rawBody: bytes, secret, nowSeconds: now }).valid).toBe(
      true,
    );
  });

  it('honours a custom tolerance', () => {
    const header = signWebhook(secret, bytes, now - 10);
    expect(
      verifyWebhookSignature({
        header,
        rawBody: bytes,
        secret,
        nowSeconds: now,
        toleranceSeconds: 5,
      }),
    ).toEqual({ valid: false, reason: 'stale' });
  });
});
