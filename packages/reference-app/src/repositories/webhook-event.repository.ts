import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Records a gateway event id unless it was seen before (insert-if-absent on the primary key).
 *
 * @param db - the transaction that applies the event, so the record and the effect commit together
 * @param event - id, channel, type, reference, what was done, when
 * @returns whether this is the first delivery of the event
 * @example
 * if (!(await insertWebhookEventIfAbsent(trx, { id, channel, type, reference, outcome: 'applied', receivedAt }))) return;
 */
export async function insertWebhookEventIfAbsent(
  db: Kysely<DB>,
  event: {
    readonly id: string;
    readonly channel: string;
    readonly type: string;
    readonly reference: string;
    readonly outcome: 'applied' | 'ignored';
    readonly receivedAt: Date;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('webhook_events')
    .values({
      id: event.id,
      channel: event.channel,
      type: event.type,
      reference: event.reference,
      outcome: event.outcome,
      received_at: event.receivedAt.toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/**
 * Marks a recorded event as applied (it changed a payment or refund).
 *
 * @param db - the transaction that applied it
 * @param eventId - the event id
 * @example
 * await markWebhookEventApplied(trx, event.id);
 */
export async function markWebhookEventApplied(db: Kysely<DB>, eventId: string): Promise<void> {
  await db.updateTable('webhook_events').set({ outcome: 'applied' }).where('id', '=', eventId).execute();
}
