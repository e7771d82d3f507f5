import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the header that carries a webhook signature. */
export const webhookSignatureHeader = 'X-Gateway-Signature';

/** Default tolerance between the signature timestamp and now, in seconds (contract: 300). */
export const defaultWebhookToleranceSeconds = 300;

/** Why a signature was refused; never shown to the sender beyond `invalid_signature`. */
export type WebhookSignatureFailure = 'missing' | 'malformed' | 'stale' | 'mismatch';

/** The outcome of {@link verifyWebhookSignature}. */
export type WebhookSignatureResult =
  | { readonly valid: true; readonly timestamp: number }
  | { readonly valid: false; readonly reason: WebhookSignatureFailure };

/** Input of {@link verifyWebhookSignature}. */
export interface VerifyWebhookSignatureInput {
  /** The `X-Gateway-Signature` header value, `undefined` when absent. */
  readonly header: string | undefined;
  /** The request body exactly as received; never a re-serialised parse. */
  readonly rawBody: Uint8Array;
  /** The shared secret (`GATEWAY_WEBHOOK_SECRET`). */
  readonly secret: string;
  /** Now, in Unix seconds. */
  readonly nowSeconds: number;
  /** Allowed |now − t| in seconds; default {@link defaultWebhookToleranceSeconds}. */
  readonly toleranceSeconds?: number;
}

function computeSignature(secret: string, timestamp: number, rawBody: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

/**
 * Signs a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 *
 * @param secret - the shared secret
 * @param rawBody - the exact bytes (or string, UTF-8 encoded) that will be sent
 * @param timestamp - Unix seconds to sign with
 * @returns the header value
 * @example
 * const header = signWebhook('whsec', JSON.stringify(event), Math.floor(Date.now() / 1000));
 */
export function signWebhook(secret: string, rawBody: Uint8Array | string, timestamp: number): string {
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, bytes).toString('hex')}`;
}

interface ParsedHeader {
  readonly timestamp: number;
  readonly signatures: readonly Buffer[];
}

function parseHeader(header: string): ParsedHeader | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (separator > 0 && name === 't' && /^\d{1,12}$/.test(value)) {
      timestamp = Number(value);
    } else if (separator > 0 && name === 'v1' && /^[0-9a-f]{64}$/i.test(value)) {
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Verifies a gateway webhook signature over the raw request bytes, in constant time, within a
 * timestamp tolerance. Several `v1=` entries are accepted so that a secret can be rotated.
 *
 * @param input - header, raw body, secret, now and tolerance (default 300 s)
 * @returns `{ valid: true, timestamp }` or `{ valid: false, reason }`
 * @example
 * const result = verifyWebhookSignature({ header, rawBody, secret, nowSeconds: 1_700_000_000 });
 * if (!result.valid) return invalidSignature();
 */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): WebhookSignatureResult {
  if (input.header === undefined || input.header === '') {
    return { valid: false, reason: 'missing' };
  }
  const parsed = parseHeader(input.header);
  if (parsed === undefined) {
    return { valid: false, reason: 'malformed' };
  }
  const tolerance = input.toleranceSeconds ?? defaultWebhookToleranceSeconds;
  if (Math.abs(input.nowSeconds - parsed.timestamp) > tolerance) {
    return { valid: false, reason: 'stale' };
  }
  const expected = computeSignature(input.secret, parsed.timestamp, input.rawBody);
  // Every candidate is compared (no early exit) so timing does not reveal which one matched.
  let matched = false;
  for (const candidate of parsed.signatures) {
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) {
      matched = true;
    }
  }
  return matched ? { valid: true, timestamp: parsed.timestamp } : { valid: false, reason: 'mismatch' };
}
