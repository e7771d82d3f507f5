import { defineStateMachine } from './state-machine.js';

/** Payment states (contract: Payment object). */
export type PaymentStatus = 'processing' | 'succeeded' | 'failed' | 'partially_refunded' | 'refunded';

/**
 * The payment lifecycle: a gateway payment starts `processing` and is settled once, to
 * `succeeded` or `failed`, by the synchronous answer, a webhook or the reconciler — whichever
 * comes first, the others find nothing to do. A wallet payment starts `succeeded`.
 *
 * @example
 * paymentStateMachine.canTransition('failed', 'succeeded'); // false
 */
export const paymentStateMachine = defineStateMachine<PaymentStatus>({
  initial: ['processing', 'succeeded'],
  transitions: {
    processing: ['succeeded', 'failed'],
    succeeded: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    failed: [],
    refunded: [],
  },
});
