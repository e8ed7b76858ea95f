import { createStaffUser } from '../accounts/index.js';
import { seedDemoArticles } from '../articles/index.js';
import { seedDemoDonations } from '../donations/index.js';
import { seedDemoComments } from '../comments/index.js';
import { seedDemoNewsletters } from '../newsletters/index.js';
import type { Deps } from '../runtime.js';

export const DEMO_ADMIN = { email: 'admin@tribune.test', password: 'tribune-demo-admin' } as const;

export type DemoDeps = Pick<Deps, 'db' | 'now' | 'settings' | 'events' | 'config' | 'log'>;

/** Whether the database is still empty, so `npm start` seeds only on the very first run. */
export async function needsSeed({ db }: Pick<Deps, 'db'>): Promise<boolean> {
  const anyone = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !anyone;
}

/**
 * A demo newsroom: staff, topics and articles, comments, a donation drive. Each domain seeds its own
 * part, in the order the data depends on each other.
 */
export async function seedDemo(deps: DemoDeps): Promise<void> {
  await deps.settings.update('site', {
    name: 'The Tribune Ledger',
    description: 'Independent, reader-funded news from the ground.',
  });
  const adminId = await createStaffUser(deps, { ...DEMO_ADMIN, role: 'admin', displayName: 'Demo Admin' });
  void adminId;
  await seedDemoArticles(deps);
  await seedDemoComments(deps);
  await seedDemoDonations(deps);
  await seedDemoNewsletters(deps);
}
