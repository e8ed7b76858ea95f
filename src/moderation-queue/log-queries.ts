import { sql, type Kysely } from 'kysely';
import type { Database, ModerationActionKind } from '../db/schema.js';
import type { ActionRow } from './queries.js';

type Db = Kysely<Database>;

/** What the log page filters by, already resolved to stored values (times in UTC ISO). */
export interface LogFilter {
  /** A staff member's id, or 'system' for the pipeline's own decisions. */
  actor?: string;
  /** The readers whose rows to show (ids); an empty list matches nothing. */
  readerIds?: readonly string[];
  action?: ModerationActionKind;
  /** Words the reason contains, any case. */
  reason?: string;
  fromIso?: string;
  toIso?: string;
  /** Rows older than this audit id (the previous page's last row). */
  before?: string;
}

const SYSTEM_ACTIONS: ModerationActionKind[] = ['system_hold', 'system_reject'];

/** LIKE with the user's text taken literally. */
function contains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Newest first; audit ids sort like their times, so the id alone pages through the log. */
export function logRows(db: Db, filter: LogFilter, limit: number): Promise<ActionRow[]> {
  let query = db.selectFrom('moderation_actions').selectAll();
  if (filter.actor === 'system') query = query.where('actor_id', 'is', null).where('action', 'in', SYSTEM_ACTIONS);
  else if (filter.actor) query = query.where('actor_id', '=', filter.actor);
  if (filter.readerIds) query = query.where('user_id', 'in', filter.readerIds.length > 0 ? [...filter.readerIds] : ['']);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.reason) {
    const pattern = contains(filter.reason);
    // SQLite's LIKE has no escape character unless one is named; PostgreSQL's LIKE is case-sensitive.
    query = query.where(sql<boolean>`lower(reason) like ${pattern} escape '\\'`);
  }
  if (filter.fromIso) query = query.where('created_at', '>=', filter.fromIso);
  if (filter.toIso) query = query.where('created_at', '<', filter.toIso);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/** Readers whose name contains the text, or whose address or id is exactly it (at most 200). */
export async function matchingReaders(db: Db, text: string): Promise<string[]> {
  const trimmed = text.trim();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', trimmed), eb('email', '=', trimmed.toLowerCase()), sql<boolean>`lower(display_name) like ${contains(trimmed)} escape '\\'`]))
    .limit(200)
    .execute();
  return rows.map((row) => row.id);
}
