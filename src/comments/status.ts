import type { CommentStatus } from '../db/schema.js';
import { commentErrors } from './errors.js';
import { announce } from './events.js';
import { enqueueReplyNotification } from './notifications.js';
import * as queries from './queries.js';
import type { AuthorHistory, CommentRow } from './queries.js';
import type { CommentsDeps } from './types.js';

/**
 * For the moderation domain: moves a comment to a status and tells open pages. A comment becoming
 * published appears live (and its reply notification is queued); one leaving published disappears.
 */
export async function setCommentStatus(
  deps: CommentsDeps,
  commentId: string,
  status: CommentStatus,
  /** A write that must land with the change or not at all (the moderator's log row), given the transaction. */
  alongside?: (db: CommentsDeps['db']) => Promise<unknown>,
): Promise<CommentRow> {
  const row = await queries.findComment(deps.db, commentId);
  if (!row) throw commentErrors.raise('COMMENT_NOT_FOUND');
  if (row.status === status) {
    await alongside?.(deps.db);
    return row;
  }
  const time = deps.now().toISOString();
  const changes = status === 'deleted' ? { status, body: '', body_html: '', deleted_at: time, updated_at: time } : { status, updated_at: time };
  const updated: CommentRow = { ...row, ...changes };
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('comments').set(changes).where('id', '=', commentId).execute();
    if (status === 'published') await enqueueReplyNotification({ db: trx, now: deps.now }, updated);
    await alongside?.(trx);
  });
  if (status === 'published') await announce(deps, 'created', updated);
  else if (row.status === 'published') await announce(deps, 'removed', updated);
  return updated;
}

/** Comments by id with the author's current display name (moderation queue, audit). */
export async function getCommentsByIds(deps: Pick<CommentsDeps, 'db'>, ids: readonly string[]): Promise<(CommentRow & { author_display_name: string })[]> {
  const rows = await queries.findComments(deps.db, ids);
  const authors = await queries.authorsByIds(deps.db, rows.flatMap((row) => (row.author_id ? [row.author_id] : [])));
  const byId = new Map(rows.map((row) => [row.id, { ...row, author_display_name: (row.author_id && authors.get(row.author_id)?.name) || row.author_name }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A reader's record: approved, rejected and pending counts, and recent texts newest first. */
export function readerCommentHistory(deps: Pick<CommentsDeps, 'db'>, userId: string): Promise<AuthorHistory> {
  return queries.authorHistory(deps.db, { userId });
}
