/** The largest amount a single request may move: 10^12 minor units. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** The smallest amount a request may move. */
export const MIN_AMOUNT = 1;

/** ISO 4217 currency code, upper-case (e.g. `CNY`). */
export type Currency = string;

/**
 * Whether `value` is a safe integer amount in minor units within the accepted range.
 *
 * @param value - any number
 * @example
 * isValidAmount(12345); // true
 * isValidAmount(1.5);   // false
 */
export function isValidAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= MIN_AMOUNT && value <= MAX_AMOUNT;
}
