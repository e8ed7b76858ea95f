import type { Kysely } from 'kysely';
import type { Database, Row } from '../db/schema.js';
import type { Newsletter } from './types.js';

type Db = Kysely<Database>;

function toNewsletter(row: Row<'newsletters'>): Newsletter {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, position: row.position, archived: row.archived_at !== null };
}

export async function listNewsletters(db: Db, options: { includeArchived?: boolean } = {}): Promise<Newsletter[]> {
  let query = db.selectFrom('newsletters').selectAll().orderBy('position').orderBy('created_at');
  if (!options.includeArchived) query = query.where('archived_at', 'is', null);
  return (await query.execute()).map(toNewsletter);
}

export async function findNewsletter(db: Db, by: { id: string } | { slug: string }): Promise<Newsletter | undefined> {
  const query = db.selectFrom('newsletters').selectAll();
  const row = await ('id' in by ? query.where('id', '=', by.id) : query.where('slug', '=', by.slug)).executeTakeFirst();
  return row ? toNewsletter(row) : undefined;
}

export function findSubscriberByEmail(db: Db, email: string) {
  return db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findSubscriber(db: Db, id: string) {
  return db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function subscribedNewsletterIds(db: Db, subscriberId: string): Promise<string[]> {
  const rows = await db.selectFrom('newsletter_subscriptions').select('newsletter_id').where('subscriber_id', '=', subscriberId).execute();
  return rows.map((row) => row.newsletter_id);
}

/** Active subscribers per newsletter, for the admin. */
export async function subscriberCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('newsletter_subscriptions')
    .innerJoin('newsletter_subscribers', 'newsletter_subscribers.id', 'newsletter_subscriptions.subscriber_id')
    .where('newsletter_subscribers.status', '=', 'active')
    .select(['newsletter_subscriptions.newsletter_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('newsletter_subscriptions.newsletter_id')
    .execute();
  return new Map(rows.map((row) => [row.newsletter_id, Number(row.count)]));
}
