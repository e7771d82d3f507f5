import type { FieldError } from '../errors/app-error.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-error.js';
import { MAX_AMOUNT } from '../domain/money.js';
import { MAX_ITEM_QUANTITY, mergeItems, type Order, type RequestedItem } from '../domain/order.js';
import { findOrder, insertOrder, transitionOrder } from '../repositories/order.repository.js';
import { findProductsByIds, releaseStock, reserveStock } from '../repositories/product.repository.js';
import type { ServiceDeps, TransactionHooks } from './service-deps.js';

/**
 * Orders: create (reserving stock for every item or none), read, cancel (releasing it once).
 *
 * @example
 * const order = await orders.create(userId, [{ productId, quantity: 2 }]);
 */
export interface OrderService {
  /**
   * @throws {ValidationError} a merged quantity above 1000 or a total above the largest amount
   * @throws {NotFoundError} an unknown product
   * @throws {ConflictError} `out_of_stock`, with one error per item short of stock
   */
  create(userId: string, items: readonly RequestedItem[], hooks?: TransactionHooks<Order>): Promise<Order>;
  /** @throws {NotFoundError} unknown or another user's order */
  get(userId: string, orderId: string): Promise<Order>;
  /**
   * Cancels a pending order; cancelling a cancelled order returns it unchanged.
   *
   * @throws {ConflictError} `invalid_state_transition` when it is paid or being paid
   */
  cancel(userId: string, orderId: string, hooks?: TransactionHooks<Order>): Promise<Order>;
}

const notFound = (): NotFoundError => new NotFoundError('The order was not found.');

/**
 * @param deps - service dependencies (`orderFreight` and `defaultCurrency` from config)
 * @example
 * const orders = createOrderService(deps);
 */
export function createOrderService(deps: ServiceDeps): OrderService {
  const { database, clock, ids, config, retryTransaction } = deps;

  return {
    async create(userId, requested, hooks = {}) {
      const merged = mergeItems(requested);
      const tooMany = merged.filter((item) => item.quantity > MAX_ITEM_QUANTITY);
      if (tooMany.length > 0) {
        throw new ValidationError(
          tooMany.map((item) => ({
            pointer: `/items/${item.index}/quantity`,
            code: 'too_big',
            detail: `The total quantity of one product must be at most ${MAX_ITEM_QUANTITY}.`,
          })),
        );
      }
      return retryTransaction.execute(() =>
        database.db.transaction().execute(async (trx) => {
          const products = await findProductsByIds(trx, merged.map((item) => item.productId));
          if (merged.some((item) => !products.has(item.productId))) {
            throw new NotFoundError('A product in the order was not found.');
          }
          // Conditional decrements in product-id order: concurrent orders on PostgreSQL take row
          // locks in one global order and cannot deadlock each other.
          const byProduct = [...merged].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
          const short: FieldError[] = [];
          for (const item of byProduct) {
            if (!(await reserveStock(trx, item.productId, item.quantity))) {
              short.push({ pointer: `/items/${item.index}/quantity`, code: 'out_of_stock', detail: 'Not enough of this product is in stock.' });
            }
          }
          if (short.length > 0) {
            // Throwing rolls back the reservations already made: all items or none.
            throw new ConflictError('out_of_stock', 'Some items are out of stock; nothing was reserved.', {
              fieldErrors: short.sort((a, b) => a.pointer.localeCompare(b.pointer)),
            });
          }
          const items = merged.map((item) => ({
            productId: item.productId,
            quantity: item.quantity,
            unitPrice: products.get(item.productId)?.price ?? 0,
          }));
          const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
          const total = subtotal + config.orderFreight;
          if (!Number.isSafeInteger(total) || total > MAX_AMOUNT) {
            throw new ValidationError([{ pointer: '/items', code: 'too_big', detail: 'The order total exceeds the largest accepted amount.' }]);
          }
          const now = clock.now();
          const order: Order = {
            id: ids.next('ord'),
            userId,
            status: 'pending',
            items,
            subtotal,
            freight: config.orderFreight,
            total,
            currency: config.defaultCurrency,
            createdAt: now,
            updatedAt: now,
          };
          await insertOrder(trx, order);
          await hooks.beforeCommit?.(trx, order);
          return order;
        }),
      );
    },

    async get(userId, orderId) {
      const order = await findOrder(database.db, orderId, userId);
      if (order === undefined) {
        throw notFound();
      }
      return order;
    },

    async cancel(userId, orderId, hooks = {}) {
      return retryTransaction.execute(() =>
        database.db.transaction().execute(async (trx) => {
          const now = clock.now();
          // The guard `status = 'pending'` makes the release happen once: a second or concurrent
          // cancel, or a payment that moved the order first, changes zero rows.
          const cancelled = await transitionOrder(trx, orderId, { from: ['pending'], to: 'cancelled', at: now, userId });
          const order = await findOrder(trx, orderId, userId);
          if (order === undefined) {
            throw notFound();
          }
          if (cancelled) {
            for (const item of order.items) {
              await releaseStock(trx, item.productId, item.quantity);
            }
          } else if (order.status !== 'cancelled') {
            throw new ConflictError('invalid_state_transition', 'Only a pending order that is not being paid can be cancelled.');
          }
          await hooks.beforeCommit?.(trx, order);
          return order;
        }),
      );
    },
  };
}
