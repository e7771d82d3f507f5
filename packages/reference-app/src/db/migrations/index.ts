import type { Migration } from 'kysely';
import type { SqlDialect } from '../database.js';
import { createWalletMigration } from './0001-wallet.js';
import { createCatalogPaymentsMigration } from './0002-catalog-payments.js';
import { createUnreadIndexesMigration } from './0003-unread-indexes.js';

/**
 * Every migration, keyed by a name that sorts in the order they must run. Append only: a
 * migration that has shipped is never edited or removed.
 *
 * @param dialect - the engine the statements are for
 * @example
 * new Migrator({ db, provider: { getMigrations: () => Promise.resolve(getMigrations('sqlite')) } });
 */
export function getMigrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-wallet': createWalletMigration(dialect),
    '0002-catalog-payments': createCatalogPaymentsMigration(dialect),
    '0003-unread-indexes': createUnreadIndexesMigration(),
  };
}
