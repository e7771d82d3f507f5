import type { ErrorEvent } from '@sentry/node';

/** What replaces anything sensitive. */
export const filtered = '[Filtered]';

const sensitiveKey =
  /pass(word|wd)?|secret|token|authori[sz]ation|cookie|session|card|^pan$|cvv|cvc|iban|api[-_]?key|signature|credential|dsn|private/i;

/** Request headers that carry nothing sensitive and help diagnose; every other header goes. */
const safeHeaders = new Set(['accept', 'content-type', 'content-length', 'user-agent', 'x-request-id']);

const textPatterns: readonly RegExp[] = [
  // Card-like numbers: 13–19 digits, optionally grouped by spaces or dashes.
  /\b(?:\d[ -]?){12,18}\d\b/g,
  // JWTs and bearer/basic credentials.
  /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g,
  /\b(?:bearer|basic)\s+[\w.~+/=-]+/gi,
  // Provider-style secret keys (sk_live_…, whsec_…, pk_test_…).
  /\b(?:sk|rk|pk|whsec)_[A-Za-z0-9_]{6,}/g,
  // key=value or key: value pairs whose key looks sensitive.
  /\b(pass(?:word)?|secret|token|api[-_]?key|authorization|cvv|cvc)(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi,
];

/**
 * Removes card numbers, tokens, secret keys and `secret=…` pairs from free text.
 *
 * @param text - any string (an error message, a breadcrumb)
 * @returns the text with every sensitive part replaced by `[Filtered]`
 * @example
 * scrubText('card 4242 4242 4242 4242'); // 'card [Filtered]'
 */
export function scrubText(text: string): string {
  let result = text;
  for (const pattern of textPatterns) {
    result = result.replace(pattern, (match, key: unknown, separator: unknown) =>
      typeof key === 'string' && typeof separator === 'string' ? `${key}${separator}${filtered}` : filtered,
    );
  }
  return result;
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return scrubText(value);
  }
  if (depth > 12 || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrubValue(item, depth + 1));
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = sensitiveKey.test(key) ? filtered : scrubValue(item, depth + 1);
  }
  return result;
}

/**
 * Sentry `beforeSend`: drops request bodies, cookies and every header not known to be harmless,
 * keeps only the user id, and scrubs card-like numbers, tokens, secret keys and sensitive keys
 * everywhere else (messages, exceptions, breadcrumbs, extra, contexts, tags, frame variables).
 *
 * @param event - the event Sentry is about to send
 * @returns the scrubbed copy (the input is not modified)
 * @example
 * const client = new NodeClient({ dsn, beforeSend: scrubSentryEvent, sendDefaultPii: false, ... });
 */
export function scrubSentryEvent(event: ErrorEvent): ErrorEvent {
  const scrubbed = scrubValue(event, 0) as ErrorEvent;
  if (event.request !== undefined) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(event.request.headers ?? {})) {
      if (safeHeaders.has(name.toLowerCase())) {
        headers[name] = scrubText(value);
      }
    }
    scrubbed.request = {
      ...(event.request.method === undefined ? {} : { method: event.request.method }),
      ...(event.request.url === undefined ? {} : { url: scrubText(event.request.url.split('?')[0] ?? '') }),
      headers,
    };
  }
  if (event.user !== undefined) {
    scrubbed.user = event.user.id === undefined ? {} : { id: event.user.id };
  }
  delete scrubbed.server_name;
  return scrubbed;
}
