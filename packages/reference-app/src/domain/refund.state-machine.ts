import { defineStateMachine } from './state-machine.js';

/** Refund states (contract: refunds). */
export type RefundStatus = 'pending' | 'succeeded' | 'failed';

/**
 * The refund lifecycle: a gateway refund starts `pending` (its amount already counts against the
 * payment) and is settled once; a wallet refund starts `succeeded`. A failed refund releases its
 * amount.
 *
 * @example
 * refundStateMachine.canTransition('pending', 'succeeded'); // true
 */
export const refundStateMachine = defineStateMachine<RefundStatus>({
  initial: ['pending', 'succeeded'],
  transitions: {
    pending: ['succeeded', 'failed'],
    succeeded: [],
    failed: [],
  },
});
