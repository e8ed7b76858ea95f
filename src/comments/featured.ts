import { loadPresentContext, presentComment } from './present.js';
import { findComments } from './queries.js';
import type { CommentActor, CommentsDeps, PublicComment } from './types.js';

/**
 * The comments moderators or editors featured on an article, in their order, as this viewer sees them:
 * published ones only. The section pins them above the threads (markup/section.ts#featuredBlock), on
 * the article page and in the comments JSON the embedded widget draws from.
 */
export async function featuredComments(deps: CommentsDeps, article: { id: string; slug: string }, actor: CommentActor): Promise<PublicComment[]> {
  const ids = (await deps.featured?.forArticle(article.id)) ?? [];
  if (ids.length === 0) return [];
  const rows = new Map((await findComments(deps.db, ids)).map((row) => [row.id, row]));
  const shown = ids.flatMap((id) => {
    const row = rows.get(id);
    return row && row.status === 'published' && row.article_id === article.id ? [row] : [];
  });
  if (shown.length === 0) return [];
  const { comments: settings } = await deps.settings.get();
  const context = await loadPresentContext(deps.db, shown, { actor, slug: article.slug, baseUrl: deps.baseUrl, editWindowMinutes: settings.editWindowMinutes, now: deps.now() });
  return shown.map((row) => presentComment(row, context));
}
