import type { Kysely } from 'kysely';
import type { Database, UserStatus } from '../db/schema.js';
import { preparedQuery } from '../db/prepared.js';
import { toViewer, type Viewer } from './service.js';

/** What moderators may change about a reader's right to comment. */
export interface ReaderStanding extends Viewer {
  premoderate: boolean;
}

export type StandingChange =
  | { status: 'active' }
  | { status: 'banned' }
  | { status: 'suspended'; until: string }
  | { premoderate: boolean };

// Read on every signed-in reader's article page (what the comment section tells them): compiled once.
const standingOf = preparedQuery<{ userId: string }>()((db, arg) => db
  .selectFrom('users')
  .select(['id', 'email', 'display_name', 'role', 'status', 'suspended_until', 'premoderate'])
  .where('id', '=', arg('userId')));

export async function findReaderStanding(db: Kysely<Database>, userId: string): Promise<ReaderStanding | undefined> {
  const [row] = await standingOf(db, { userId });
  return row && toStanding(row);
}

export async function findReaderStandings(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, ReaderStanding>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'status', 'suspended_until', 'premoderate'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, toStanding(row)]));
}

/**
 * For the moderation domain: bans, suspends, reinstates or pre-moderates a reader. Lifting a ban or a
 * suspension clears the end date so an old one cannot come back; pre-moderation is independent of both.
 */
export async function setReaderStanding(db: Kysely<Database>, userId: string, change: StandingChange, now: Date): Promise<ReaderStanding | undefined> {
  const values =
    'premoderate' in change
      ? { premoderate: change.premoderate ? 1 : 0 }
      : { status: change.status, suspended_until: change.status === 'suspended' ? change.until : null };
  await db.updateTable('users').set({ ...values, updated_at: now.toISOString() }).where('id', '=', userId).execute();
  return findReaderStanding(db, userId);
}

/** The status that applies now: a suspension whose end has passed no longer counts. */
export function effectiveStatus(standing: Pick<ReaderStanding, 'status' | 'suspendedUntil'>, now: Date): UserStatus {
  if (standing.status === 'suspended' && standing.suspendedUntil && Date.parse(standing.suspendedUntil) <= now.getTime()) return 'active';
  return standing.status;
}

function toStanding(row: Parameters<typeof toViewer>[0] & { premoderate: number }): ReaderStanding {
  return { ...toViewer(row), premoderate: row.premoderate === 1 };
}
