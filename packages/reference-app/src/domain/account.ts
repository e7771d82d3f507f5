import type { Currency } from './money.js';

/**
 * `wallet`: a user's money. `funding`: the world outside (top-ups come from it, so its balance is
 * negative by design). `fee`: the platform's fee income.
 */
export type AccountKind = 'wallet' | 'funding' | 'fee';

/**
 * An account of the double-entry ledger with its cached balance.
 *
 * @example
 * const account: Account = { id: 'acc_1', userId: 'usr_1', kind: 'wallet', currency: 'CNY', balance: 0 };
 */
export interface Account {
  readonly id: string;
  /** Owner of a `wallet`; null for system accounts. */
  readonly userId: string | null;
  readonly kind: AccountKind;
  readonly currency: Currency;
  /** Cached Σ of the account's ledger entries, minor units. */
  readonly balance: number;
}

/**
 * Whether an account of this kind may hold a negative balance. Only the funding account, which
 * mirrors money that entered from outside, may.
 *
 * @param kind - the account kind
 * @example
 * mayGoNegative('wallet'); // false
 */
export function mayGoNegative(kind: AccountKind): boolean {
  return kind === 'funding';
}

/**
 * The deterministic id of a system account, so every process finds the same one.
 *
 * @param kind - `funding` or `fee`
 * @param currency - ISO 4217 code
 * @example
 * systemAccountId('fee', 'CNY'); // 'acc_fee_CNY'
 */
export function systemAccountId(kind: Exclude<AccountKind, 'wallet'>, currency: Currency): string {
  return `acc_${kind}_${currency}`;
}
