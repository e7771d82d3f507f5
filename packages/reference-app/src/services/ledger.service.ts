import type { LedgerReport } from '../domain/ledger.js';
import { getLedgerTotals } from '../repositories/ledger.repository.js';
import type { ServiceDeps } from './service-deps.js';

/**
 * Checks the books.
 *
 * @example
 * const report = await ledger.verify(); // report.ok
 */
export interface LedgerService {
  /**
   * Verifies, on one consistent snapshot: every currency sums to zero, every movement balances,
   * no account that may not go negative is negative, and every cached balance equals the Σ of
   * its entries.
   */
  verify(): Promise<LedgerReport>;
}

/**
 * @param deps - service dependencies
 * @example
 * const ledger = createLedgerService(deps);
 */
export function createLedgerService(deps: Pick<ServiceDeps, 'database'>): LedgerService {
  const { database } = deps;
  return {
    async verify() {
      // PostgreSQL runs each statement of a READ COMMITTED transaction on a new snapshot; the
      // totals must come from one. SQLite transactions are serializable already.
      const transaction = database.db.transaction();
      const totals = await (database.dialect === 'postgres' ? transaction.setIsolationLevel('repeatable read') : transaction).execute(
        (trx) => getLedgerTotals(trx),
      );
      const imbalance = totals.sumsByCurrency.reduce((sum, { total }) => sum + Math.abs(total), 0);
      return {
        ok: imbalance === 0 && totals.unbalancedMovements === 0 && totals.negativeBalances === 0 && totals.cachedBalanceMismatches === 0,
        accounts: totals.accounts,
        entries: totals.entries,
        imbalance,
        negativeBalances: totals.negativeBalances,
        cachedBalanceMismatches: totals.cachedBalanceMismatches,
      };
    },
  };
}
