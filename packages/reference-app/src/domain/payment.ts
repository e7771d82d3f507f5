import type { Currency } from './money.js';
import type { PaymentStatus } from './payment.state-machine.js';
import type { RefundStatus } from './refund.state-machine.js';

/** How an order is paid: from the wallet, or through a gateway channel. */
export type PaymentChannel = 'wallet' | 'card' | 'wechat' | 'alipay';

/** Why a payment last failed or is still unsettled; user-safe text only. */
export interface PaymentError {
  readonly code: string;
  readonly detail: string;
}

/**
 * A payment of an order.
 *
 * @example
 * const remaining = payment.amount - payment.refundedAmount - payment.pendingRefundAmount;
 */
export interface Payment {
  readonly id: string;
  readonly orderId: string;
  readonly userId: string;
  readonly channel: PaymentChannel;
  readonly paymentMethod: string | null;
  readonly amount: number;
  readonly currency: Currency;
  readonly status: PaymentStatus;
  /** Σ of succeeded refunds. */
  readonly refundedAmount: number;
  /** Σ of refunds still pending at the gateway. */
  readonly pendingRefundAmount: number;
  /** Gateway attempts made (1 for wallet). */
  readonly attempts: number;
  readonly lastError: PaymentError | null;
  /** Gateway idempotency key; `null` for wallet payments. */
  readonly gatewayKey: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * A refund of a payment.
 *
 * @example
 * if (refund.status === 'pending') scheduleReconcile(refund);
 */
export interface Refund {
  readonly id: string;
  readonly paymentId: string;
  readonly userId: string;
  readonly amount: number;
  readonly status: RefundStatus;
  readonly reason: string;
  readonly gatewayKey: string | null;
  readonly createdAt: Date;
}

/**
 * What is left to refund: the amount paid minus succeeded and pending refunds.
 *
 * @param payment - the payment
 * @example
 * refundableAmount({ amount: 100, refundedAmount: 60, pendingRefundAmount: 0 }); // 40
 */
export function refundableAmount(payment: Pick<Payment, 'amount' | 'refundedAmount' | 'pendingRefundAmount'>): number {
  return payment.amount - payment.refundedAmount - payment.pendingRefundAmount;
}

/**
 * User-safe sentences for the payment errors we record. Gateway text is never stored or shown;
 * only its code is mapped here (unknown codes get the generic decline sentence).
 */
export const paymentErrorDetails: Readonly<Record<string, string>> = {
  card_declined: 'The payment method was declined.',
  insufficient_funds: 'The payment method has insufficient funds.',
  invalid_payment_method: 'The payment method is not valid.',
  declined: 'The payment was declined.',
  gateway_unavailable: 'The payment gateway is unavailable; nothing was charged.',
  gateway_timeout: 'The payment gateway did not answer in time; the payment will be settled shortly.',
  not_charged: 'The payment gateway never received the charge; nothing was charged.',
};

/**
 * The user-safe error for a gateway or internal code.
 *
 * @param code - a decline code or one of our codes
 * @returns the code (unknown decline codes become `declined`) with its sentence
 * @example
 * paymentError('insufficient_funds'); // { code: 'insufficient_funds', detail: 'The payment method has insufficient funds.' }
 */
export function paymentError(code: string): PaymentError {
  const detail = paymentErrorDetails[code];
  return detail === undefined ? { code: 'declined', detail: paymentErrorDetails.declined ?? '' } : { code, detail };
}

/**
 * The platform's sales income account of a currency (kind `fee`: platform income that may not go
 * negative). Payments credit it; refunds debit it, and since Σ refunds ≤ paid it never goes
 * negative.
 *
 * @param currency - ISO 4217 code
 * @example
 * salesAccountId('CNY'); // 'acc_sales_CNY'
 */
export function salesAccountId(currency: Currency): string {
  return `acc_sales_${currency}`;
}
