import type { Kysely } from 'kysely';
import type { AccountRow, DB } from '../db/schema.js';
import type { Account } from '../domain/account.js';
import { InternalError } from '../errors/app-error.js';

function toAccount(row: AccountRow): Account {
  return { id: row.id, userId: row.user_id, kind: row.kind, currency: row.currency, balance: row.balance };
}

/**
 * Inserts a wallet account with a zero balance.
 *
 * @param db - database or transaction handle
 * @param account - id, owner, currency
 * @param createdAt - creation time
 * @example
 * await insertWallet(trx, { id: ids.next('acc'), userId: user.id, currency: 'CNY' }, now);
 */
export async function insertWallet(
  db: Kysely<DB>,
  account: { readonly id: string; readonly userId: string; readonly currency: string },
  createdAt: Date,
): Promise<Account> {
  await db
    .insertInto('accounts')
    .values({
      id: account.id,
      user_id: account.userId,
      kind: 'wallet',
      currency: account.currency,
      balance: 0,
      created_at: createdAt.toISOString(),
    })
    .execute();
  return { id: account.id, userId: account.userId, kind: 'wallet', currency: account.currency, balance: 0 };
}

/**
 * Finds a user's wallet in a currency.
 *
 * @param db - database or transaction handle
 * @param userId - the owner
 * @param currency - ISO 4217 code
 * @returns the account, or `undefined` when the user has no wallet in this currency
 * @example
 * const wallet = await findWallet(db, userId, 'CNY');
 */
export async function findWallet(db: Kysely<DB>, userId: string, currency: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('currency', '=', currency)
    .executeTakeFirst();
  return row === undefined ? undefined : toAccount(row);
}

/**
 * Adds `delta` to an account's cached balance. A negative delta is applied only if the balance
 * covers it (`… WHERE balance >= :debit`), which is what keeps wallets non-negative without row
 * locks; on PostgreSQL the update also takes the row lock, so callers apply deltas in account-id
 * order.
 *
 * @param db - a transaction handle: the caller writes the matching ledger entries in the same one
 * @param accountId - the account
 * @param delta - signed minor units
 * @param options - `allowNegative` skips the cover check (the funding account)
 * @returns the new balance, or `undefined` when a debit was not covered
 * @throws {InternalError} when the account does not exist
 * @example
 * const after = await applyBalanceDelta(trx, wallet.id, -1075);
 * if (after === undefined) throw new BusinessRuleError('insufficient_funds', '…');
 */
export async function applyBalanceDelta(
  db: Kysely<DB>,
  accountId: string,
  delta: number,
  options: { readonly allowNegative?: boolean } = {},
): Promise<number | undefined> {
  let query = db
    .updateTable('accounts')
    .set((eb) => ({ balance: eb('balance', '+', delta) }))
    .where('id', '=', accountId);
  if (delta < 0 && options.allowNegative !== true) {
    query = query.where('balance', '>=', -delta);
  }
  const row = await query.returning('balance').executeTakeFirst();
  if (row !== undefined) {
    return row.balance;
  }
  if (delta >= 0 || options.allowNegative === true) {
    throw new InternalError(`Account ${accountId} does not exist.`);
  }
  return undefined;
}

/** A wallet with its owner's id and email. */
export interface WalletOwner {
  readonly accountId: string;
  readonly userId: string;
  readonly email: string;
  readonly balance: number;
}

/**
 * Finds, in one query, the wallets in `currency` of the users matching any of the ids or
 * emails (a transfer needs the sender's and the recipient's).
 *
 * @param db - database or transaction handle
 * @param currency - ISO 4217 code
 * @param owners - user ids and lower-case emails to match
 * @returns one row per matching user (a user matched twice appears once)
 * @example
 * const wallets = await findWalletOwners(trx, 'CNY', { userIds: [senderId, to], emails: [to] });
 */
export async function findWalletOwners(
  db: Kysely<DB>,
  currency: string,
  owners: { readonly userIds: readonly string[]; readonly emails: readonly string[] },
): Promise<WalletOwner[]> {
  return db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id as accountId', 'u.id as userId', 'u.email', 'a.balance'])
    .where('a.currency', '=', currency)
    .where((eb) => {
      const matches = [...owners.userIds.map((id) => eb('u.id', '=', id)), ...owners.emails.map((email) => eb('u.email', '=', email))];
      return eb.or(matches);
    })
    .execute();
}
