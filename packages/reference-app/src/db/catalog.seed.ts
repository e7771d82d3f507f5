import { demoProducts } from '../domain/product.js';
import type { IdGenerator } from '../domain/ids.js';
import { salesAccountId } from '../domain/payment.js';
import { insertProductsIfAbsent } from '../repositories/product.repository.js';
import type { Database } from './database.js';

/**
 * Creates the sales income account and the demo products of a currency if they do not exist yet.
 * Safe to run on every start and from several processes (insert-if-absent on id and SKU).
 *
 * @param database - a migrated database
 * @param currency - ISO 4217 code
 * @param ids - mints product ids
 * @param now - creation time of new rows
 * @example
 * await seedCatalog(database, 'CNY', ids, new Date());
 */
export async function seedCatalog(database: Database, currency: string, ids: IdGenerator, now: Date): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('accounts')
      .values({ id: salesAccountId(currency), user_id: null, kind: 'fee', currency, balance: 0, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await insertProductsIfAbsent(
      trx,
      demoProducts.map((product) => ({ ...product, id: ids.next('prd'), currency })),
      now,
    );
  });
}
