import { systemAccountId } from '../domain/account.js';
import type { Database } from './database.js';

/**
 * Creates the funding and fee accounts of a currency if they do not exist yet. Safe to run on
 * every start and from several processes at once (insert-if-absent on the deterministic ids).
 *
 * @param database - a migrated database
 * @param currency - ISO 4217 code
 * @param now - creation time for new rows
 * @example
 * await seedSystemAccounts(database, 'CNY', new Date());
 */
export async function seedSystemAccounts(database: Database, currency: string, now: Date): Promise<void> {
  const createdAt = now.toISOString();
  await database.db
    .insertInto('accounts')
    .values([
      { id: systemAccountId('funding', currency), user_id: null, kind: 'funding', currency, balance: 0, created_at: createdAt },
      { id: systemAccountId('fee', currency), user_id: null, kind: 'fee', currency, balance: 0, created_at: createdAt },
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
