import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { listNewsletters } from './queries.js';

export interface MemberSubscription {
  email: string;
  status: string;
  newsletterIds: string[];
  since: string;
}

/**
 * What the members admin (src/members) reads about subscribers: the newsletters, and every subscriber
 * with the newsletters they receive. Added by the members domain; the newsletters domain owns it.
 */
export function memberSubscriptions(db: Kysely<Database>) {
  return {
    async newsletters(): Promise<{ id: string; name: string }[]> {
      return (await listNewsletters(db, { includeArchived: true })).map((n) => ({ id: n.id, name: n.name }));
    },
    async subscribers(email?: string): Promise<MemberSubscription[]> {
      let query = db.selectFrom('newsletter_subscribers').select(['id', 'email', 'status', 'created_at']);
      if (email) query = query.where('email', '=', email);
      const subscribers = await query.execute();
      let links = db.selectFrom('newsletter_subscriptions').select(['subscriber_id', 'newsletter_id']);
      if (email) links = links.where('subscriber_id', 'in', subscribers.length ? subscribers.map((s) => s.id) : ['']);
      const byId = new Map<string, string[]>();
      for (const link of await links.execute()) byId.set(link.subscriber_id, [...(byId.get(link.subscriber_id) ?? []), link.newsletter_id]);
      return subscribers.map((s) => ({ email: s.email, status: s.status, newsletterIds: byId.get(s.id) ?? [], since: s.created_at }));
    },
  };
}

export type MemberSubscriptions = ReturnType<typeof memberSubscriptions>;
