import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { CatalogPaymentTables } from './orders.schema.js';

/**
 * A point in time. Written as an ISO 8601 UTC string; read back as a `Date` on PostgreSQL
 * (`timestamptz`) and as the same string on SQLite (`text`). Repositories map it with
 * `toDate`.
 */
export type Timestamp = ColumnType<Date | string, string, string>;

/**
 * Money in integer minor units. `bigint` on both dialects; the PostgreSQL pool parses `int8`
 * back to a safe integer (see `database.ts`), better-sqlite3 returns numbers.
 */
export type Money = ColumnType<number, number, number>;

/** `users`: one row per registered user. */
export interface UsersTable {
  id: string;
  /** Lower-case, unique. */
  email: string;
  name: string | null;
  /** `scrypt$N$r$p$salt$hash`, never leaves the repository layer. */
  password_hash: string;
  created_at: Timestamp;
}

/** `accounts`: ledger accounts with their cached balance. */
export interface AccountsTable {
  id: string;
  user_id: string | null;
  kind: 'wallet' | 'funding' | 'fee';
  currency: string;
  /** Cached Σ of the account's entries; `CHECK (kind = 'funding' OR balance >= 0)`. */
  balance: Money;
  created_at: Timestamp;
}

/** `ledger_entries`: immutable legs of every movement; `CHECK (amount <> 0)`. */
export interface LedgerEntriesTable {
  id: string;
  movement_type: string;
  movement_id: string;
  account_id: string;
  amount: Money;
  currency: string;
  created_at: Timestamp;
}

/** `top_ups`: credits of a wallet from the funding account. */
export interface TopUpsTable {
  id: string;
  user_id: string;
  account_id: string;
  amount: Money;
  currency: string;
  created_at: Timestamp;
}

/** `transfers`: wallet-to-wallet transfers. */
export interface TransfersTable {
  id: string;
  from_user_id: string;
  to_user_id: string;
  from_account_id: string;
  to_account_id: string;
  amount: Money;
  fee: Money;
  currency: string;
  status: 'completed';
  note: string | null;
  created_at: Timestamp;
}

/** `idempotency_keys`: one row per (user, key), claimed atomically, holding the stored response. */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_method: string;
  request_path: string;
  /** SHA-256 of method, path and the canonical JSON body. */
  request_hash: string;
  status: 'in_progress' | 'completed';
  /** Who holds the claim; checked by every write so a stale holder cannot complete. */
  lock_token: string;
  /** After this instant an `in_progress` claim may be taken over (its holder never committed). */
  locked_until: Timestamp;
  response_status: number | null;
  response_content_type: string | null;
  response_body: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/**
 * The whole schema, as Kysely sees it.
 *
 * @example
 * const db = new Kysely<DB>({ dialect });
 */
export interface DB extends CatalogPaymentTables {
  users: UsersTable;
  accounts: AccountsTable;
  ledger_entries: LedgerEntriesTable;
  top_ups: TopUpsTable;
  transfers: TransfersTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** A `users` row as selected. */
export type UserRow = Selectable<UsersTable>;
/** An `accounts` row as selected. */
export type AccountRow = Selectable<AccountsTable>;
/** A `transfers` row as selected. */
export type TransferRow = Selectable<TransfersTable>;
/** A `ledger_entries` row to insert. */
export type NewLedgerEntry = Insertable<LedgerEntriesTable>;
/** An `idempotency_keys` row as selected. */
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;

/**
 * Maps a `Timestamp` column value to a `Date`.
 *
 * @param value - a `Date` (PostgreSQL) or an ISO string (SQLite)
 * @example
 * toDate(row.created_at).toISOString();
 */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
