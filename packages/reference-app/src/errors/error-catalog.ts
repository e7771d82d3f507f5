/**
 * Every error code the service can answer with, its HTTP status, a short title and a description.
 * This table is the single source of truth: `AppError` accepts only these codes, the problem
 * handler takes status and title from here, `GET /problems/{slug}` serves it, and a test checks
 * that `docs/reference-app/errors.md` lists every entry.
 *
 * @example
 * const { status, title } = errorCatalog.insufficient_funds; // 422, 'Insufficient funds'
 */
export const errorCatalog = {
  validation_failed: {
    status: 400,
    title: 'Validation failed',
    description: 'The request is well-formed but some fields are invalid; `errors` lists each one with a JSON pointer.',
  },
  malformed_json: {
    status: 400,
    title: 'Malformed JSON',
    description: 'The request body is not valid JSON, or is empty where a body is required.',
  },
  idempotency_key_missing: {
    status: 400,
    title: 'Idempotency key missing',
    description: 'This endpoint requires an `Idempotency-Key` header so that a retried request has no second effect.',
  },
  invalid_signature: {
    status: 400,
    title: 'Invalid signature',
    description: 'The webhook signature is missing, malformed, stale or does not match the body.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    description: 'A valid bearer token is required.',
  },
  token_expired: {
    status: 401,
    title: 'Token expired',
    description: 'The bearer token has expired; log in again.',
  },
  invalid_credentials: {
    status: 401,
    title: 'Invalid credentials',
    description: 'The email or password is wrong.',
  },
  payment_declined: {
    status: 402,
    title: 'Payment declined',
    description: 'The payment channel declined the payment; the order stays payable.',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    description: 'The caller is authenticated but may not perform this action.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    description: 'The resource does not exist or is not visible to the caller.',
  },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    description: 'The path exists but not with this method; `Allow` lists the methods it supports.',
  },
  email_taken: {
    status: 409,
    title: 'Email taken',
    description: 'An account with this email already exists.',
  },
  sku_taken: {
    status: 409,
    title: 'SKU taken',
    description: 'A product with this SKU already exists.',
  },
  idempotency_key_in_use: {
    status: 409,
    title: 'Idempotency key in use',
    description: 'A request with this idempotency key is still being processed; retry later to get its result.',
  },
  invalid_state_transition: {
    status: 409,
    title: 'Invalid state transition',
    description: 'The resource is not in a state that allows this action.',
  },
  out_of_stock: {
    status: 409,
    title: 'Out of stock',
    description: 'Not enough stock for one or more items; `errors` points at each one.',
  },
  refund_exceeds_captured: {
    status: 409,
    title: 'Refund exceeds captured amount',
    description: 'The refund would take the refunded total above the amount paid.',
  },
  payload_too_large: {
    status: 413,
    title: 'Payload too large',
    description: 'The request body is larger than 1 MiB.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    description: 'Request bodies must be sent with `Content-Type: application/json`.',
  },
  idempotency_key_reused: {
    status: 422,
    title: 'Idempotency key reused',
    description: 'This idempotency key was already used for a different request (method, path or body).',
  },
  insufficient_funds: {
    status: 422,
    title: 'Insufficient funds',
    description: 'The balance does not cover the amount plus fees; nothing was changed.',
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    description: 'Too many attempts; retry after the number of seconds in `Retry-After`.',
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    description: 'An unexpected error occurred. It has been logged with the request id.',
  },
  service_unavailable: {
    status: 503,
    title: 'Service unavailable',
    description: 'A dependency the service needs (such as the database) is not answering; the readiness probe reports it.',
  },
  gateway_unavailable: {
    status: 503,
    title: 'Gateway unavailable',
    description: 'The payment gateway is unavailable; nothing was charged. Retry after `Retry-After` seconds.',
  },
  gateway_timeout: {
    status: 504,
    title: 'Gateway timeout',
    description: 'The payment gateway did not answer in time.',
  },
} as const satisfies Record<string, ErrorCatalogEntry>;

/** One row of the {@link errorCatalog}. */
export interface ErrorCatalogEntry {
  /** HTTP status the code is answered with. */
  readonly status: number;
  /** Short, stable, human-readable summary. */
  readonly title: string;
  /** What the code means and what the client can do about it. */
  readonly description: string;
}

/** A stable, machine-readable error code. */
export type ErrorCode = keyof typeof errorCatalog;

/** Every code in the catalogue, in declaration order. */
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

/**
 * Whether `value` is a code of the catalogue.
 *
 * @param value - any string
 * @example
 * isErrorCode('not_found'); // true
 */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalog, value);
}

/**
 * The URL slug of a code (`insufficient_funds` → `insufficient-funds`), used in problem `type`s.
 *
 * @param code - an error code
 * @example
 * toProblemSlug('insufficient_funds'); // 'insufficient-funds'
 */
export function toProblemSlug(code: ErrorCode): string {
  return code.replaceAll('_', '-');
}
