import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Products, orders and their items, payments, refunds and the webhook event log. Invariants the
 * database can hold are `CHECK`s: stock never negative; Σ of succeeded and pending refunds never
 * above the amount paid; at most one payment per order that is processing or took money (a
 * partial unique index), so an order cannot be charged twice whatever the code does.
 * Forward-only: there is no `down`.
 *
 * @param dialect - which engine the statements are for
 * @example
 * const migrations = { '0002-catalog-payments': createCatalogPaymentsMigration('postgres') };
 */
export function createCatalogPaymentsMigration(dialect: SqlDialect): Migration {
  const timestamp = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('products')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('sku', 'text', (col) => col.notNull().unique())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('price', 'bigint', (col) => col.notNull())
        .addColumn('currency', 'text', (col) => col.notNull())
        .addColumn('stock', 'bigint', (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addCheckConstraint('products_price_positive', sql`price > 0`)
        .addCheckConstraint('products_stock_non_negative', sql`stock >= 0`)
        .execute();

      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('subtotal', 'bigint', (col) => col.notNull())
        .addColumn('freight', 'bigint', (col) => col.notNull())
        .addColumn('total', 'bigint', (col) => col.notNull())
        .addColumn('currency', 'text', (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('updated_at', timestamp, (col) => col.notNull())
        .addCheckConstraint(
          'orders_status_known',
          sql`status in ('pending', 'paying', 'paid', 'cancelled', 'partially_refunded', 'refunded')`,
        )
        .addCheckConstraint('orders_total_adds_up', sql`subtotal > 0 and freight >= 0 and total = subtotal + freight`)
        .execute();
      await db.schema.createIndex('orders_user_idx').on('orders').columns(['user_id', 'created_at']).execute();

      await db.schema
        .createTable('order_items')
        .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('product_id', 'text', (col) => col.notNull().references('products.id'))
        .addColumn('quantity', 'bigint', (col) => col.notNull())
        .addColumn('unit_price', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('order_items_pk', ['order_id', 'product_id'])
        .addCheckConstraint('order_items_quantity_range', sql`quantity between 1 and 1000`)
        .addCheckConstraint('order_items_unit_price_positive', sql`unit_price > 0`)
        .execute();

      await db.schema
        .createTable('payments')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('channel', 'text', (col) => col.notNull())
        .addColumn('payment_method', 'text')
        .addColumn('amount', 'bigint', (col) => col.notNull())
        .addColumn('currency', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('refunded_amount', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('pending_refund_amount', 'bigint', (col) => col.notNull().defaultTo(0))
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error_code', 'text')
        .addColumn('last_error_detail', 'text')
        .addColumn('gateway_key', 'text', (col) => col.unique())
        .addColumn('gateway_id', 'text')
        .addColumn('reconcile_at', timestamp)
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('updated_at', timestamp, (col) => col.notNull())
        .addCheckConstraint(
          'payments_status_known',
          sql`status in ('processing', 'succeeded', 'failed', 'partially_refunded', 'refunded')`,
        )
        .addCheckConstraint('payments_channel_known', sql`channel in ('wallet', 'card', 'wechat', 'alipay')`)
        .addCheckConstraint('payments_amount_positive', sql`amount > 0`)
        .addCheckConstraint(
          'payments_refunds_within_amount',
          sql`refunded_amount >= 0 and pending_refund_amount >= 0 and refunded_amount + pending_refund_amount <= amount`,
        )
        .execute();
      await db.schema.createIndex('payments_order_idx').on('payments').column('order_id').execute();
      await db.schema
        .createIndex('payments_one_live_per_order')
        .on('payments')
        .column('order_id')
        .unique()
        .where(sql.ref('status'), '<>', 'failed')
        .execute();
      await db.schema
        .createIndex('payments_processing_idx')
        .on('payments')
        .columns(['status', 'reconcile_at'])
        .execute();

      await db.schema
        .createTable('refunds')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('payment_id', 'text', (col) => col.notNull().references('payments.id'))
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
        .addColumn('amount', 'bigint', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('gateway_key', 'text', (col) => col.unique())
        .addColumn('reconcile_at', timestamp)
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('updated_at', timestamp, (col) => col.notNull())
        .addCheckConstraint('refunds_status_known', sql`status in ('pending', 'succeeded', 'failed')`)
        .addCheckConstraint('refunds_amount_positive', sql`amount > 0`)
        .execute();
      await db.schema.createIndex('refunds_payment_idx').on('refunds').column('payment_id').execute();
      await db.schema.createIndex('refunds_pending_idx').on('refunds').columns(['status', 'reconcile_at']).execute();

      await db.schema
        .createTable('webhook_events')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('channel', 'text', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('reference', 'text', (col) => col.notNull())
        .addColumn('outcome', 'text', (col) => col.notNull())
        .addColumn('received_at', timestamp, (col) => col.notNull())
        .execute();
    },
  };
}
