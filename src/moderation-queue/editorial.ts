import { findReaderStanding } from '../accounts/index.js';
import { getArticle, setCommentsOpen } from '../articles/index.js';
import { getCommentsByIds } from '../comments/index.js';
import { announceAction, type ActionResult, type Moderator } from './actions.js';
import { recordAction } from './audit.js';
import { moderationErrors } from './errors.js';
import { notifyReader } from './notify.js';
import type { FeaturedSource } from '../moderation/index.js';
import type { QueueDeps } from './types.js';

export const EDITORIAL_ACTIONS = ['feature', 'unfeature', 'close-comments', 'open-comments'] as const;
export type EditorialAction = (typeof EDITORIAL_ACTIONS)[number];

/** Featured comments shown above an article's threads, at most this many. */
export const MAX_FEATURED = 5;

async function load(deps: QueueDeps, commentId: string) {
  const [row] = await getCommentsByIds(deps, [commentId]);
  if (!row) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
  return row;
}

/**
 * Features a published comment (it is pinned above the article's threads and its author is told by
 * mail), takes the feature away, or closes or reopens comments on the comment's article. For
 * moderators and editors; each is one log row.
 */
export async function editorialAction(deps: QueueDeps, actor: Moderator, commentId: string, action: EditorialAction): Promise<ActionResult> {
  const row = await load(deps, commentId);
  const now = deps.now();
  if (action === 'feature' || action === 'unfeature') {
    if (action === 'feature') {
      if (row.status !== 'published') throw moderationErrors.raise('MOD_NOT_FEATURABLE');
      const inserted = await deps.db
        .insertInto('featured_comments')
        .values({ comment_id: commentId, article_id: row.article_id, featured_by: actor.id, featured_at: now.toISOString() })
        .onConflict((conflict) => conflict.column('comment_id').doNothing())
        .executeTakeFirst();
      // Featuring twice changes nothing and tells no one twice.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { commentId, ok: true, status: row.status };
    } else {
      const removed = await deps.db.deleteFrom('featured_comments').where('comment_id', '=', commentId).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) return { commentId, ok: true, status: row.status };
    }
    await recordAction(deps, { commentId, userId: row.author_id, actorId: actor.id, action, detail: { articleId: row.article_id } });
    if (action === 'feature' && row.author_id) {
      const author = await findReaderStanding(deps.db, row.author_id);
      const article = await getArticle(deps.db, { id: row.article_id });
      const url = article ? `${deps.baseUrl}/articles/${encodeURIComponent(article.slug)}#c-${commentId}` : deps.baseUrl;
      await notifyReader(deps, author?.email ?? null, { kind: 'featured', articleTitle: article?.title ?? null, excerpt: row.body, url });
    }
    await announceAction(deps, actor, action, [commentId], row.author_id);
    return { commentId, ok: true, status: row.status };
  }
  const open = action === 'open-comments';
  if (!(await setCommentsOpen(deps.db, row.article_id, open, now))) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND', 'The article of this comment is gone.');
  await recordAction(deps, { commentId, userId: null, actorId: actor.id, action: open ? 'open_comments' : 'close_comments', detail: { articleId: row.article_id } });
  await announceAction(deps, actor, open ? 'open_comments' : 'close_comments', [commentId], null);
  return { commentId, ok: true, status: row.status };
}

/** For the comments domain: the featured comments of an article, newest feature first. */
export function createFeaturedSource(deps: Pick<QueueDeps, 'db'>): FeaturedSource {
  return {
    async forArticle(articleId) {
      const rows = await deps.db.selectFrom('featured_comments').select('comment_id').where('article_id', '=', articleId).orderBy('featured_at', 'desc').limit(MAX_FEATURED).execute();
      return rows.map((row) => row.comment_id);
    },
  };
}
