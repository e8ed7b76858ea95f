import { findReaderStandings, listStaff } from '../accounts/index.js';
import type { ModerationActionKind } from '../db/schema.js';
import { fromWallTime } from '../web/dates.js';
import { csvLine } from '../web/csv.js';
import { toAuditEntries } from './audit.js';
import { moderationErrors } from './errors.js';
import { logRows, matchingReaders, type LogFilter } from './log-queries.js';
import type { AuditEntry, QueueDeps } from './types.js';

export const LOG_ACTIONS: readonly ModerationActionKind[] = [
  'approve', 'reject', 'dismiss_reports', 'ban', 'unban', 'suspend', 'warn', 'premoderate', 'unpremoderate', 'system_hold', 'system_reject', 'flag',
];
export const LOG_PAGE_SIZE = 50;
/** A CSV holds at most this many rows; narrow the filters for more. */
export const LOG_CSV_MAX = 100_000;

/** The log page's query string, as the form sends it. */
export interface LogQuery {
  actor?: string;
  reader?: string;
  action?: ModerationActionKind;
  reason?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

/** A log row with the names a moderator reads: who it was about (reader or guest) besides who acted. */
export interface LogEntry extends AuditEntry {
  subject: { kind: 'reader'; id: string; name: string } | { kind: 'guest'; name: string } | null;
}

type LogDeps = Pick<QueueDeps, 'db' | 'settings'>;

/** Turns the form's values into a stored-value filter: dates are whole days in the site's time zone. */
export async function resolveLogFilter(deps: LogDeps, query: LogQuery): Promise<LogFilter> {
  const { site } = await deps.settings.get();
  const day = (value: string | undefined, field: 'from' | 'to') => {
    if (!value) return undefined;
    const start = fromWallTime(`${value}T00:00`, site.timeZone);
    if (!start) throw moderationErrors.raise('MOD_LOG_FILTER_INVALID', 'Dates are written as YYYY-MM-DD.', field);
    if (field === 'from') return start;
    // "To" includes the whole day: up to the start of the next one.
    const next = new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return fromWallTime(`${next}T00:00`, site.timeZone);
  };
  const fromIso = day(query.from, 'from');
  const toIso = day(query.to, 'to');
  if (fromIso && toIso && fromIso >= toIso) throw moderationErrors.raise('MOD_LOG_FILTER_INVALID', 'The “from” date must not be after the “to” date.', 'from');
  return {
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.reader?.trim() ? { readerIds: await matchingReaders(deps.db, query.reader) } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.reason?.trim() ? { reason: query.reason.trim() } : {}),
    ...(fromIso ? { fromIso } : {}),
    ...(toIso ? { toIso } : {}),
    ...(query.cursor ? { before: query.cursor } : {}),
  };
}

async function toLogEntries(deps: Pick<QueueDeps, 'db'>, rows: Awaited<ReturnType<typeof logRows>>): Promise<LogEntry[]> {
  const entries = await toAuditEntries(deps, rows);
  const readers = await findReaderStandings(deps.db, rows.flatMap((row) => (row.user_id ? [row.user_id] : [])));
  return entries.map((entry) => {
    const guestName = typeof entry.detail.guestName === 'string' ? entry.detail.guestName : null;
    const reader = entry.userId ? readers.get(entry.userId) : undefined;
    const subject: LogEntry['subject'] = entry.userId
      ? { kind: 'reader', id: entry.userId, name: reader?.displayName ?? 'Former reader' }
      : guestName ? { kind: 'guest', name: guestName } : null;
    return { ...entry, subject };
  });
}

/** One page of the log, newest first, with the next page's cursor. */
export async function moderationLog(deps: LogDeps, query: LogQuery): Promise<{ entries: LogEntry[]; nextCursor: string | null }> {
  const filter = await resolveLogFilter(deps, query);
  const rows = await logRows(deps.db, filter, LOG_PAGE_SIZE + 1);
  const page = rows.slice(0, LOG_PAGE_SIZE);
  return { entries: await toLogEntries(deps, page), nextCursor: rows.length > LOG_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
}

/** Staff who can appear as actors, for the filter's choices. */
export async function logActors(deps: Pick<QueueDeps, 'db'>): Promise<{ id: string; name: string }[]> {
  return (await listStaff(deps.db)).map((row) => ({ id: row.id, name: row.display_name }));
}

export const LOG_CSV_HEADER = ['created_at', 'action', 'actor_id', 'actor', 'subject', 'user_id', 'comment_id', 'reason', 'detail', 'id'];

/** The whole filtered log as CSV lines, read a page at a time so a long log never sits in memory. */
export async function* moderationLogCsv(deps: LogDeps, query: LogQuery): AsyncGenerator<string> {
  const filter = await resolveLogFilter(deps, { ...query, cursor: undefined });
  yield csvLine(LOG_CSV_HEADER);
  let before: string | undefined;
  let written = 0;
  while (written < LOG_CSV_MAX) {
    const rows = await logRows(deps.db, { ...filter, ...(before ? { before } : {}) }, Math.min(500, LOG_CSV_MAX - written));
    if (rows.length === 0) return;
    for (const entry of await toLogEntries(deps, rows)) {
      yield csvLine([
        entry.createdAt, entry.action, entry.actor?.id ?? '', entry.actor ? entry.actor.name : 'system',
        entry.subject ? `${entry.subject.kind === 'guest' ? 'guest: ' : ''}${entry.subject.name}` : '', entry.userId ?? '', entry.commentId ?? '', entry.reason,
        JSON.stringify(entry.detail), entry.id,
      ]);
    }
    written += rows.length;
    before = rows.at(-1)!.id;
  }
}
