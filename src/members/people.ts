import type { MemberAccount } from '../accounts/index.js';
import type { DonorSummary } from '../donations/index.js';
import type { MemberSubscription } from '../newsletters/index.js';

/** One person as the members admin sees them: a reader account, a subscriber, a donor, or several. */
export interface Person {
  /** Lower-cased; the key people are joined on. Null only for a donor known by account alone. */
  email: string | null;
  userId: string | null;
  name: string;
  /** When the earliest of their account, subscription or first gift began. */
  since: string;
  account: MemberAccount | null;
  subscription: MemberSubscription | null;
  donor: DonorSummary | null;
}

export type DonorFilter = '' | 'donor' | 'monthly' | 'paused' | 'cancelled' | 'one-off' | 'none';
export type LastGiftFilter = '' | '30' | '90' | '365' | 'older';

export interface MemberFilter {
  /** Words in the email or name, any case. */
  search?: string;
  /** A newsletter id: active subscribers of it. */
  newsletter?: string;
  donor?: DonorFilter;
  lastGift?: LastGiftFilter;
  kind?: '' | 'reader' | 'subscriber';
}

/** Joins the three lists by email (and donors without email by their account), newest first. */
export function joinPeople(accounts: MemberAccount[], subscribers: MemberSubscription[], donors: DonorSummary[]): Person[] {
  const byEmail = new Map<string, Person>();
  const byUser = new Map<string, Person>();
  const withoutEmail: Person[] = [];
  const earliest = (a: string, b: string) => (a < b ? a : b);
  const person = (email: string | null, since: string): Person => {
    const fresh: Person = { email, userId: null, name: '', since, account: null, subscription: null, donor: null };
    if (email) byEmail.set(email, fresh);
    return fresh;
  };
  for (const account of accounts) {
    const email = account.email.toLowerCase();
    const p = byEmail.get(email) ?? person(email, account.createdAt);
    p.account = account;
    p.userId = account.userId;
    p.name = account.displayName;
    p.since = earliest(p.since, account.createdAt);
    byUser.set(account.userId, p);
  }
  for (const subscription of subscribers) {
    const email = subscription.email.toLowerCase();
    const p = byEmail.get(email) ?? person(email, subscription.since);
    p.subscription = subscription;
    p.since = earliest(p.since, subscription.since);
  }
  for (const donor of donors) {
    let p = (donor.email ? byEmail.get(donor.email) : undefined) ?? (donor.userId ? byUser.get(donor.userId) : undefined);
    if (!p) {
      p = person(donor.email, donor.firstGiftAt);
      if (!donor.email) withoutEmail.push(p);
    }
    if (p.donor) {
      // The same person's gifts by email and by account: one donor.
      const a = p.donor;
      const totals = { ...a.totals };
      for (const [currency, minor] of Object.entries(donor.totals)) totals[currency] = (totals[currency] ?? 0) + minor;
      p.donor = {
        ...a,
        gifts: a.gifts + donor.gifts,
        firstGiftAt: earliest(a.firstGiftAt, donor.firstGiftAt),
        lastGiftAt: a.lastGiftAt > donor.lastGiftAt ? a.lastGiftAt : donor.lastGiftAt,
        monthly: a.lastGiftAt > donor.lastGiftAt ? a.monthly ?? donor.monthly : donor.monthly ?? a.monthly,
        totals,
      };
    } else p.donor = donor;
    p.since = earliest(p.since, donor.firstGiftAt);
  }
  const all = [...byEmail.values(), ...withoutEmail];
  return all.sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : (a.email ?? '').localeCompare(b.email ?? '')));
}

const DAY = 86_400_000;

export function matches(p: Person, filter: MemberFilter, now: Date): boolean {
  const search = filter.search?.trim().toLowerCase();
  if (search && !(p.email ?? '').includes(search) && !p.name.toLowerCase().includes(search)) return false;
  if (filter.kind === 'reader' && !p.account) return false;
  if (filter.kind === 'subscriber' && p.subscription?.status !== 'active') return false;
  if (filter.newsletter && !(p.subscription?.status === 'active' && p.subscription.newsletterIds.includes(filter.newsletter))) return false;
  const donor = p.donor;
  switch (filter.donor) {
    case 'donor':
      if (!donor) return false;
      break;
    case 'monthly':
      if (donor?.monthly !== 'active') return false;
      break;
    case 'paused':
    case 'cancelled':
      if (donor?.monthly !== filter.donor) return false;
      break;
    case 'one-off':
      if (!donor || donor.monthly) return false;
      break;
    case 'none':
      if (donor) return false;
      break;
  }
  if (filter.lastGift) {
    if (!donor) return false;
    const age = now.getTime() - new Date(donor.lastGiftAt).getTime();
    if (filter.lastGift === 'older' ? age <= 365 * DAY : age > Number(filter.lastGift) * DAY) return false;
  }
  return true;
}
