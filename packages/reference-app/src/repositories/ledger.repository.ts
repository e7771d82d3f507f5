import { sql, type Kysely } from 'kysely';
import type { DB, NewLedgerEntry } from '../db/schema.js';

/**
 * Appends ledger entries (one multi-row insert). Entries are never updated or deleted.
 *
 * @param db - the transaction that also applies the matching balance deltas
 * @param entries - the legs of one movement; their amounts sum to zero
 * @example
 * await insertLedgerEntries(trx, legs.map((leg) => ({ … })));
 */
export async function insertLedgerEntries(db: Kysely<DB>, entries: readonly NewLedgerEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await db.insertInto('ledger_entries').values([...entries]).execute();
}

/** Raw totals the ledger check is computed from. */
export interface LedgerTotals {
  readonly accounts: number;
  readonly entries: number;
  /** Σ of all entries, per currency. */
  readonly sumsByCurrency: readonly { readonly currency: string; readonly total: number }[];
  /** Movements whose legs do not sum to zero. */
  readonly unbalancedMovements: number;
  /** Non-funding accounts with a negative cached balance or a negative Σ of entries. */
  readonly negativeBalances: number;
  /** Accounts whose cached balance differs from the Σ of their entries. */
  readonly cachedBalanceMismatches: number;
}

/**
 * Computes the totals of the whole ledger. Run it inside one transaction so every query sees
 * the same snapshot.
 *
 * @param db - a transaction handle
 * @example
 * const totals = await db.transaction().execute((trx) => getLedgerTotals(trx));
 */
export async function getLedgerTotals(db: Kysely<DB>): Promise<LedgerTotals> {
  // Sums are cast to bigint so PostgreSQL returns int8 (parsed to a safe integer), not numeric.
  const accountCount = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  const entryCount = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  const sums = await db
    .selectFrom('ledger_entries')
    .select(['currency', sql<number | string>`cast(sum(amount) as bigint)`.as('total')])
    .groupBy('currency')
    .execute();
  const unbalanced = await db
    .selectFrom(
      db
        .selectFrom('ledger_entries')
        .select(['movement_id', 'currency'])
        .groupBy(['movement_id', 'currency'])
        .having(sql`sum(amount)`, '<>', 0)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  const perAccount = db
    .selectFrom('accounts as a')
    .leftJoin('ledger_entries as e', 'e.account_id', 'a.id')
    .select(['a.id', 'a.kind', 'a.balance', sql<number | string>`cast(coalesce(sum(e.amount), 0) as bigint)`.as('total')])
    .groupBy(['a.id', 'a.kind', 'a.balance'])
    .as('t');
  const checks = await db
    .selectFrom(perAccount)
    .select([
      sql<number | string>`count(case when t.kind <> 'funding' and (t.balance < 0 or t.total < 0) then 1 end)`.as('negative'),
      sql<number | string>`count(case when t.balance <> t.total then 1 end)`.as('mismatched'),
    ])
    .executeTakeFirstOrThrow();
  return {
    accounts: Number(accountCount.count),
    entries: Number(entryCount.count),
    sumsByCurrency: sums.map((row) => ({ currency: row.currency, total: Number(row.total) })),
    unbalancedMovements: Number(unbalanced.count),
    negativeBalances: Number(checks.negative),
    cachedBalanceMismatches: Number(checks.mismatched),
  };
}
