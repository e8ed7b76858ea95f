import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from '../db/schema.js';
import { renderMarkdown } from '../text/markdown.js';
import { placeUnder } from './place.js';
import { refreshReactionCount } from './queries.js';

/**
 * The comments side of moving in and out: rows for imported comments (no moderation pass, no live
 * events, no reply mails about ten-year-old replies), and a reader's comments, reactions and flags for
 * download and account deletion.
 */
type Db = Kysely<Database>;

/** Where a comment sits in its thread: what a reply needs from its parent. */
export interface CommentPlace {
  id: string;
  article_id: string;
  root_id: string;
  depth: number;
  path: string;
}

export interface ImportedComment {
  /** A time-sortable id made from the comment's own date, so threads list in conversation order. */
  id: string;
  articleId: string;
  parent: CommentPlace | null;
  authorId: string | null;
  authorName: string;
  authorEmail: string | null;
  /** The commenter's website, http(s) only (checked by the importer). */
  authorUrl?: string | null;
  /** Markdown; erased for a `deleted` comment, which stays as a tombstone holding its replies. */
  body: string;
  status: CommentStatus;
  createdAt: string;
}

export function placeOf(comment: Pick<ImportedComment, 'id' | 'articleId' | 'parent'>): CommentPlace {
  const { root_id, depth, path } = placeUnder(comment.id, comment.parent);
  return { id: comment.id, article_id: comment.articleId, root_id, depth, path };
}

export async function commentPlaces(db: Db, ids: readonly string[]): Promise<Map<string, CommentPlace>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('comments').select(['id', 'article_id', 'root_id', 'depth', 'path']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, { ...row, depth: Number(row.depth) }]));
}

/** Inserts a batch; the caller holds the transaction. */
export async function insertImportedComments(db: Db, comments: readonly ImportedComment[]): Promise<void> {
  if (comments.length === 0) return;
  const rows = comments.map((comment) => {
    const place = placeOf(comment);
    const deleted = comment.status === 'deleted';
    const body = deleted ? '' : comment.body;
    return {
      ...place,
      parent_id: comment.parent?.id ?? null,
      author_id: comment.authorId,
      guest_key: null,
      author_name: comment.authorName,
      author_email: comment.authorEmail,
      author_url: comment.authorUrl ?? null,
      body,
      body_html: deleted ? '' : renderMarkdown(body, 'comment').value,
      status: comment.status,
      created_at: comment.createdAt,
      updated_at: comment.createdAt,
      edited_at: null,
      deleted_at: deleted ? comment.createdAt : null,
    };
  });
  // Several statements when needed: both engines cap the parameters one statement may bind.
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) await db.insertInto('comments').values(rows.slice(at, at + ROWS_PER_STATEMENT)).execute();
}

const ROWS_PER_STATEMENT = 500;

/**
 * Moves every comment of one article to another, threads whole (an imported thread's stand-in attached
 * to the article it belonged to); the caller holds the transaction. Returns how many moved.
 */
export async function moveArticleComments(db: Db, fromArticleId: string, toArticleId: string): Promise<number> {
  const moved = await db.updateTable('comments').set({ article_id: toArticleId }).where('article_id', '=', fromArticleId).executeTakeFirst();
  await db.updateTable('reply_notifications').set({ article_id: toArticleId }).where('article_id', '=', fromArticleId).execute();
  return Number(moved.numUpdatedRows);
}

export interface ReaderCommentData {
  comments: {
    id: string;
    articleId: string;
    parentId: string | null;
    status: CommentStatus;
    text: string;
    createdAt: string;
    editedAt: string | null;
    deletedAt: string | null;
  }[];
  reactions: { commentId: string; createdAt: string }[];
  flags: { commentId: string; reason: string; note: string; createdAt: string }[];
}

/** Everything the comments domain holds about one reader, oldest first. */
export async function readerCommentData(db: Db, userId: string): Promise<ReaderCommentData> {
  const comments = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'status', 'body', 'created_at', 'edited_at', 'deleted_at'])
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const reactions = await db
    .selectFrom('comment_reactions')
    .select(['comment_id', 'created_at'])
    .where('reactor_key', '=', `u:${userId}`)
    .orderBy('created_at')
    .execute();
  const flags = await db
    .selectFrom('comment_flags')
    .select(['comment_id', 'reason', 'note', 'created_at'])
    .where('reporter_user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return {
    comments: comments.map((row) => ({
      id: row.id,
      articleId: row.article_id,
      parentId: row.parent_id,
      status: row.status,
      text: row.body,
      createdAt: row.created_at,
      editedAt: row.edited_at,
      deletedAt: row.deleted_at,
    })),
    reactions: reactions.map((row) => ({ commentId: row.comment_id, createdAt: row.created_at })),
    flags: flags.map((row) => ({ commentId: row.comment_id, reason: row.reason, note: row.note, createdAt: row.created_at })),
  };
}

export type DeletedReaderComments = 'anonymise' | 'remove';

export const DELETED_READER_NAME = 'Deleted reader';

/**
 * Before a reader's account goes: `anonymise` keeps each comment's text under "Deleted reader";
 * `remove` turns each into a tombstone with its text erased. Either way replies keep their place and
 * nothing links back to the person. Their reactions go (counts are recounted); their reports stay for the
 * moderation record, no longer naming them.
 */
export async function forgetReaderComments(db: Db, userId: string, mode: DeletedReaderComments, now: Date): Promise<{ comments: number; reactions: number; flags: number }> {
  const time = now.toISOString();
  const anonymous = { author_id: null, author_name: DELETED_READER_NAME, author_email: null, guest_key: null, updated_at: time };
  const changed = await db
    .updateTable('comments')
    .set(mode === 'anonymise' ? anonymous : { ...anonymous, status: 'deleted', body: '', body_html: '', deleted_at: time })
    .where('author_id', '=', userId)
    .executeTakeFirst();
  await db.deleteFrom('reply_notifications').where('user_id', '=', userId).execute();

  const reactorKey = `u:${userId}`;
  const reacted = await db.selectFrom('comment_reactions').select('comment_id').where('reactor_key', '=', reactorKey).execute();
  await db.deleteFrom('comment_reactions').where('reactor_key', '=', reactorKey).execute();
  for (const { comment_id } of reacted) await refreshReactionCount(db, comment_id);

  const flags = await db.selectFrom('comment_flags').select('id').where('reporter_user_id', '=', userId).execute();
  for (const flag of flags) {
    // The key stays unique per comment, as the table demands, without naming anyone.
    await db.updateTable('comment_flags').set({ reporter_user_id: null, reporter_key: `x:${flag.id}` }).where('id', '=', flag.id).execute();
  }
  return { comments: Number(changed.numUpdatedRows), reactions: reacted.length, flags: flags.length };
}
