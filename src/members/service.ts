import type { Kysely } from 'kysely';
import { findUserByEmail, findUserById, findReaderStanding, listMemberAccounts } from '../accounts/index.js';
import { commentsByAuthor } from '../comments/index.js';
import type { Database } from '../db/schema.js';
import { donorSummaries, giftsOf } from '../donations/index.js';
import { sanctionsForReader } from '../moderation-queue/index.js';
import type { MemberSubscriptions } from '../newsletters/index.js';
import type { SettingsService } from '../settings/index.js';
import { joinPeople, matches, type MemberFilter, type Person } from './people.js';

export interface MembersDeps {
  db: Kysely<Database>;
  settings: SettingsService;
  now: () => Date;
  /** The newsletters domain's subscribers (src/newsletters/index.ts `memberSubscriptions`). */
  subscriptions: MemberSubscriptions;
}

export async function everyone(deps: MembersDeps): Promise<Person[]> {
  const [accounts, subscribers, donors] = await Promise.all([listMemberAccounts(deps.db), deps.subscriptions.subscribers(), donorSummaries(deps.db)]);
  return joinPeople(accounts, subscribers, donors);
}

export async function findPeople(deps: MembersDeps, filter: MemberFilter): Promise<Person[]> {
  const now = deps.now();
  return (await everyone(deps)).filter((p) => matches(p, filter, now));
}

/** Everything about one person, each part from the domain that owns it. */
export async function personDetail(deps: MembersDeps, key: { email?: string; user?: string }) {
  const user = key.user ? await findUserById(deps.db, key.user) : key.email ? await findUserByEmail(deps.db, key.email.toLowerCase()) : undefined;
  const email = (key.email ?? user?.email ?? '').toLowerCase() || null;
  const userId = user?.id ?? null;
  if (!email && !userId) return null;
  const [gifts, subscription, standing, comments, sanctions] = await Promise.all([
    giftsOf(deps.db, { email, userId }),
    email ? deps.subscriptions.subscribers(email).then((rows) => rows[0] ?? null) : Promise.resolve(null),
    userId ? findReaderStanding(deps.db, userId) : Promise.resolve(undefined),
    userId ? commentsByAuthor(deps.db, userId, 20) : Promise.resolve({ total: 0, recent: [] }),
    userId ? sanctionsForReader(deps.db, userId) : Promise.resolve([]),
  ]);
  if (!user && !subscription && gifts.length === 0) return null;
  return { email, userId, name: user?.display_name ?? '', role: user?.role ?? null, standing: standing ?? null, since: user?.created_at ?? null, gifts, subscription, comments, sanctions };
}

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof personDetail>>>;
