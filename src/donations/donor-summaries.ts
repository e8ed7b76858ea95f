import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { donorDonations } from './donor-queries.js';

/** One donor (by email, or by reader account for gifts given signed in before emails were kept). */
export interface DonorSummary {
  email: string | null;
  userId: string | null;
  gifts: number;
  firstGiftAt: string;
  lastGiftAt: string;
  /** The state of their newest monthly gift, if they ever gave monthly. */
  monthly: 'active' | 'paused' | 'cancelled' | null;
  /** Net given per currency (payments minus refunds), minor units. */
  totals: Record<string, number>;
}

/**
 * Every donor whose money arrived. Read whole: the members list merges donors with readers and
 * subscribers by email, which no one domain's SQL can do; a newsroom's donors fit in memory.
 */
export async function donorSummaries(db: Kysely<Database>): Promise<DonorSummary[]> {
  const gifts = await db
    .selectFrom('donations as d')
    .leftJoin('donation_intents as i', 'i.id', 'd.intent_id')
    .select(['d.id', 'd.donor_email', 'i.user_id', 'd.frequency', 'd.status', 'd.paused', 'd.created_at'])
    .where('d.status', 'in', ['paid', 'active', 'cancelled', 'refunded'])
    .orderBy('d.created_at')
    .execute();
  const sums = await db
    .selectFrom('donation_ledger')
    .select(['donation_id', 'currency', (eb) => eb.fn.sum<number>('amount_minor').as('total')])
    .groupBy(['donation_id', 'currency'])
    .execute();
  const byDonation = new Map<string, { currency: string; total: number }[]>();
  for (const row of sums) byDonation.set(row.donation_id, [...(byDonation.get(row.donation_id) ?? []), { currency: row.currency, total: Number(row.total) }]);
  const donors = new Map<string, DonorSummary>();
  for (const gift of gifts) {
    const key = gift.donor_email ? `e:${gift.donor_email}` : gift.user_id ? `u:${gift.user_id}` : null;
    if (!key) continue;
    let donor = donors.get(key);
    if (!donor) {
      donor = { email: gift.donor_email, userId: gift.user_id, gifts: 0, firstGiftAt: gift.created_at, lastGiftAt: gift.created_at, monthly: null, totals: {} };
      donors.set(key, donor);
    }
    donor.userId ??= gift.user_id;
    donor.gifts += 1;
    donor.lastGiftAt = gift.created_at;
    if (gift.frequency === 'monthly') donor.monthly = gift.status === 'cancelled' ? 'cancelled' : gift.paused ? 'paused' : gift.status === 'active' ? 'active' : donor.monthly;
    for (const sum of byDonation.get(gift.id) ?? []) donor.totals[sum.currency] = (donor.totals[sum.currency] ?? 0) + sum.total;
  }
  return [...donors.values()];
}

/** A person's gifts for the members admin, newest first. */
export async function giftsOf(db: Kysely<Database>, who: { email: string | null; userId: string | null }) {
  return (await donorDonations(db, who)).map((d) => ({
    id: d.id,
    amountMinor: d.amount_minor,
    currency: d.currency,
    frequency: d.frequency,
    status: d.status,
    paused: d.paused === 1,
    /** A monthly gift cancelled at the end of its paid period, still active until then. */
    cancelAt: d.frequency === 'monthly' && d.status === 'active' ? d.cancel_at : null,
    provider: d.provider,
    publicName: d.public_name,
    showOnWall: d.show_on_wall === 1,
    createdAt: d.created_at,
  }));
}
