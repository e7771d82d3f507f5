import type { Transaction } from 'kysely';
import type { RetryPolicy } from 'cockatiel';
import type { AppConfig } from '../config.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Clock } from '../domain/clock.js';
import type { IdGenerator } from '../domain/ids.js';
import type { Logger } from '../observability/logger.js';

/**
 * What every service is built from. No module singletons: a test builds services on a fresh
 * database with a fixed clock.
 *
 * @example
 * const wallet = createWalletService({ database, clock, ids, config, logger, retryTransaction });
 */
export interface ServiceDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Re-runs a whole transaction on serialization failure or deadlock. */
  readonly retryTransaction: RetryPolicy;
}

/**
 * Work a caller adds to a service's transaction, run after the service's own writes and before
 * commit, so both commit or neither. Used to store an idempotent response atomically with the
 * effect it describes.
 *
 * @example
 * await transfers.create(userId, input, { beforeCommit: (trx, transfer) => claim.complete(trx, …) });
 */
export interface TransactionHooks<T> {
  readonly beforeCommit?: (trx: Transaction<DB>, result: T) => Promise<void>;
}
