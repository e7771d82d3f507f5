import type { Currency } from './money.js';

/**
 * A completed wallet-to-wallet transfer.
 *
 * @example
 * const t: Transfer = { id: 'tr_1', fromUserId: 'usr_a', toUserId: 'usr_b', amount: 1000, fee: 75, currency: 'CNY', status: 'completed', note: null, createdAt: new Date() };
 */
export interface Transfer {
  readonly id: string;
  readonly fromUserId: string;
  readonly toUserId: string;
  readonly amount: number;
  readonly fee: number;
  readonly currency: Currency;
  readonly status: 'completed';
  readonly note: string | null;
  readonly createdAt: Date;
}

/**
 * A credit of a wallet from the funding account.
 *
 * @example
 * const t: TopUp = { id: 'tu_1', userId: 'usr_a', amount: 5000, currency: 'CNY', balance: 5000, createdAt: new Date() };
 */
export interface TopUp {
  readonly id: string;
  readonly userId: string;
  readonly amount: number;
  readonly currency: Currency;
  /** The wallet balance right after this top-up. */
  readonly balance: number;
  readonly createdAt: Date;
}

/** A position in a newest-first list: the last item of the previous page. */
export interface TransferCursor {
  readonly createdAt: Date;
  readonly id: string;
}
