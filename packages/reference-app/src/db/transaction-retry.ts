import { ExponentialBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { isRetryableTransactionError } from './database-errors.js';

/**
 * A policy that re-runs a whole transaction when the database aborted it for a serialization
 * failure or a deadlock: up to 4 attempts in total, exponential backoff with decorrelated jitter
 * (5 ms → 200 ms). Any other error is rethrown at once.
 *
 * @param maxAttempts - attempts in total; default 4
 * @example
 * const retryTransaction = createTransactionRetryPolicy();
 * await retryTransaction.execute(() => db.transaction().execute(async (trx) => { … }));
 */
export function createTransactionRetryPolicy(maxAttempts = 4): RetryPolicy {
  return retry(handleWhen(isRetryableTransactionError), {
    maxAttempts: maxAttempts - 1,
    backoff: new ExponentialBackoff({ initialDelay: 5, maxDelay: 200 }),
  });
}
