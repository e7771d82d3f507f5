/**
 * A registered user, as the service sees it (never with the password hash).
 *
 * @example
 * const user: User = { id: 'usr_1', email: 'ada@example.com', name: null, createdAt: new Date() };
 */
export interface User {
  readonly id: string;
  /** Always lower-case. */
  readonly email: string;
  readonly name: string | null;
  readonly createdAt: Date;
}

/**
 * Normalises an email for storage and comparison.
 *
 * @param email - as typed by the user
 * @example
 * normalizeEmail(' Ada@Example.COM '); // 'ada@example.com'
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
