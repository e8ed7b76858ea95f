import { html, trusted, type Html } from '../../web/html.js';
import { COMMENT_SORTS, type CommentSort, type PublicComment, type ThreadView } from '../types.js';
import { renderThread } from './comment.js';
import { articlePath, siteHref, type MarkupContext } from './context.js';
import { commentForm } from './forms.js';
import { COMMENT_SORT_LABELS } from './lists.js';

/** What the section tells this viewer before they write (the comments JSON's `viewer`). */
export interface ViewerView {
  signedIn: boolean;
  name: string | null;
  /** Why they cannot comment now, worded by the server (its end in the site's zone and locale); `until` as ISO. */
  sanction: { status: 'banned' | 'suspended'; until: string | null; message: string } | null;
  /** Why their next comment waits for a moderator. */
  reviewFirst: string | null;
}

export interface SectionView {
  count: number;
  sort: CommentSort;
  /** The first page of threads, a pinned one (a permalink's) first. */
  threads: readonly ThreadView[];
  /** Featured by moderators or editors, pinned above the threads. */
  featured: readonly PublicComment[];
  nextCursor: string | null;
  viewer: ViewerView;
  /** The live stream's replay cursor for a server-drawn page. */
  liveSince?: string;
  /** This is a later page (by cursor): offer the way back to the first. */
  later?: boolean;
}

/** What only one of the two places adds: the site's stylesheet and script, the embed's link home. */
export interface SectionExtras {
  head?: Html;
  notice?: Html;
  foot?: Html;
}

/** A link to the site: from another site it opens in a new tab, and says so. */
function siteLink(context: MarkupContext, path: string, label: string, attributes: Html = html``): Html {
  if (!context.origin) return html`<a href="${path}"${attributes}>${label}</a>`;
  return html`<a href="${siteHref(context, path)}" target="_blank" rel="noopener"${attributes}>${label}<span class="visually-hidden"> (opens in a new tab)</span></a>`;
}

/**
 * Where the form for a new comment goes: the form, or why there is none (closed, sanctioned, guests not
 * allowed). The widget draws this again once it knows the viewer better than the shared page can.
 */
export function composer(context: MarkupContext, viewer: ViewerView): Html {
  if (context.closed) return html`<p class="notice comments__closed" role="note">${context.closed} The discussion stays readable.</p>`;
  if (viewer.sanction) return html`<p class="notice comments__sanction" role="note" data-sanction="${viewer.sanction.status}">${viewer.sanction.message}</p>`;
  const signIn = siteLink(context, `/account?returnTo=${encodeURIComponent(`${articlePath(context.slug)}#comments`)}`, 'sign in with your email');
  if (!viewer.signedIn && !context.guestsAllowed) return html`<p class="comments__signin">To join the discussion, ${signIn}.</p>`;
  return html`<div class="comments__composer">
    <p class="comments__as muted">${viewer.signedIn ? html`Commenting as <strong>${viewer.name ?? ''}</strong> · ${siteLink(context, '/account', 'Account')}` : html`Comment as a guest, or ${signIn}.`}</p>
    ${viewer.reviewFirst ? html`<p class="comments__review-first muted" id="new-comment-review" data-review-first>${viewer.reviewFirst}</p>` : ''}
    ${commentForm(context, { idPrefix: 'new-comment', label: 'Your comment', button: 'Post comment' })}
  </div>`;
}

/**
 * Short cards that link to the comment in the conversation (which stays where it is: one id, once). The
 * widget moves focus there when the page shows it; otherwise the link opens the article at its thread.
 */
export function featuredBlock(featured: readonly PublicComment[], context: MarkupContext): Html {
  if (featured.length === 0) return html``;
  return html`<section class="comments__featured" aria-labelledby="comments-featured-heading" data-featured>
    <h3 id="comments-featured-heading">Featured</h3>
    <ol class="comments__featured-list">${featured.map(
      (comment) => html`<li class="comment-featured" data-featured-id="${comment.id}">
      <p class="comment__meta"><strong class="comment__author">${comment.author.name}</strong>${comment.author.staff ? html` <span class="comment__badge">Staff</span>` : ''}</p>
      <div class="comment__text">${trusted(comment.html)}</div>
      <p class="comment-featured__link">${siteLink(context, `${articlePath(context.slug)}?comment=${comment.id}#c-${comment.id}`, 'Read it in the conversation', html` data-featured-link="${comment.id}"`)}</p>
    </li>`,
    )}</ol>
  </section>`;
}

export function moreThreadsLink(context: MarkupContext, sort: CommentSort, cursor: string): Html {
  return html`<p class="comments__more"><a class="button button--quiet" href="${siteHref(context, articlePath(context.slug))}?sort=${sort}&amp;cursor=${cursor}#comments" data-more-threads="${cursor}">Show more comments</a></p>`;
}

/**
 * The whole comment section, on the article page (complete without JavaScript: sort links and forms
 * that post and redirect back) and embedded on another site, where the widget draws it from the JSON.
 */
export function commentSection(view: SectionView, context: MarkupContext, extras: SectionExtras = {}): Html {
  const base = siteHref(context, articlePath(context.slug));
  return html`<section id="comments" class="comments" aria-labelledby="comments-heading" data-tribune-comments
    data-article-id="${context.articleId}" data-article-slug="${context.slug}" data-sort="${view.sort}" data-closed="${context.closed ? '1' : '0'}"
    data-guests="${context.guestsAllowed ? '1' : '0'}" data-signed-in="${view.viewer.signedIn ? '1' : '0'}" data-max-length="${context.maxLength}" data-locale="${context.locale}"${context.timeZone ? html` data-time-zone="${context.timeZone}"` : ''}${view.liveSince ? html` data-live-since="${view.liveSince}"` : ''}>
  ${extras.head ?? ''}
  <h2 id="comments-heading">Comments <span class="comments__count" data-count="${view.count}">(${view.count})</span></h2>
  <nav class="comments__sort" aria-label="Sort comments"><span class="muted">Sort by</span>
    ${COMMENT_SORTS.map((option) => html`<a href="${base}?sort=${option}#comments"${option === view.sort ? html` aria-current="true"` : ''}>${COMMENT_SORT_LABELS[option]}</a>`)}
  </nav>
  ${extras.notice ?? ''}
  ${composer(context, view.viewer)}
  <div class="visually-hidden" role="status" aria-live="polite" data-live-region></div>
  ${view.threads.length === 0 ? html`<p class="comments__empty muted" data-empty>No comments yet.${context.closed ? '' : ' Start the conversation.'}</p>` : ''}
  ${view.later ? html`<p class="comments__first"><a href="${base}?sort=${view.sort}#comments">Back to the first comments</a></p>` : ''}
  ${featuredBlock(view.featured, context)}
  <ol class="comment-list" data-threads>${view.threads.map((thread) => renderThread(thread, context))}</ol>
  ${view.nextCursor ? moreThreadsLink(context, view.sort, view.nextCursor) : ''}
  ${extras.foot ?? ''}
</section>`;
}
