import type { Kysely, Transaction } from 'kysely';
import type { OrderItemRow, OrderRow } from '../db/orders.schema.js';
import { toDate, type DB } from '../db/schema.js';
import type { Order } from '../domain/order.js';
import type { OrderStatus } from '../domain/order.state-machine.js';

function toOrder(row: OrderRow, items: readonly OrderItemRow[]): Order {
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status,
    items: [...items]
      .sort((a, b) => a.position - b.position)
      .map((item) => ({ productId: item.product_id, quantity: item.quantity, unitPrice: item.unit_price })),
    subtotal: row.subtotal,
    freight: row.freight,
    total: row.total,
    currency: row.currency,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * Inserts an order and its items (one multi-row insert).
 *
 * @param trx - the transaction that also reserved the stock
 * @param order - the order to store
 * @example
 * await insertOrder(trx, order);
 */
export async function insertOrder(trx: Transaction<DB>, order: Order): Promise<void> {
  await trx
    .insertInto('orders')
    .values({
      id: order.id,
      user_id: order.userId,
      status: order.status,
      subtotal: order.subtotal,
      freight: order.freight,
      total: order.total,
      currency: order.currency,
      created_at: order.createdAt.toISOString(),
      updated_at: order.updatedAt.toISOString(),
    })
    .execute();
  await trx
    .insertInto('order_items')
    .values(
      order.items.map((item, position) => ({
        order_id: order.id,
        position,
        product_id: item.productId,
        quantity: item.quantity,
        unit_price: item.unitPrice,
      })),
    )
    .execute();
}

/**
 * Finds an order of a user (another user's order is "not found").
 *
 * @param db - database or transaction handle
 * @param orderId - the order
 * @param userId - the owner, or `undefined` for system callers (reconciler, webhooks)
 * @returns the order, or `undefined`
 * @example
 * const order = await findOrder(db, id, userId);
 */
export async function findOrder(db: Kysely<DB>, orderId: string, userId: string | undefined): Promise<Order | undefined> {
  let query = db.selectFrom('orders').selectAll().where('id', '=', orderId);
  if (userId !== undefined) {
    query = query.where('user_id', '=', userId);
  }
  const row = await query.executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  const items = await db.selectFrom('order_items').selectAll().where('order_id', '=', orderId).execute();
  return toOrder(row, items);
}

/**
 * Moves an order from one of `from` to `to`, guarded in the `WHERE` clause, so of two racing
 * transitions exactly one changes the row and the other sees zero affected rows.
 *
 * @param db - the transaction of the whole step
 * @param orderId - the order
 * @param transition - allowed current states, the target, the time, and optionally the owner
 * @returns whether this call made the transition
 * @example
 * if (await transitionOrder(trx, id, { from: ['pending'], to: 'cancelled', at: now, userId })) { … }
 */
export async function transitionOrder(
  db: Kysely<DB>,
  orderId: string,
  transition: { readonly from: readonly OrderStatus[]; readonly to: OrderStatus; readonly at: Date; readonly userId?: string },
): Promise<boolean> {
  let query = db
    .updateTable('orders')
    .set({ status: transition.to, updated_at: transition.at.toISOString() })
    .where('id', '=', orderId)
    .where('status', 'in', [...transition.from]);
  if (transition.userId !== undefined) {
    query = query.where('user_id', '=', transition.userId);
  }
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
