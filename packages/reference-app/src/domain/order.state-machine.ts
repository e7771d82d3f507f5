import { defineStateMachine } from './state-machine.js';

/**
 * Order states. `paying` (a gateway payment is in flight) is shown to clients as `pending`: it
 * exists so that cancel and a second payment are refused by a row-level guard
 * (`WHERE status = 'pending'`) instead of a racy check of the payments table.
 */
export type OrderStatus = 'pending' | 'paying' | 'paid' | 'cancelled' | 'partially_refunded' | 'refunded';

/** Order status as the HTTP contract shows it. */
export type PublicOrderStatus = Exclude<OrderStatus, 'paying'>;

/**
 * The order lifecycle: a pending order is paid (wallet: directly; gateway: through `paying`) or
 * cancelled; a failed gateway payment returns it to `pending`, payable again; refunds move a paid
 * order to partially refunded and then refunded.
 *
 * @example
 * orderStateMachine.canTransition('paid', 'cancelled'); // false
 */
export const orderStateMachine = defineStateMachine<OrderStatus>({
  initial: ['pending'],
  transitions: {
    pending: ['paying', 'paid', 'cancelled'],
    paying: ['paid', 'pending'],
    paid: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    cancelled: [],
    refunded: [],
  },
});

/**
 * Maps an internal order status to the contract's.
 *
 * @param status - the stored status
 * @returns the status clients see
 * @example
 * publicOrderStatus('paying'); // 'pending'
 */
export function publicOrderStatus(status: OrderStatus): PublicOrderStatus {
  return status === 'paying' ? 'pending' : status;
}
