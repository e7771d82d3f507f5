import type { Kysely, Migration } from 'kysely';

/**
 * Drops the indexes no query reads, each of which cost every transfer, top-up and payment a page
 * write: `ledger_entries_account_idx` and `ledger_entries_movement_idx` (entries are only ever
 * read all at once, by the ledger check) and `idempotency_keys_expires_idx` (nothing purges by
 * expiry yet). An index comes back with the first query that reads by its columns. Forward-only:
 * there is no `down`.
 *
 * @example
 * const migrations = { '0003-unread-indexes': createUnreadIndexesMigration() };
 */
export function createUnreadIndexesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('ledger_entries_account_idx').execute();
      await db.schema.dropIndex('ledger_entries_movement_idx').execute();
      await db.schema.dropIndex('idempotency_keys_expires_idx').execute();
    },
  };
}
