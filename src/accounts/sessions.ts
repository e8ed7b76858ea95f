import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** How stale `last_seen_at` may get: one write per session per interval, not one per request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60_000;

export interface SessionSummary {
  /** A public name for the session: the stored id is the token's hash and is never shown. */
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** e.g. "Chrome on Linux". */
  browser: string;
  current: boolean;
}

export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(`session-handle:${sessionId}`).digest('base64url').slice(0, 22);
}

export async function touchSession(db: Kysely<Database>, sessionId: string, lastSeenAt: string | null, now: Date): Promise<void> {
  if (lastSeenAt && now.getTime() - Date.parse(lastSeenAt) < LAST_SEEN_INTERVAL_MS) return;
  await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', sessionId).execute();
}

/** A user's live sessions, most recently used first; `currentId` (a stored id) is marked. */
export async function listSessions(db: Kysely<Database>, userId: string, now: Date, currentId?: string): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .execute();
  return rows
    .map((row) => ({
      handle: sessionHandle(row.id),
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at ?? row.created_at,
      expiresAt: row.expires_at,
      browser: describeUserAgent(row.user_agent),
      current: row.id === currentId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
}

/** Ends one of the user's sessions by its handle; false when the user has no such session. */
export async function revokeSession(db: Kysely<Database>, userId: string, handle: string): Promise<boolean> {
  const rows = await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
  const match = rows.find((row) => sessionHandle(row.id) === handle);
  if (!match) return false;
  await db.deleteFrom('sessions').where('id', '=', match.id).where('user_id', '=', userId).execute();
  return true;
}

/** Signs a user out everywhere, except the session `keepId` (a stored id) when given. */
export async function endUserSessions(db: Kysely<Database>, userId: string, keepId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) query = query.where('id', '!=', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrom(e|ium)\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl'],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** A short, human name for a browser from its User-Agent; enough to tell one's own sessions apart. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown browser';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser}${/HeadlessChrome/.test(userAgent) ? ' (headless)' : ''} on ${system}`;
  return browser ?? system ?? 'Unknown browser';
}
