import { systemAccountId } from '../domain/account.js';
import type { Transfer, TransferCursor } from '../domain/transfer.js';
import { normalizeEmail } from '../domain/user.js';
import { InternalError, NotFoundError, ValidationError } from '../errors/app-error.js';
import { findTransferWallets } from '../repositories/account.repository.js';
import { insertTransfer, listTransfersOfUser } from '../repositories/transfer.repository.js';
import { postMovement, type PostingLeg } from './ledger-posting.js';
import type { ServiceDeps, TransactionHooks } from './service-deps.js';

/** A transfer request, already validated. */
export interface TransferInput {
  /** Recipient: a user id or an email (compared lower-case). */
  readonly to: string;
  readonly amount: number;
  readonly note?: string | undefined;
}

/** One page of a newest-first list. */
export interface TransferPage {
  readonly data: readonly Transfer[];
  /** Position after the last item, or `undefined` on the last page. */
  readonly next: TransferCursor | undefined;
}

/**
 * Wallet-to-wallet transfers with the platform fee.
 *
 * @example
 * const transfer = await transfers.create(senderId, { to: 'bob@example.com', amount: 1000 });
 */
export interface TransferService {
  /**
   * Moves `amount` to the recipient and the fee to the platform, debiting `amount + fee` from the
   * sender — one transaction. Checks, in order: recipient exists, not to self, funds.
   *
   * @throws {NotFoundError} unknown recipient
   * @throws {ValidationError} transfer to self (`/to`)
   * @throws {BusinessRuleError} `insufficient_funds`; nothing changes
   */
  create(fromUserId: string, input: TransferInput, hooks?: TransactionHooks<Transfer>): Promise<Transfer>;
  /** The caller's sent and received transfers, newest first. */
  list(userId: string, page: { readonly limit: number; readonly cursor?: TransferCursor | undefined }): Promise<TransferPage>;
}

/**
 * @param deps - service dependencies
 * @example
 * const transfers = createTransferService(deps);
 */
export function createTransferService(deps: ServiceDeps): TransferService {
  const { database, clock, ids, config, retryTransaction } = deps;
  const currency = config.defaultCurrency;
  const fee = config.transferFee;

  return {
    async create(fromUserId, input, hooks = {}) {
      const recipientKey = input.to.includes('@') ? normalizeEmail(input.to) : input.to;
      return retryTransaction.execute(() =>
        database.db.transaction().execute(async (trx) => {
          // One query for both wallets: the sender's, and the recipient's by id or email.
          const wallets = await findTransferWallets(trx, currency, fromUserId, recipientKey);
          const recipient = wallets.find((wallet) => wallet.userId === recipientKey || wallet.email === recipientKey);
          if (recipient === undefined) {
            throw new NotFoundError('No user matches the recipient.');
          }
          if (recipient.userId === fromUserId) {
            throw new ValidationError([{ pointer: '/to', code: 'self_transfer', detail: 'You cannot transfer money to yourself.' }]);
          }
          const from = wallets.find((wallet) => wallet.userId === fromUserId);
          if (from === undefined) {
            throw new InternalError(`User ${fromUserId} has no ${currency} wallet.`);
          }
          const transfer: Transfer = {
            id: ids.next('tr'),
            fromUserId,
            toUserId: recipient.userId,
            amount: input.amount,
            fee,
            currency,
            status: 'completed',
            note: input.note ?? null,
            createdAt: clock.now(),
          };
          const legs: PostingLeg[] = [
            { accountId: from.accountId, amount: -(input.amount + fee) },
            { accountId: recipient.accountId, amount: input.amount },
          ];
          if (fee > 0) {
            legs.push({ accountId: systemAccountId('fee', currency), amount: fee });
          }
          await postMovement(trx, ids, { type: 'transfer', id: transfer.id, currency, legs, createdAt: transfer.createdAt });
          await insertTransfer(trx, transfer, { fromAccountId: from.accountId, toAccountId: recipient.accountId });
          await hooks.beforeCommit?.(trx, transfer);
          return transfer;
        }),
      );
    },

    async list(userId, page) {
      const rows = await listTransfersOfUser(database.db, userId, { limit: page.limit + 1, cursor: page.cursor });
      const data = rows.slice(0, page.limit);
      const last = data.at(-1);
      return {
        data,
        next: rows.length > page.limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : undefined,
      };
    },
  };
}
