import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Donation, LedgerEntry } from './ledger-queries.js';

type Db = Kysely<Database>;

/** Whose gifts a page or a query is about: the email gifts were receipted to, and a signed-in reader. */
export interface DonorIdentity {
  email: string | null;
  userId: string | null;
}

function ownedBy(db: Db, who: DonorIdentity) {
  return db.selectFrom('donations as d').where((eb) => {
    const mine = [];
    if (who.email) mine.push(eb('d.donor_email', '=', who.email));
    if (who.userId) mine.push(eb('d.intent_id', 'in', eb.selectFrom('donation_intents').select('id').where('user_id', '=', who.userId)));
    // Callers check that one of the two is known; an empty identity matches nothing.
    return mine.length ? eb.or(mine) : eb('d.id', '=', '');
  });
}

/** The donor's gifts that went through or are under way, newest first (failed checkouts left out). */
export async function donorDonations(db: Db, who: DonorIdentity): Promise<Donation[]> {
  if (!who.email && !who.userId) return [];
  return ownedBy(db, who).selectAll('d').where('d.status', '!=', 'failed').where('d.status', '!=', 'pending').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').execute();
}

export async function donorDonation(db: Db, who: DonorIdentity, donationId: string): Promise<Donation | undefined> {
  if (!who.email && !who.userId) return undefined;
  return ownedBy(db, who).selectAll('d').where('d.id', '=', donationId).executeTakeFirst();
}

export async function hasDonations(db: Db, email: string): Promise<boolean> {
  return (await db.selectFrom('donations').select('id').where('donor_email', '=', email).limit(1).executeTakeFirst()) !== undefined;
}

/** Ledger entries of the donor's gifts within [from, to), oldest first: a yearly statement. */
export async function donorEntries(db: Db, who: DonorIdentity, from: string, to: string): Promise<LedgerEntry[]> {
  if (!who.email && !who.userId) return [];
  return db
    .selectFrom('donation_ledger as l')
    .selectAll('l')
    .where('l.donation_id', 'in', ownedBy(db, who).select('d.id'))
    .where('l.occurred_at', '>=', from)
    .where('l.occurred_at', '<', to)
    .orderBy('l.occurred_at')
    .orderBy('l.id')
    .execute();
}
