import { html, trusted, type Html } from '../../web/html.js';
import type { PublicComment, ThreadReply, ThreadView } from '../types.js';
import { articlePath, siteHref, type MarkupContext } from './context.js';
import { exactTime, relativeTime } from './dates.js';
import { commentForm, editForm, likes, reportForm } from './forms.js';

/** Only http(s) becomes a link: the server keeps no other scheme, and this holds wherever it is drawn. */
const WEBSITE = /^https?:\/\//i;

function meta(comment: PublicComment, context: MarkupContext): Html {
  const { author } = comment;
  return html`<header class="comment__meta">
    <strong class="comment__author" id="c-${comment.id}-author">${author.url && WEBSITE.test(author.url) ? html`<a href="${author.url}" rel="nofollow ugc noopener">${author.name}</a>` : author.name}</strong>
    ${author.staff ? html`<span class="comment__badge">Staff</span>` : ''}
    ${comment.replyingTo !== null ? html`<span class="comment__replying">replying to ${comment.replyingTo || 'a removed comment'}</span>` : ''}
    <a class="comment__time" href="${siteHref(context, articlePath(context.slug))}#c-${comment.id}" title="${exactTime(comment.createdAt, context)}"><time datetime="${comment.createdAt}">${relativeTime(comment.createdAt, context)}</time></a>
    ${comment.editedAt ? html`<span class="comment__edited" title="${exactTime(comment.editedAt, context)}">(edited)</span>` : ''}
    ${comment.status === 'pending' ? html`<span class="comment__pending">Awaiting review</span>` : ''}
  </header>`;
}

function actions(comment: PublicComment, context: MarkupContext): Html {
  const here = (param: string) => `?${param}=${comment.id}#c-${comment.id}`;
  const published = comment.status === 'published';
  const csrf = context.csrf ? html`<input type="hidden" name="_csrf" value="${context.csrf}">` : '';
  return html`<footer class="comment__actions">
    ${published ? likes(comment, context) : ''}
    ${published && !context.closed ? html`<a href="${here('reply')}" data-action="reply" rel="nofollow">Reply</a>` : ''}
    ${comment.editableUntil && !context.closed ? html`<a href="${here('edit')}" data-action="edit" rel="nofollow">Edit</a>` : ''}
    ${comment.mine ? html`<form method="post" action="/comments/${comment.id}/delete" data-action="delete" class="inline-form">${csrf}<button type="submit" class="link-button">Delete</button></form>` : ''}
    ${published && !comment.mine ? html`<a href="${here('report')}" data-action="report" rel="nofollow">Report</a>` : ''}
  </footer>
  ${context.open.reply === comment.id && published && !context.closed ? commentForm(context, { parentId: comment.id, idPrefix: `reply-${comment.id}`, label: `Reply to ${comment.author.name}`, button: 'Post reply' }) : ''}
  ${context.open.edit === comment.id && comment.editableUntil ? editForm(comment, context) : ''}
  ${context.open.report === comment.id && published ? reportForm(comment, context) : ''}`;
}

/** The card alone: what a redraw (an edit, a like, a removal) swaps, keeping the replies under it. */
export function commentCard(comment: PublicComment, context: MarkupContext): Html {
  if (comment.status === 'deleted' || comment.status === 'removed') {
    return html`<article class="comment__card"><p class="comment__tombstone muted">${comment.status === 'deleted' ? 'Comment deleted' : 'This comment is not available'}</p></article>`;
  }
  // The body is the server's sanitised Markdown rendering; everything else is escaped text.
  return html`<article class="comment__card" aria-labelledby="c-${comment.id}-author">
    ${meta(comment, context)}
    <div class="comment__text">${trusted(comment.html)}</div>
    ${actions(comment, context)}
  </article>`;
}

export function commentClasses(comment: Pick<PublicComment, 'depth' | 'status'>): string {
  return `comment comment--depth-${Math.min(comment.depth, 3)}${comment.status === 'published' ? '' : ` comment--${comment.status}`}`;
}

export function renderComment(comment: PublicComment, context: MarkupContext, children: Html = html``): Html {
  // The widget learns the reader's own comments from these, so live redraws keep Edit and Delete and no Like.
  const own = comment.mine ? html` data-mine${comment.editableUntil ? html` data-editable-until="${comment.editableUntil}"` : ''}` : '';
  return html`<li class="${commentClasses(comment)}" id="c-${comment.id}" data-comment-id="${comment.id}" data-root-id="${comment.rootId}" data-depth="${comment.depth}"${own}>${commentCard(comment, context)}${children}</li>`;
}

export function renderReplies(replies: readonly ThreadReply[], context: MarkupContext): Html {
  if (replies.length === 0) return html``;
  return html`<ol class="comment-replies" data-replies>${replies.map((reply) => renderComment(reply, context, renderReplies(reply.replies, context)))}</ol>`;
}

export function moreRepliesLink(rootId: string, count: number, cursor: string | null): Html {
  return html`<p class="comment__more"><a href="?thread=${rootId}&amp;replies=all#c-${rootId}" data-more-replies="${rootId}" data-cursor="${cursor ?? ''}">Show ${count} more ${count === 1 ? 'reply' : 'replies'}</a></p>`;
}

export function renderThread(thread: ThreadView, context: MarkupContext): Html {
  const more = thread.moreReplies > 0 ? moreRepliesLink(thread.id, thread.moreReplies, thread.repliesCursor) : html``;
  return renderComment(thread, context, html`${renderReplies(thread.replies, context)}${more}`);
}
