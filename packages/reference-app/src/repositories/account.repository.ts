import type { Kysely } from 'kysely';
import { createQueryTemplate, type QueryTemplate } from '../db/query-template.js';
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

/** One leg of {@link applyBalanceDeltas}. */
export interface BalanceDelta {
  readonly accountId: string;
  /** Signed minor units. */
  readonly delta: number;
  /** Skips the cover check of a debit (the funding account). */
  readonly allowNegative?: boolean;
}

/**
 * Applies several deltas to distinct accounts in one `UPDATE … CASE` with the same covered-debit
 * check as {@link applyBalanceDelta}. SQLite only: a single writer holds the whole database, so the
 * rows need no lock order; on PostgreSQL one statement locks rows in scan order, and two movements
 * could deadlock, so callers there apply deltas one by one in account-id order.
 *
 * @param db - a transaction handle: the caller writes the matching ledger entries in the same one
 * @param deltas - one per account; account ids are distinct
 * @returns the new balance of every account updated: a covered debit that was not covered, or an
 *   account that does not exist, is missing, and the caller must roll back
 * @example
 * const balances = await applyBalanceDeltas(trx, [{ accountId: from, delta: -1075 }, { accountId: to, delta: 1075 }]);
 */
export async function applyBalanceDeltas(db: Kysely<DB>, deltas: readonly BalanceDelta[]): Promise<Map<string, number>> {
  if (deltas.length === 0) {
    return new Map();
  }
  const covered = deltas.map((leg) => leg.delta < 0 && leg.allowNegative !== true);
  const { rows } = await getBalanceUpdate(covered)(db, ...deltas.flatMap((leg) => [leg.accountId, leg.delta, -leg.delta]));
  return new Map(rows.map((row) => [row.id, row.balance]));
}

type BalanceUpdate = QueryTemplate<(string | number)[], Pick<AccountRow, 'id' | 'balance'>>;

// One compiled statement per shape: how many legs, and which of them are covered debits.
const balanceUpdates = new Map<string, BalanceUpdate>();

function getBalanceUpdate(covered: readonly boolean[]): BalanceUpdate {
  const shape = covered.map((isCovered) => (isCovered ? 'd' : 'c')).join('');
  let update = balanceUpdates.get(shape);
  if (update === undefined) {
    // Parameters: account id, delta and cover (-delta) of each leg in turn.
    update = createQueryTemplate((db, ...values: (string | number)[]) => {
      const accountId = (leg: number): string => values[3 * leg] as string;
      const delta = (leg: number): number => values[3 * leg + 1] as number;
      const cover = (leg: number): number => values[3 * leg + 2] as number;
      return db
        .updateTable('accounts')
        .set((eb) => {
          let byAccount = eb.case('id').when(accountId(0)).then(delta(0));
          for (let leg = 1; leg < covered.length; leg += 1) {
            byAccount = byAccount.when(accountId(leg)).then(delta(leg));
          }
          return { balance: eb('balance', '+', byAccount.end()) };
        })
        .where((eb) =>
          eb.or(
            covered.map((isCovered, leg) =>
              isCovered ? eb.and([eb('id', '=', accountId(leg)), eb('balance', '>=', cover(leg))]) : eb('id', '=', accountId(leg)),
            ),
          ),
        )
        .returning(['id', 'balance']);
    });
    balanceUpdates.set(shape, update);
  }
  return update;
}

/** A wallet with its owner's id and email. */
export interface WalletOwner {
  readonly accountId: string;
  readonly userId: string;
  readonly email: string;
  readonly balance: number;
}

/**
 * Finds, in one query, the wallets in `currency` of a transfer's sender and of its recipient
 * (named by user id or by lower-case email).
 *
 * @param db - database or transaction handle
 * @param currency - ISO 4217 code
 * @param senderId - the sender's user id
 * @param recipient - the recipient's user id or lower-case email
 * @returns one row per matching user (a user matched twice appears once)
 * @example
 * const wallets = await findTransferWallets(trx, 'CNY', senderId, 'bob@example.com');
 */
export async function findTransferWallets(db: Kysely<DB>, currency: string, senderId: string, recipient: string): Promise<WalletOwner[]> {
  const { rows } = await selectTransferWallets(db, currency, senderId, recipient);
  return rows;
}

// Every transfer runs it: compiled once.
const selectTransferWallets = createQueryTemplate((db, currency: string, senderId: string, recipient: string) =>
  db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id as accountId', 'u.id as userId', 'u.email', 'a.balance'])
    .where('a.currency', '=', currency)
    .where((eb) => eb.or([eb('u.id', '=', senderId), eb('u.id', '=', recipient), eb('u.email', '=', recipient)])),
);
