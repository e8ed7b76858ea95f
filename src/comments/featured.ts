import { html, trusted, type Html } from '../web/html.js';
import { findComments } from './queries.js';
import { viewComment } from './read.js';
import type { CommentActor, CommentsDeps } from './types.js';

/**
 * The comments moderators or editors featured, pinned above the threads as short cards that link to
 * the comment in the conversation (which stays where it is, so nothing appears twice with one id).
 */
export async function featuredBlock(deps: CommentsDeps, article: { id: string; slug: string }, actor: CommentActor): Promise<Html> {
  const ids = (await deps.featured?.forArticle(article.id)) ?? [];
  if (ids.length === 0) return html``;
  const rows = new Map((await findComments(deps.db, ids)).map((row) => [row.id, row]));
  const shown = ids.flatMap((id) => {
    const row = rows.get(id);
    return row && row.status === 'published' && row.article_id === article.id ? [row] : [];
  });
  if (shown.length === 0) return html``;
  const views = await Promise.all(shown.map((row) => viewComment(deps, row, article.slug, actor)));
  return html`<section class="comments__featured" aria-labelledby="comments-featured-heading" data-featured>
    <h3 id="comments-featured-heading">Featured</h3>
    <ol class="plain-list">${views.map(
      (comment) => html`<li class="comment-featured" data-featured-id="${comment.id}">
      <p class="comment__meta"><strong>${comment.author.name}</strong></p>
      <div class="comment__text">${trusted(comment.html)}</div>
      <p><a href="${comment.permalink}">Read it in the conversation</a></p>
    </li>`,
    )}</ol>
  </section>`;
}
