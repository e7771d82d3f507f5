import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Users, accounts, the ledger, top-ups, transfers and idempotency keys. Runs on SQLite and
 * PostgreSQL: timestamps are `timestamptz` on PostgreSQL and ISO text on SQLite; money is `bigint`
 * on both. Forward-only: there is no `down`.
 *
 * @param dialect - which engine the statements are for
 * @example
 * const migrations = { '0001-wallet': createWalletMigration('sqlite') };
 */
export function createWalletMigration(dialect: SqlDialect): Migration {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('email', 'text', (col) => col.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.references('users.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('currency', 'text', (col) => col.notNull())
        .addColumn('balance', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addCheckConstraint('accounts_kind_known', sql`kind in ('wallet', 'funding', 'fee')`)
        .addCheckConstraint('accounts_balance_non_negative', sql`kind = 'funding' or balance >= 0`)
        .addCheckConstraint('accounts_wallet_has_owner', sql`(kind = 'wallet') = (user_id is not null)`)
        .addUniqueConstraint('accounts_user_currency_unique', ['user_id', 'currency'])
        .execute();

      await db.schema
        .createTable('ledger_entries')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('movement_type', 'text', (col) => col.notNull())
        .addColumn('movement_id', 'text', (col) => col.notNull())
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('amount', 'bigint', (col) => col.notNull())
        .addColumn('currency', 'text', (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addCheckConstraint('ledger_entries_amount_non_zero', sql`amount <> 0`)
        .execute();
      await db.schema.createIndex('ledger_entries_account_idx').on('ledger_entries').column('account_id').execute();
      await db.schema.createIndex('ledger_entries_movement_idx').on('ledger_entries').column('movement_id').execute();

      await db.schema
        .createTable('top_ups')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('amount', 'bigint', (col) => col.notNull())
        .addColumn('currency', 'text', (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addCheckConstraint('top_ups_amount_positive', sql`amount > 0`)
        .execute();

      await db.schema
        .createTable('transfers')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('from_user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('to_user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('from_account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('to_account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('amount', 'bigint', (col) => col.notNull())
        .addColumn('fee', 'bigint', (col) => col.notNull())
        .addColumn('currency', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addCheckConstraint('transfers_amount_positive', sql`amount > 0`)
        .addCheckConstraint('transfers_fee_non_negative', sql`fee >= 0`)
        .addCheckConstraint('transfers_not_to_self', sql`from_account_id <> to_account_id`)
        .execute();
      await db.schema.createIndex('transfers_from_idx').on('transfers').columns(['from_user_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('transfers_to_idx').on('transfers').columns(['to_user_id', 'created_at', 'id']).execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('key', 'text', (col) => col.notNull())
        .addColumn('request_method', 'text', (col) => col.notNull())
        .addColumn('request_path', 'text', (col) => col.notNull())
        .addColumn('request_hash', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('lock_token', 'text', (col) => col.notNull())
        .addColumn('locked_until', timestamp, (col) => col.notNull())
        .addColumn('response_status', 'integer')
        .addColumn('response_content_type', 'text')
        .addColumn('response_body', 'text')
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('expires_at', timestamp, (col) => col.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
        .addCheckConstraint('idempotency_keys_status_known', sql`status in ('in_progress', 'completed')`)
        .addCheckConstraint(
          'idempotency_keys_completed_has_response',
          sql`status = 'in_progress' or (response_status is not null and response_body is not null)`,
        )
        .execute();
      await db.schema.createIndex('idempotency_keys_expires_idx').on('idempotency_keys').column('expires_at').execute();
    },
  };
}
