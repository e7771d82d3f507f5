import type { Kysely } from 'kysely';
import { createQueryTemplate } from '../db/query-template.js';
import type { DB, TransferRow } from '../db/schema.js';
import { toDate } from '../db/schema.js';
import type { Transfer, TransferCursor } from '../domain/transfer.js';

function toTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    fromUserId: row.from_user_id,
    toUserId: row.to_user_id,
    amount: row.amount,
    fee: row.fee,
    currency: row.currency,
    status: row.status,
    note: row.note,
    createdAt: toDate(row.created_at),
  };
}

/**
 * Inserts a transfer record.
 *
 * @param db - the transaction that moves the money
 * @param transfer - the transfer
 * @param accounts - the debited and credited wallets
 * @example
 * await insertTransfer(trx, transfer, { fromAccountId, toAccountId });
 */
export async function insertTransfer(
  db: Kysely<DB>,
  transfer: Transfer,
  accounts: { readonly fromAccountId: string; readonly toAccountId: string },
): Promise<void> {
  await insertTransferRow(
    db,
    transfer.id,
    transfer.fromUserId,
    transfer.toUserId,
    accounts.fromAccountId,
    accounts.toAccountId,
    transfer.amount,
    transfer.fee,
    transfer.currency,
    transfer.status,
    transfer.note,
    transfer.createdAt.toISOString(),
  );
}

// Every transfer runs it: compiled once.
const insertTransferRow = createQueryTemplate(
  (
    db,
    id: string,
    fromUserId: string,
    toUserId: string,
    fromAccountId: string,
    toAccountId: string,
    amount: number,
    fee: number,
    currency: string,
    status: Transfer['status'],
    note: string | null,
    createdAt: string,
  ) =>
    db.insertInto('transfers').values({
      id,
      from_user_id: fromUserId,
      to_user_id: toUserId,
      from_account_id: fromAccountId,
      to_account_id: toAccountId,
      amount,
      fee,
      currency,
      status,
      note,
      created_at: createdAt,
    }),
);

/**
 * Lists the transfers a user sent or received, newest first (ties by id, descending), starting
 * after `cursor`.
 *
 * @param db - database or transaction handle
 * @param userId - sender or recipient
 * @param page - `limit` rows after `cursor` (exclusive)
 * @example
 * const rows = await listTransfersOfUser(db, userId, { limit: 21 });
 */
export async function listTransfersOfUser(
  db: Kysely<DB>,
  userId: string,
  page: { readonly limit: number; readonly cursor?: TransferCursor | undefined },
): Promise<Transfer[]> {
  let query = db
    .selectFrom('transfers')
    .selectAll()
    .where((eb) => eb.or([eb('from_user_id', '=', userId), eb('to_user_id', '=', userId)]));
  const { cursor } = page;
  if (cursor !== undefined) {
    const createdAt = cursor.createdAt.toISOString();
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', cursor.id)])]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toTransfer);
}
