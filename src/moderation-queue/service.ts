import { effectiveStatus, findReaderStandings } from '../accounts/index.js';
import { getArticle } from '../articles/index.js';
import { getCommentsByIds, readerCommentHistory } from '../comments/index.js';
import type { Reason } from '../moderation/index.js';
import { toAuditEntries } from './audit.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { guestSummaries } from './guest-actions.js';
import { highlightHtml } from './highlight.js';
import * as queries from './queries.js';
import type { FlagCount, FlagView, QueueCounts, QueueDeps, QueueItem, QueuePage, QueueTab, ReaderSummary } from './types.js';

type ReadDeps = Pick<QueueDeps, 'db' | 'now' | 'settings'>;

export const PAGE_SIZE = 20;

function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export async function queueCounts(deps: ReadDeps): Promise<QueueCounts> {
  const { moderation } = await deps.settings.get();
  return queries.queueCounts(deps.db, moderation.reportThreshold);
}

/** One page of a tab with everything a moderator needs to decide each item. */
export async function listQueue(deps: ReadDeps, options: { tab: QueueTab; cursor?: string; limit?: number }): Promise<QueuePage> {
  const { moderation } = await deps.settings.get();
  const limit = Math.min(Math.max(options.limit ?? PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(options.cursor, options.tab);
  const rows = await queries.queueIds(deps.db, { tab: options.tab, cursor, limit: limit + 1, reportThreshold: moderation.reportThreshold });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const key = options.tab === 'reported' ? Number(last?.flag_count ?? 0) : (last?.created_at ?? '');
  return {
    tab: options.tab,
    items: await queueItems(deps, page.map((row) => row.id)),
    nextCursor: rows.length > limit && last ? encodeCursor({ tab: options.tab, key, id: last.id }) : null,
    counts: await queries.queueCounts(deps.db, moderation.reportThreshold),
  };
}

/** Reader summaries (counts and standing as it applies now) for comment authors. */
export async function readerSummaries(deps: Pick<QueueDeps, 'db' | 'now'>, userIds: readonly string[]): Promise<Map<string, ReaderSummary>> {
  const standings = await findReaderStandings(deps.db, userIds);
  const summaries = new Map<string, ReaderSummary>();
  for (const standing of standings.values()) {
    const history = await readerCommentHistory(deps, standing.id);
    const status = effectiveStatus(standing, deps.now());
    summaries.set(standing.id, {
      id: standing.id,
      name: standing.displayName,
      role: standing.role,
      status,
      suspendedUntil: status === 'suspended' ? standing.suspendedUntil : null,
      premoderate: standing.premoderate,
      approvedCount: history.approvedCount,
      rejectedCount: history.rejectedCount,
      pendingCount: history.pendingCount,
    });
  }
  return summaries;
}

function countByReason(flags: readonly FlagView[]): FlagCount[] {
  const counts = new Map<string, number>();
  for (const flag of flags) counts.set(flag.reason, (counts.get(flag.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

/** Full queue items for these comments, in the order given. */
export async function queueItems(deps: Pick<QueueDeps, 'db' | 'now'>, ids: readonly string[]): Promise<QueueItem[]> {
  if (ids.length === 0) return [];
  const comments = await getCommentsByIds(deps, ids);
  const parentIds = [...new Set(comments.flatMap((row) => (row.parent_id ? [row.parent_id] : [])))];
  const parents = new Map((await getCommentsByIds(deps, parentIds)).map((row) => [row.id, row]));
  const articles = new Map<string, QueueItem['article']>();
  for (const articleId of new Set(comments.map((row) => row.article_id))) {
    const article = await getArticle(deps.db, { id: articleId });
    articles.set(articleId, article ? { id: article.id, title: article.title, url: `/articles/${encodeURIComponent(article.slug)}`, commentsOpen: article.commentsOpen } : null);
  }
  const flags = await queries.flagsFor(deps.db, ids);
  const featured = new Set((await deps.db.selectFrom('featured_comments').select('comment_id').where('comment_id', 'in', ids).execute()).map((row) => row.comment_id));
  const authorIds = comments.flatMap((row) => (row.author_id ? [row.author_id] : []));
  const reporters = await findReaderStandings(deps.db, flags.flatMap((flag) => (flag.reporter_user_id ? [flag.reporter_user_id] : [])));
  const readers = await readerSummaries(deps, authorIds);
  const guests = await guestSummaries(deps, comments.flatMap((row) => (!row.author_id && row.guest_key ? [row.guest_key] : [])));
  const audit = await toAuditEntries(deps, await queries.actionsForComments(deps.db, ids));

  return comments.map((row) => {
    const reasons = parse<Reason[]>(row.moderation_reasons, []);
    const parent = row.parent_id ? parents.get(row.parent_id) : undefined;
    const itemFlags: FlagView[] = flags
      .filter((flag) => flag.comment_id === row.id)
      .map((flag) => ({
        reason: flag.reason,
        note: flag.note,
        reporter: flag.reporter_user_id ? (reporters.get(flag.reporter_user_id)?.displayName ?? 'Former reader') : 'Guest',
        createdAt: flag.created_at,
      }));
    return {
      comment: {
        id: row.id,
        status: row.status,
        html: highlightHtml(row.body_html, reasons.flatMap((reason) => reason.matches ?? [])),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        editedAt: row.edited_at,
        flagCount: row.flag_count,
        authorName: row.author_display_name,
        guestEmail: row.author_id ? null : row.author_email,
      },
      parent: parent ? { id: parent.id, authorName: parent.author_display_name, html: parent.body_html, status: parent.status } : null,
      article: articles.get(row.article_id) ?? null,
      featured: featured.has(row.id),
      reasons,
      scores: parse<Record<string, number>>(row.moderation_scores, {}),
      flags: itemFlags,
      flagCounts: countByReason(itemFlags),
      reader: row.author_id ? (readers.get(row.author_id) ?? null) : null,
      guest: !row.author_id && row.guest_key ? (guests.get(row.guest_key) ?? null) : null,
      audit: audit.filter((entry) => entry.commentId === row.id),
    };
  });
}

/** A reader's page: who they are, their comments (newest first) and every action about them. */
export async function readerRecord(deps: Pick<QueueDeps, 'db' | 'now'>, userId: string, cursorText?: string) {
  const reader = (await readerSummaries(deps, [userId])).get(userId);
  if (!reader) return undefined;
  const cursor = decodeCursor(cursorText, 'reader');
  const rows = await queries.readerCommentIds(deps.db, userId, cursor, PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    reader,
    comments: await queueItems(deps, page.map((row) => row.id)),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor({ tab: 'reader', key: '', id: last.id }) : null,
    actions: await toAuditEntries(deps, await queries.actionsForReader(deps.db, userId, 200)),
  };
}
