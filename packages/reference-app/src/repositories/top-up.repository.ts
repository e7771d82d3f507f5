import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { TopUp } from '../domain/transfer.js';

/**
 * Inserts a top-up record.
 *
 * @param db - the transaction that moves the money
 * @param topUp - the top-up
 * @param accountId - the credited wallet
 * @example
 * await insertTopUp(trx, topUp, wallet.id);
 */
export async function insertTopUp(db: Kysely<DB>, topUp: TopUp, accountId: string): Promise<void> {
  await db
    .insertInto('top_ups')
    .values({
      id: topUp.id,
      user_id: topUp.userId,
      account_id: accountId,
      amount: topUp.amount,
      currency: topUp.currency,
      created_at: topUp.createdAt.toISOString(),
    })
    .execute();
}
