import { sql, type InsertResult, type Kysely } from 'kysely';
import { createQueryTemplate, type QueryTemplate } from '../db/query-template.js';
import type { DB } from '../db/schema.js';

/** A ledger entry to append. */
export interface NewLedgerEntryValues {
  readonly id: string;
  readonly movement_type: string;
  readonly movement_id: string;
  readonly account_id: string;
  readonly amount: number;
  readonly currency: string;
  /** ISO 8601. */
  readonly created_at: string;
}

/**
 * Appends ledger entries (one multi-row insert). Entries are never updated or deleted.
 *
 * @param db - the transaction that also applies the matching balance deltas
 * @param entries - the legs of one movement; their amounts sum to zero
 * @example
 * await insertLedgerEntries(trx, legs.map((leg) => ({ … })));
 */
export async function insertLedgerEntries(db: Kysely<DB>, entries: readonly NewLedgerEntryValues[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await getEntriesInsert(entries.length)(
    db,
    ...entries.flatMap((entry) => [entry.id, entry.movement_type, entry.movement_id, entry.account_id, entry.amount, entry.currency, entry.created_at]),
  );
}

type EntriesInsert = QueryTemplate<(string | number)[], InsertResult>;

// One compiled statement per number of entries (a movement has two or three legs).
const entriesInserts = new Map<number, EntriesInsert>();

function getEntriesInsert(count: number): EntriesInsert {
  let insert = entriesInserts.get(count);
  if (insert === undefined) {
    // Parameters: the seven columns of each entry in turn.
    insert = createQueryTemplate((db, ...values: (string | number)[]) => {
      const text = (entry: number, column: number): string => values[7 * entry + column] as string;
      const rows = Array.from({ length: count }, (_, entry) => ({
        id: text(entry, 0),
        movement_type: text(entry, 1),
        movement_id: text(entry, 2),
        account_id: text(entry, 3),
        amount: values[7 * entry + 4] as number,
        currency: text(entry, 5),
        created_at: text(entry, 6),
      }));
      return db.insertInto('ledger_entries').values(rows);
    });
    entriesInserts.set(count, insert);
  }
  return insert;
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
