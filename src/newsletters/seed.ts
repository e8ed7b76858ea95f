import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';

export const DEMO_NEWSLETTERS = [
  { slug: 'daily-brief', name: 'Daily brief', description: 'The day’s reporting, every weekday morning.' },
  { slug: 'weekly-analysis', name: 'Weekly analysis', description: 'One long read and the week in context, on Sundays.' },
] as const;

/** The demo site's two newsletters, so its forms and admin screens have something to show. */
export async function seedDemoNewsletters({ db, now }: { db: Kysely<Database>; now: () => Date }): Promise<void> {
  const time = now().toISOString();
  await db
    .insertInto('newsletters')
    .values(DEMO_NEWSLETTERS.map((newsletter, position) => ({ id: newId(now()), ...newsletter, position, created_at: time, updated_at: time })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}
