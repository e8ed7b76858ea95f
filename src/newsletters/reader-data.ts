import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

export interface SubscriberData {
  email: string;
  status: string;
  firstName: string;
  lastName: string;
  source: string;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  bouncedAt: string | null;
  subscriptions: { newsletter: { slug: string; name: string }; since: string }[];
  /** The newsletter emails queued for or sent to the address. */
  emails: { subject: string; status: string; sentAt: string | null; unsubscribedAt: string | null; openedAt?: string; clickedAt?: string }[];
}

function addressKey(email: string): string {
  return email.trim().toLowerCase();
}

/** What the newsletters hold about an address, for the reader's data download; undefined when never subscribed. */
export async function subscriberDataForEmail(db: Db, email: string): Promise<SubscriberData | undefined> {
  const subscriber = await db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', addressKey(email)).executeTakeFirst();
  if (!subscriber) return undefined;
  const [subscriptions, emails, engagements] = await Promise.all([
    db
      .selectFrom('newsletter_subscriptions as s')
      .innerJoin('newsletters as n', 'n.id', 's.newsletter_id')
      .select(['n.slug', 'n.name', 's.created_at'])
      .where('s.subscriber_id', '=', subscriber.id)
      .orderBy('n.position')
      .orderBy('n.slug')
      .execute(),
    db
      .selectFrom('newsletter_deliveries as d')
      .innerJoin('newsletter_sends as s', 's.id', 'd.send_id')
      .select(['s.id', 's.subject', 'd.status', 'd.sent_at', 'd.unsubscribed_at'])
      .where('d.subscriber_id', '=', subscriber.id)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute(),
    // Counted only when the owner turned open and click counting on (src/newsletters/tracking.ts).
    db.selectFrom('newsletter_engagements').select(['send_id', 'kind', 'at']).where('subscriber_id', '=', subscriber.id).execute(),
  ]);
  // Present only for an email whose open or click was counted: untracked mail has nothing to show.
  const counted = (sendId: string) => {
    const at = (kind: string) => engagements.find((row) => row.send_id === sendId && row.kind === kind)?.at;
    const openedAt = at('open');
    const clickedAt = at('click');
    return { ...(openedAt ? { openedAt } : {}), ...(clickedAt ? { clickedAt } : {}) };
  };
  return {
    email: subscriber.email,
    status: subscriber.status,
    firstName: subscriber.first_name,
    lastName: subscriber.last_name,
    source: subscriber.source,
    createdAt: subscriber.created_at,
    confirmedAt: subscriber.confirmed_at,
    unsubscribedAt: subscriber.unsubscribed_at,
    bouncedAt: subscriber.bounced_at,
    subscriptions: subscriptions.map((row) => ({ newsletter: { slug: row.slug, name: row.name }, since: row.created_at })),
    emails: emails.map((row) => ({ subject: row.subject, status: row.status, sentAt: row.sent_at, unsubscribedAt: row.unsubscribed_at, ...counted(row.id) })),
  };
}

/**
 * Forgets an address when its reader deletes their account: the subscriber row, its subscriptions,
 * its counted opens and clicks, and every delivery row, pending or sent. A delivery row stores the address itself and must name a
 * subscriber, so sent history cannot be kept without the address; it is deleted rather than kept, and a
 * past send's counts drop by that one recipient. Run inside the account deletion's transaction.
 */
export async function forgetSubscriberEmail(db: Db, email: string): Promise<{ subscriptions: number; deliveries: number }> {
  const subscriber = await db.selectFrom('newsletter_subscribers').select('id').where('email', '=', addressKey(email)).executeTakeFirst();
  if (!subscriber) return { subscriptions: 0, deliveries: 0 };
  // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only honours with foreign_keys on.
  await db.deleteFrom('newsletter_engagements').where('subscriber_id', '=', subscriber.id).execute();
  const deliveries = await db.deleteFrom('newsletter_deliveries').where('subscriber_id', '=', subscriber.id).executeTakeFirst();
  const subscriptions = await db.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', subscriber.id).executeTakeFirst();
  await db.deleteFrom('newsletter_subscribers').where('id', '=', subscriber.id).execute();
  return { subscriptions: Number(subscriptions.numDeletedRows), deliveries: Number(deliveries.numDeletedRows) };
}
