import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

export interface ParkedEvent {
  eventId: string;
  type: string;
  /** The event JSON as it was verified. */
  payload: string;
  hints: string;
  occurredAt: string;
}

/** Keeps an event until any of `refs` is recorded; parking the same event again changes nothing. */
export async function parkEvent(db: Db, event: ParkedEvent, refs: string[], now: string): Promise<void> {
  for (const ref of new Set(refs)) {
    await db
      .insertInto('stripe_parked_events')
      .values({ event_id: event.eventId, awaiting_ref: ref, event_type: event.type, payload: event.payload, hints: event.hints, occurred_at: event.occurredAt, parked_at: now })
      .onConflict((conflict) => conflict.columns(['event_id', 'awaiting_ref']).doNothing())
      .execute();
  }
}

/** Events waiting for any of `refs`, oldest first, each once even when it waits for several of them. */
export async function parkedFor(db: Db, refs: string[]): Promise<ParkedEvent[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom('stripe_parked_events')
    .select(['event_id', 'event_type', 'payload', 'hints', 'occurred_at'])
    .where('awaiting_ref', 'in', refs)
    .orderBy('occurred_at')
    .orderBy('event_id')
    .execute();
  const seen = new Set<string>();
  const events: ParkedEvent[] = [];
  for (const row of rows) {
    if (seen.has(row.event_id)) continue;
    seen.add(row.event_id);
    events.push({ eventId: row.event_id, type: row.event_type, payload: row.payload, hints: row.hints, occurredAt: row.occurred_at });
  }
  return events;
}

/** Takes an event out of the waiting room; false when another step of this transaction already did. */
export async function unparkEvent(db: Db, eventId: string): Promise<boolean> {
  const result = await db.deleteFrom('stripe_parked_events').where('event_id', '=', eventId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
