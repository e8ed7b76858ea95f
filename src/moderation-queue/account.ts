import { effectiveStatus, findReaderStanding } from '../accounts/index.js';
import { getArticle } from '../articles/index.js';
import { sanctionText } from '../web/sanction-text.js';
import { html, type Html } from '../web/html.js';
import type { Reason } from '../moderation/index.js';
import { rejectedByAuthor } from './queries.js';
import type { QueueDeps } from './types.js';

/** One of a reader's own rejected comments, as the reader is told about it. */
export interface RejectedComment {
  commentId: string;
  excerpt: string;
  article: { title: string; url: string } | null;
  reason: string;
  postedAt: string;
  rejectedAt: string;
}

/**
 * A reader's rejected comments with the reason they were given: a moderator's reason when one
 * rejected it, otherwise what the automatic rules said when it arrived. For the reader's /account page.
 */
export async function rejectedCommentsFor(deps: Pick<QueueDeps, 'db'>, userId: string, limit = 20): Promise<RejectedComment[]> {
  const { comments, actions } = await rejectedByAuthor(deps.db, userId, limit);
  const articles = new Map<string, RejectedComment['article']>();
  for (const articleId of new Set(comments.map((row) => row.article_id))) {
    const article = await getArticle(deps.db, { id: articleId });
    articles.set(articleId, article && article.status === 'published' ? { title: article.title, url: `/articles/${encodeURIComponent(article.slug)}` } : null);
  }
  return comments.map((row) => {
    // The latest decision wins: a moderator's reject after a system hold, or the system's own reject.
    const decision = actions.filter((action) => action.comment_id === row.id).at(-1);
    let reason = decision?.reason ?? '';
    if (!reason) {
      try {
        reason = (JSON.parse(row.moderation_reasons) as Reason[]).map((entry) => entry.message).join(' ');
      } catch {
        reason = '';
      }
    }
    const flat = row.body.replace(/\s+/g, ' ').trim();
    return {
      commentId: row.id,
      excerpt: flat.length > 160 ? `${flat.slice(0, 159)}…` : flat,
      article: articles.get(row.article_id) ?? null,
      reason: reason || 'It breaks our rules for comments.',
      postedAt: row.created_at,
      rejectedAt: decision?.created_at ?? row.updated_at,
    };
  });
}

/** The list for the account page; empty when there is nothing to tell. */
export function renderRejectedComments(items: readonly RejectedComment[]): Html {
  if (items.length === 0) return html``;
  return html`<section class="rejected-comments" aria-labelledby="rejected-comments-title">
  <h2 id="rejected-comments-title">Comments not published</h2>
  <p class="muted">Our moderators did not publish these comments. Each shows why.</p>
  <ul class="plain-list">${items.map(
    (item) => html`<li>
    <blockquote>${item.excerpt}</blockquote>
    <p>${item.article ? html`On <a href="${item.article.url}">${item.article.title}</a> · ` : ''}<time datetime="${item.rejectedAt}">${item.rejectedAt.slice(0, 10)}</time></p>
    <p><strong>Why:</strong> ${item.reason}</p>
  </li>`,
  )}</ul>
</section>`;
}

/** The reader's own account page: a ban or suspension in force, said plainly with its end in the site's time. */
export async function standingOnAccount(deps: Pick<QueueDeps, 'db' | 'now' | 'settings'>, userId: string): Promise<Html> {
  const standing = await findReaderStanding(deps.db, userId);
  if (!standing || standing.role !== 'reader') return html``;
  const status = effectiveStatus(standing, deps.now());
  if (status === 'active') return html``;
  const { site } = await deps.settings.get();
  const text = sanctionText({ status, until: status === 'suspended' ? standing.suspendedUntil : null }, site);
  return html`<p class="notice notice--error account-sanction" role="note" data-sanction="${status}">${text}</p>`;
}
