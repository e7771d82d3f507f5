import type { Selectable } from 'kysely';
import type { PaymentChannel } from '../domain/payment.js';
import type { OrderStatus } from '../domain/order.state-machine.js';
import type { PaymentStatus } from '../domain/payment.state-machine.js';
import type { RefundStatus } from '../domain/refund.state-machine.js';
import type { Money, Timestamp } from './schema.js';

/** `products`: the catalog; `CHECK (stock >= 0)`. */
export interface ProductsTable {
  id: string;
  sku: string;
  name: string;
  price: Money;
  currency: string;
  /** Units available; reserved by orders with `… WHERE stock >= :qty`. */
  stock: Money;
  created_at: Timestamp;
}

/** `orders`: one per checkout; `paying` is shown as `pending`. */
export interface OrdersTable {
  id: string;
  user_id: string;
  status: OrderStatus;
  subtotal: Money;
  freight: Money;
  total: Money;
  currency: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `order_items`: items priced at order time. */
export interface OrderItemsTable {
  order_id: string;
  position: number;
  product_id: string;
  quantity: Money;
  unit_price: Money;
}

/** `payments`: one row per payment attempt of an order. */
export interface PaymentsTable {
  id: string;
  order_id: string;
  user_id: string;
  channel: PaymentChannel;
  payment_method: string | null;
  amount: Money;
  currency: string;
  status: PaymentStatus;
  /** Σ of succeeded refunds. */
  refunded_amount: Money;
  /** Σ of pending refunds; `refunded + pending <= amount` is a `CHECK`. */
  pending_refund_amount: Money;
  attempts: number;
  last_error_code: string | null;
  last_error_detail: string | null;
  /** The gateway idempotency key, the same on every attempt and in lookups. */
  gateway_key: string | null;
  gateway_id: string | null;
  /** When the reconciler may query the gateway about a `processing` payment. */
  reconcile_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `refunds`: partial or full refunds of a payment. */
export interface RefundsTable {
  id: string;
  payment_id: string;
  user_id: string;
  amount: Money;
  status: RefundStatus;
  reason: string;
  gateway_key: string | null;
  reconcile_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** `webhook_events`: every processed gateway event id, so a redelivery is a no-op. */
export interface WebhookEventsTable {
  id: string;
  channel: string;
  type: string;
  reference: string;
  /** `applied` or `ignored` (unknown reference or no longer applicable). */
  outcome: string;
  received_at: Timestamp;
}

/** The catalog and payment tables, merged into `DB`. */
export interface CatalogPaymentTables {
  products: ProductsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  webhook_events: WebhookEventsTable;
}

/** A `products` row as selected. */
export type ProductRow = Selectable<ProductsTable>;
/** An `orders` row as selected. */
export type OrderRow = Selectable<OrdersTable>;
/** An `order_items` row as selected. */
export type OrderItemRow = Selectable<OrderItemsTable>;
/** A `payments` row as selected. */
export type PaymentRow = Selectable<PaymentsTable>;
/** A `refunds` row as selected. */
export type RefundRow = Selectable<RefundsTable>;
