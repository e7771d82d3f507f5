import type { Account } from '../domain/account.js';
import { systemAccountId } from '../domain/account.js';
import type { TopUp } from '../domain/transfer.js';
import { InternalError } from '../errors/app-error.js';
import { findWallet } from '../repositories/account.repository.js';
import { insertTopUp } from '../repositories/top-up.repository.js';
import { postMovement } from './ledger-posting.js';
import type { ServiceDeps, TransactionHooks } from './service-deps.js';

/**
 * A user's wallet: balance and top-ups.
 *
 * @example
 * const { balance } = await wallet.topUp(userId, 5000);
 */
export interface WalletService {
  /** The caller's wallet in the default currency. */
  getWallet(userId: string): Promise<Account>;
  /**
   * Credits the wallet from the funding account (two ledger legs) in one transaction.
   *
   * @param hooks - `beforeCommit` runs inside the same transaction
   */
  topUp(userId: string, amount: number, hooks?: TransactionHooks<TopUp>): Promise<TopUp>;
}

/**
 * @param deps - service dependencies
 * @example
 * const wallet = createWalletService(deps);
 */
export function createWalletService(deps: ServiceDeps): WalletService {
  const { database, clock, ids, config, retryTransaction } = deps;
  const currency = config.defaultCurrency;

  return {
    async getWallet(userId) {
      const wallet = await findWallet(database.db, userId, currency);
      if (wallet === undefined) {
        throw new InternalError(`User ${userId} has no ${currency} wallet.`);
      }
      return wallet;
    },

    async topUp(userId, amount, hooks = {}) {
      return retryTransaction.execute(() =>
        database.db.transaction().execute(async (trx) => {
          const wallet = await findWallet(trx, userId, currency);
          if (wallet === undefined) {
            throw new InternalError(`User ${userId} has no ${currency} wallet.`);
          }
          const id = ids.next('tu');
          const createdAt = clock.now();
          const balances = await postMovement(trx, ids, {
            type: 'top_up',
            id,
            currency,
            createdAt,
            legs: [
              { accountId: systemAccountId('funding', currency), amount: -amount, allowNegative: true },
              { accountId: wallet.id, amount },
            ],
          });
          const topUp: TopUp = { id, userId, amount, currency, balance: balances.get(wallet.id) ?? wallet.balance + amount, createdAt };
          await insertTopUp(trx, topUp, wallet.id);
          await hooks.beforeCommit?.(trx, topUp);
          return topUp;
        }),
      );
    },
  };
}
