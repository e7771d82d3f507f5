import { errorCatalog, type ErrorCode } from './error-catalog.js';

/** One invalid field (or item) of a request, addressed by a JSON pointer into the input. */
export interface FieldError {
  /** RFC 6901 pointer, e.g. `/amount`, `/items/0/quantity`, `/headers/idempotency-key`. */
  readonly pointer: string;
  /** Machine-readable reason, e.g. `too_small`, `required`, `out_of_stock`. */
  readonly code: string;
  /** User-safe sentence. */
  readonly detail: string;
}

/** Options shared by every {@link AppError}. */
export interface AppErrorOptions {
  /** The underlying error; logged, never shown to clients. */
  readonly cause?: unknown;
  /** Per-field or per-item failures. */
  readonly fieldErrors?: readonly FieldError[];
  /** Extra members safe to show to clients (e.g. `{ paymentId }`). */
  readonly extensions?: Readonly<Record<string, string | number | boolean | null>>;
  /** Whether the same request may succeed later without change. Default: false. */
  readonly retryable?: boolean;
  /** When retrying makes sense, after how many seconds. */
  readonly retryAfterSeconds?: number;
}

/**
 * The base of every error the service raises on purpose: a stable `code` from the catalogue, a
 * user-safe `message`, optional field errors and extensions, the `cause` kept for the logs, and
 * whether retrying could help. Services throw these; only the HTTP error handler turns them into
 * responses. Anything that is not an `AppError` is treated as a bug and answered generically.
 *
 * @example
 * throw new AppError('insufficient_funds', 'Your balance does not cover this transfer and its fee.');
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** The status the catalogue assigns to `code`. */
  readonly status: number;
  /** Per-field or per-item failures. */
  readonly fieldErrors: readonly FieldError[];
  /** Extra members safe to show to clients. */
  readonly extensions: Readonly<Record<string, string | number | boolean | null>>;
  /** Whether the same request may succeed later. */
  readonly retryable: boolean;
  /** Seconds after which retrying makes sense, when known. */
  readonly retryAfterSeconds: number | undefined;

  /**
   * @param code - a catalogue code
   * @param message - a user-safe sentence (shown to clients for 4xx codes)
   * @param options - cause, field errors, extensions, retry hints
   */
  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = errorCatalog[code].status;
    this.fieldErrors = options.fieldErrors ?? [];
    this.extensions = options.extensions ?? {};
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * Some fields of a well-formed request are invalid (`validation_failed`).
 *
 * @example
 * throw new ValidationError([{ pointer: '/to', code: 'self_transfer', detail: 'You cannot transfer to yourself.' }]);
 */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';

  /**
   * @param fieldErrors - at least one invalid field
   * @param message - default: a generic sentence pointing at `errors`
   */
  constructor(fieldErrors: readonly FieldError[], message = 'Some fields are invalid; see errors.') {
    super('validation_failed', message, { fieldErrors });
  }
}

/** Codes for requests the service cannot even read. */
export type RequestErrorCode =
  | 'malformed_json'
  | 'idempotency_key_missing'
  | 'invalid_signature'
  | 'payload_too_large'
  | 'unsupported_media_type';

/**
 * The request itself is unusable: bad JSON, a missing header, an oversized or non-JSON body.
 *
 * @example
 * throw new RequestError('malformed_json', 'The request body is not valid JSON.');
 */
export class RequestError extends AppError {
  override readonly name = 'RequestError';

  /**
   * @param code - which protocol rule was broken
   * @param message - user-safe sentence
   * @param options - e.g. the parser's error as `cause`
   */
  constructor(code: RequestErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, message, options);
  }
}

/**
 * The path exists but not with this method (`method_not_allowed`).
 *
 * @example
 * throw new MethodNotAllowedError(['GET', 'HEAD']);
 */
export class MethodNotAllowedError extends AppError {
  override readonly name = 'MethodNotAllowedError';

  /** @param allowedMethods - the methods the path supports */
  constructor(readonly allowedMethods: readonly string[]) {
    super('method_not_allowed', `This path supports ${allowedMethods.join(', ')}.`);
  }
}

/** Codes for callers we cannot identify. */
export type AuthenticationErrorCode = 'unauthorized' | 'token_expired' | 'invalid_credentials';

/**
 * The caller could not be authenticated.
 *
 * @example
 * throw new AuthenticationError('token_expired', 'Your session has expired; log in again.');
 */
export class AuthenticationError extends AppError {
  override readonly name = 'AuthenticationError';

  /**
   * @param code - default `unauthorized`
   * @param message - user-safe sentence
   * @param options - e.g. the JWT library's error as `cause`
   */
  constructor(code: AuthenticationErrorCode = 'unauthorized', message = 'A valid bearer token is required.', options?: AppErrorOptions) {
    super(code, message, options);
  }
}

/**
 * The caller is known but may not do this (`forbidden`).
 *
 * @example
 * throw new AuthorizationError('You may not view this resource.');
 */
export class AuthorizationError extends AppError {
  override readonly name = 'AuthorizationError';

  /** @param message - user-safe sentence */
  constructor(message = 'You may not perform this action.') {
    super('forbidden', message);
  }
}

/**
 * The resource does not exist or is not visible to the caller (`not_found`).
 *
 * @example
 * throw new NotFoundError('No user matches the recipient.');
 */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';

  /** @param message - user-safe sentence */
  constructor(message = 'The resource was not found.') {
    super('not_found', message);
  }
}

/** Codes for requests that clash with the current state. */
export type ConflictErrorCode =
  | 'email_taken'
  | 'sku_taken'
  | 'idempotency_key_in_use'
  | 'invalid_state_transition'
  | 'out_of_stock'
  | 'refund_exceeds_captured';

/**
 * The request clashes with the current state of a resource.
 *
 * @example
 * throw new ConflictError('email_taken', 'An account with this email already exists.');
 */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';

  /**
   * @param code - which conflict
   * @param message - user-safe sentence
   * @param options - field errors (e.g. per item), cause
   */
  constructor(code: ConflictErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, message, options);
  }
}

/** Codes for requests a business rule refuses. */
export type BusinessRuleErrorCode = 'insufficient_funds' | 'idempotency_key_reused' | 'payment_declined';

/**
 * A business rule refuses the request; nothing was changed.
 *
 * @example
 * throw new BusinessRuleError('insufficient_funds', 'Your balance does not cover this transfer and its fee.');
 */
export class BusinessRuleError extends AppError {
  override readonly name = 'BusinessRuleError';

  /**
   * @param code - which rule
   * @param message - user-safe sentence
   * @param options - extensions (e.g. `paymentId`), cause
   */
  constructor(code: BusinessRuleErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, message, options);
  }
}

/**
 * Too many attempts (`rate_limited`); retry after `retryAfterSeconds`.
 *
 * @example
 * throw new RateLimitedError(42);
 */
export class RateLimitedError extends AppError {
  override readonly name = 'RateLimitedError';

  /** @param retryAfterSeconds - when the next attempt will be accepted */
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'Too many attempts; try again later.', { retryable: true, retryAfterSeconds });
  }
}

/** Codes for failures of something the service depends on. */
export type DependencyErrorCode = 'service_unavailable' | 'gateway_unavailable' | 'gateway_timeout';

/**
 * A dependency (database, payment gateway) failed or is unavailable. Retryable by default.
 *
 * @example
 * throw new DependencyError('gateway_unavailable', 'The payment gateway is unavailable.', { retryAfterSeconds: 10, cause });
 */
export class DependencyError extends AppError {
  override readonly name = 'DependencyError';

  /**
   * @param code - which dependency failure
   * @param message - user-safe sentence
   * @param options - cause, retry hints
   */
  constructor(code: DependencyErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, message, { retryable: true, ...options });
  }
}

/**
 * A bug or an unexpected failure (`internal_error`). The cause is logged; clients get a generic
 * answer.
 *
 * @example
 * throw new InternalError('A thrown value was not an Error.', { cause: thrown });
 */
export class InternalError extends AppError {
  override readonly name = 'InternalError';

  /**
   * @param message - for the logs only (5xx details are never shown)
   * @param options - the cause
   */
  constructor(message = 'An unexpected error occurred.', options?: AppErrorOptions) {
    super('internal_error', message, options);
  }
}
