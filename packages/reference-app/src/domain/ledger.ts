/** What caused a movement of money. */
export type MovementType = 'top_up' | 'transfer' | 'payment' | 'refund';

/**
 * One leg of a movement. The legs of a movement sum to zero per currency; entries are never
 * updated or deleted.
 *
 * @example
 * const leg: LedgerLeg = { accountId: 'acc_1', amount: -1075 };
 */
export interface LedgerLeg {
  readonly accountId: string;
  /** Signed minor units: negative debits the account, positive credits it. Never zero. */
  readonly amount: number;
}

/**
 * Whether the legs of a movement balance (Σ = 0) and none is zero.
 *
 * @param legs - the legs of one movement in one currency
 * @example
 * isBalanced([{ accountId: 'a', amount: -5 }, { accountId: 'b', amount: 5 }]); // true
 */
export function isBalanced(legs: readonly LedgerLeg[]): boolean {
  return legs.every((leg) => leg.amount !== 0) && legs.reduce((sum, leg) => sum + leg.amount, 0) === 0;
}

/**
 * The result of checking the whole ledger.
 *
 * @example
 * const report: LedgerReport = { ok: true, accounts: 3, entries: 4, imbalance: 0, negativeBalances: 0, cachedBalanceMismatches: 0 };
 */
export interface LedgerReport {
  readonly ok: boolean;
  readonly accounts: number;
  readonly entries: number;
  /** Σ over currencies of |Σ of all entries in that currency|; 0 when the books balance. */
  readonly imbalance: number;
  /** Accounts that may not go negative but do (by cache or by entries). */
  readonly negativeBalances: number;
  /** Accounts whose cached balance differs from the Σ of their entries. */
  readonly cachedBalanceMismatches: number;
}
