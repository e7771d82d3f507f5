/** The shape of driver errors we look at: both pg and better-sqlite3 put a string `code` on them. */
interface CodedError {
  readonly code?: unknown;
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as CodedError).code : undefined;
}

/**
 * Whether a driver error is a unique-constraint violation (PostgreSQL 23505, SQLite
 * `SQLITE_CONSTRAINT_UNIQUE`/`PRIMARYKEY`).
 *
 * @param error - anything thrown by a query
 * @example
 * if (isUniqueViolation(error)) throw new ConflictError('email_taken', '…', { cause: error });
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Whether re-running the whole transaction may succeed: PostgreSQL serialization failure (40001)
 * or deadlock (40P01), SQLite busy.
 *
 * @param error - anything thrown by a transaction
 * @example
 * retry(handleWhen(isRetryableTransactionError), { maxAttempts: 4 });
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY';
}
