import { findArticleForComments } from '../articles/index.js';
import type { CommentRow } from './queries.js';
import { viewComment } from './read.js';
import { NOBODY, type CommentsDeps, type PublicComment } from './types.js';

export const articleChannel = (articleId: string) => `article:${articleId}` as const;
export const MODERATION_CHANNEL = 'moderation';

/**
 * Tells open pages about a change. Payloads are what any reader may see (no "mine", no source text),
 * plain JSON so a Redis bus can carry them. Only published comments are announced as new. `shown` is
 * the row as nobody in particular sees it, when the caller has it already (a comment just posted).
 */
export async function announce(deps: CommentsDeps, change: 'created' | 'updated' | 'removed', row: CommentRow, slug?: string, shown?: PublicComment): Promise<void> {
  const channel = articleChannel(row.article_id);
  if (change === 'removed') {
    await deps.events.publish(channel, { type: 'comment.deleted', id: row.id, rootId: row.root_id, status: row.status === 'deleted' ? 'deleted' : 'removed' });
    return;
  }
  if (row.status !== 'published') return;
  if (shown) {
    await deps.events.publish(channel, { type: change === 'created' ? 'comment.created' : 'comment.updated', comment: { ...shown } });
    return;
  }
  const articleSlug = slug ?? (await findArticleForComments(deps.db, row.article_id, deps.now()))?.slug;
  if (!articleSlug) return;
  const comment = await viewComment(deps, row, articleSlug, NOBODY);
  await deps.events.publish(channel, { type: change === 'created' ? 'comment.created' : 'comment.updated', comment: { ...comment } });
}

/** Tells the moderation queue a comment waits for review. */
export async function announceHeld(deps: CommentsDeps, row: CommentRow): Promise<void> {
  await deps.events.publish(MODERATION_CHANNEL, { type: 'comment.held', commentId: row.id, articleId: row.article_id });
}
