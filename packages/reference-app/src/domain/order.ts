import type { Currency } from './money.js';
import type { OrderStatus } from './order.state-machine.js';

/** Largest quantity of one product in an order (after merging repeated items). */
export const MAX_ITEM_QUANTITY = 1000;

/** Most distinct items in one order request. */
export const MAX_ORDER_ITEMS = 50;

/** One line of an order, priced when the order was placed. */
export interface OrderItem {
  readonly productId: string;
  readonly quantity: number;
  /** Unit price at order time, minor units. */
  readonly unitPrice: number;
}

/**
 * An order and its items.
 *
 * @example
 * const total = order.subtotal + order.freight;
 */
export interface Order {
  readonly id: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly items: readonly OrderItem[];
  readonly subtotal: number;
  readonly freight: number;
  readonly total: number;
  readonly currency: Currency;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A requested line before merging. */
export interface RequestedItem {
  readonly productId: string;
  readonly quantity: number;
}

/** A merged line and the index of its first occurrence in the request (for error pointers). */
export interface MergedItem extends RequestedItem {
  readonly index: number;
}

/**
 * Merges repeated product ids (contract: "a repeated productId is merged"), keeping the order of
 * first appearance.
 *
 * @param items - the requested lines
 * @returns one line per product with the summed quantity and its first index
 * @example
 * mergeItems([{ productId: 'a', quantity: 1 }, { productId: 'a', quantity: 2 }]); // [{ productId: 'a', quantity: 3, index: 0 }]
 */
export function mergeItems(items: readonly RequestedItem[]): MergedItem[] {
  const merged = new Map<string, MergedItem>();
  items.forEach((item, index) => {
    const seen = merged.get(item.productId);
    merged.set(item.productId, {
      productId: item.productId,
      quantity: (seen?.quantity ?? 0) + item.quantity,
      index: seen?.index ?? index,
    });
  });
  return [...merged.values()];
}
