import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { IdGenerator } from '../domain/ids.js';
import { isBalanced, type LedgerLeg, type MovementType } from '../domain/ledger.js';
import { BusinessRuleError, InternalError } from '../errors/app-error.js';
import { getSqlDialect } from '../db/database.js';
import { applyBalanceDelta, applyBalanceDeltas } from '../repositories/account.repository.js';
import { insertLedgerEntries } from '../repositories/ledger.repository.js';

/** A leg plus whether its account may go negative (only the funding account may). */
export interface PostingLeg extends LedgerLeg {
  readonly allowNegative?: boolean;
}

/** One balanced movement of money. */
export interface Movement {
  readonly type: MovementType;
  /** The id of what caused it (a transfer, a top-up, …). */
  readonly id: string;
  readonly currency: string;
  readonly legs: readonly PostingLeg[];
  readonly createdAt: Date;
}

const insufficientFunds = (): BusinessRuleError =>
  new BusinessRuleError('insufficient_funds', 'Your balance does not cover this amount and its fee.');

async function applyLegs(trx: Transaction<DB>, legs: readonly PostingLeg[]): Promise<Map<string, number>> {
  const accountIds = new Set(legs.map((leg) => leg.accountId));
  if (getSqlDialect(trx) === 'sqlite' && accountIds.size === legs.length) {
    const balances = await applyBalanceDeltas(
      trx,
      legs.map((leg) => ({ accountId: leg.accountId, delta: leg.amount, allowNegative: leg.allowNegative === true })),
    );
    for (const leg of legs) {
      if (!balances.has(leg.accountId)) {
        // Thrown before commit: the legs already applied roll back with the transaction.
        if (leg.amount < 0 && leg.allowNegative !== true) {
          throw insufficientFunds();
        }
        throw new InternalError(`Account ${leg.accountId} does not exist.`);
      }
    }
    return balances;
  }
  const ordered = [...legs].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const balances = new Map<string, number>();
  for (const leg of ordered) {
    const balance = await applyBalanceDelta(trx, leg.accountId, leg.amount, { allowNegative: leg.allowNegative === true });
    if (balance === undefined) {
      throw insufficientFunds();
    }
    balances.set(leg.accountId, balance);
  }
  return balances;
}

/**
 * Posts a movement inside the caller's transaction: applies every leg to its account's cached
 * balance with a covered-debit check on each debit, then appends the ledger entries. Throws
 * before anything commits if a debit is not covered. On PostgreSQL the legs are applied one by
 * one in account-id order (so concurrent movements take row locks in one global order and cannot
 * deadlock); on SQLite, where the one writer holds the whole database, in one statement.
 *
 * @param trx - the transaction of the whole use case
 * @param ids - mints entry ids
 * @param movement - the balanced legs
 * @returns the new cached balance of every account touched
 * @throws {BusinessRuleError} `insufficient_funds` when a debit is not covered
 * @throws {InternalError} when the legs do not balance
 * @example
 * const balances = await postMovement(trx, ids, { type: 'top_up', id, currency, legs, createdAt });
 */
export async function postMovement(trx: Transaction<DB>, ids: IdGenerator, movement: Movement): Promise<Map<string, number>> {
  if (!isBalanced(movement.legs)) {
    throw new InternalError(`Movement ${movement.id} does not balance.`);
  }
  const balances = await applyLegs(trx, movement.legs);
  const createdAt = movement.createdAt.toISOString();
  await insertLedgerEntries(
    trx,
    movement.legs.map((leg) => ({
      id: ids.next('le'),
      movement_type: movement.type,
      movement_id: movement.id,
      account_id: leg.accountId,
      amount: leg.amount,
      currency: movement.currency,
      created_at: createdAt,
    })),
  );
  return balances;
}
