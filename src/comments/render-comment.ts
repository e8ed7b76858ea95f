import { html, trusted, type Html } from '../web/html.js';
import { FLAG_REASONS } from './reactions.js';
import { formatDateTime, formatRelativeTime } from '../web/dates.js';
import type { PublicComment, ThreadReply, ThreadView } from './types.js';

/** What drawing a comment needs to know about the page and the viewer. */
export interface RenderContext {
  articleId: string;
  slug: string;
  csrf: string;
  locale: string;
  timeZone: string;
  now: Date;
  /** Null when open; else why comments are closed. */
  closed: string | null;
  guestsAllowed: boolean;
  signedIn: boolean;
  viewerName: string | null;
  maxLength: number;
  /** Without JavaScript, `?reply=ID`, `?edit=ID` or `?report=ID` opens that form under the comment. */
  open: { reply?: string; edit?: string; report?: string };
}

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`;
}

const csrfField = (context: RenderContext) => html`<input type="hidden" name="_csrf" value="${context.csrf}">`;

/** Name (and optional email) fields for guests; signed-in readers post under their account name. */
export function authorFields(context: RenderContext, idPrefix: string): Html {
  if (context.signedIn) return html``;
  return html`<div class="comment-form__guest">
    <label for="${idPrefix}-name">Your name</label>
    <input id="${idPrefix}-name" name="name" required maxlength="40" autocomplete="nickname">
    <label for="${idPrefix}-email">Email <span class="muted">(optional, never shown)</span></label>
    <input id="${idPrefix}-email" name="email" type="email" maxlength="254" autocomplete="email">
  </div>`;
}

export function commentForm(context: RenderContext, options: { parentId?: string; idPrefix: string; label: string; button: string; cancel?: Html }): Html {
  return html`<form class="comment-form" method="post" action="/comments" data-action="post">
    ${csrfField(context)}
    <input type="hidden" name="article" value="${context.articleId}">
    ${options.parentId ? html`<input type="hidden" name="parentId" value="${options.parentId}">` : ''}
    ${authorFields(context, options.idPrefix)}
    <label for="${options.idPrefix}-text">${options.label}</label>
    <textarea id="${options.idPrefix}-text" name="text" required rows="4" maxlength="${context.maxLength}"></textarea>
    <p class="comment-form__hint muted">Markdown: *emphasis*, [links](https://…), &gt; quotes, \`code\`.</p>
    <button type="submit">${options.button}</button>${options.cancel ?? ''}
  </form>`;
}

function meta(comment: PublicComment, context: RenderContext): Html {
  const exact = formatDateTime(comment.createdAt, context);
  return html`<header class="comment__meta">
    <strong class="comment__author" id="c-${comment.id}-author">${comment.author.url ? html`<a href="${comment.author.url}" rel="nofollow ugc noopener">${comment.author.name}</a>` : comment.author.name}</strong>
    ${comment.author.staff ? html`<span class="comment__badge">Staff</span>` : ''}
    ${comment.replyingTo !== null ? html`<span class="comment__replying">replying to ${comment.replyingTo || 'a removed comment'}</span>` : ''}
    <a class="comment__time" href="${articlePath(context.slug)}#c-${comment.id}" title="${exact}"><time datetime="${comment.createdAt}">${formatRelativeTime(comment.createdAt, context.now, context.locale)}</time></a>
    ${comment.editedAt ? html`<span class="comment__edited" title="${formatDateTime(comment.editedAt, context)}">(edited)</span>` : ''}
    ${comment.status === 'pending' ? html`<span class="comment__pending">Awaiting review</span>` : ''}
  </header>`;
}

/**
 * The like button, named by what it shows ("Like 3"); on the reader's own comment just the count, as
 * the server refuses a like from its author. The heart is decoration, so it is hidden from the name.
 */
function likes(comment: PublicComment, context: RenderContext): Html {
  if (comment.mine) return html`<span class="comment__likes" data-action="react"><span aria-hidden="true">♥</span> <span data-reactions>${comment.reactions}</span> ${comment.reactions === 1 ? 'like' : 'likes'}</span>`;
  return html`<form method="post" action="/comments/${comment.id}/react" data-action="react" class="inline-form">${csrfField(context)}<button type="submit" class="comment__react link-button" aria-pressed="${comment.reacted ? 'true' : 'false'}"><span aria-hidden="true">♥</span> Like <span data-reactions>${comment.reactions}</span></button></form>`;
}

/** Without JavaScript a form opened by `?reply=ID` closes by going back to the comment (the widget removes it). */
function cancel(comment: Pick<PublicComment, 'id'>, context: RenderContext): Html {
  return html`<a class="comment-form__cancel" href="${articlePath(context.slug)}?comment=${comment.id}#c-${comment.id}" data-action="cancel">Cancel</a>`;
}

function actions(comment: PublicComment, context: RenderContext): Html {
  const here = (param: string) => `?${param}=${comment.id}#c-${comment.id}`;
  const published = comment.status === 'published';
  return html`<footer class="comment__actions">
    ${published ? likes(comment, context) : ''}
    ${published && !context.closed ? html`<a href="${here('reply')}" data-action="reply" rel="nofollow">Reply</a>` : ''}
    ${comment.editableUntil && !context.closed ? html`<a href="${here('edit')}" data-action="edit" rel="nofollow">Edit</a>` : ''}
    ${comment.mine ? html`<form method="post" action="/comments/${comment.id}/delete" data-action="delete" class="inline-form">${csrfField(context)}<button type="submit" class="link-button">Delete</button></form>` : ''}
    ${published && !comment.mine ? html`<a href="${here('report')}" data-action="report" rel="nofollow">Report</a>` : ''}
  </footer>
  ${context.open.reply === comment.id && published && !context.closed ? commentForm(context, { parentId: comment.id, idPrefix: `reply-${comment.id}`, label: `Reply to ${comment.author.name}`, button: 'Post reply', cancel: cancel(comment, context) }) : ''}
  ${context.open.edit === comment.id && comment.editableUntil ? editForm(comment, context) : ''}
  ${context.open.report === comment.id && published ? reportForm(comment, context) : ''}`;
}

export function editForm(comment: PublicComment, context: RenderContext): Html {
  return html`<form class="comment-form" method="post" action="/comments/${comment.id}/edit" data-action="edit">
    ${csrfField(context)}
    <label for="edit-${comment.id}">Edit your comment</label>
    <textarea id="edit-${comment.id}" name="text" required rows="4" maxlength="${context.maxLength}">${comment.text ?? ''}</textarea>
    <button type="submit">Save changes</button>${cancel(comment, context)}
  </form>`;
}

export function reportForm(comment: PublicComment, context: RenderContext): Html {
  return html`<form class="comment-form" method="post" action="/comments/${comment.id}/flag" data-action="flag">
    ${csrfField(context)}
    <fieldset><legend>Why should moderators look at this comment?</legend>
    ${FLAG_REASONS.map((reason, index) => html`<label class="checkbox"><input type="radio" name="reason" value="${reason}"${index === 0 ? html` required` : ''}> ${reason === 'off-topic' ? 'Off-topic' : reason[0].toUpperCase() + reason.slice(1)}</label>`)}
    </fieldset>
    <label for="report-${comment.id}-note">Anything to add? <span class="muted">(optional)</span></label>
    <input id="report-${comment.id}-note" name="note" maxlength="500">
    <button type="submit">Send report</button>${cancel(comment, context)}
  </form>`;
}

export function renderComment(comment: PublicComment | ThreadReply, context: RenderContext, children: Html = html``): Html {
  const classes = ['comment', `comment--depth-${Math.min(comment.depth, 3)}`, comment.status !== 'published' ? `comment--${comment.status}` : ''].filter(Boolean).join(' ');
  // The widget learns the reader's own comments from these, so live redraws keep Edit and Delete and no Like.
  const own = comment.mine ? html` data-mine${comment.editableUntil ? html` data-editable-until="${comment.editableUntil}"` : ''}` : '';
  const attributes = html`class="${classes}" id="c-${comment.id}" data-comment-id="${comment.id}" data-root-id="${comment.rootId}" data-depth="${comment.depth}"${own}`;
  if (comment.status === 'deleted' || comment.status === 'removed') {
    return html`<li ${attributes}><article class="comment__card"><p class="comment__tombstone muted">${comment.status === 'deleted' ? 'Comment deleted' : 'This comment is not available'}</p></article>${children}</li>`;
  }
  return html`<li ${attributes}><article class="comment__card" aria-labelledby="c-${comment.id}-author">
    ${meta(comment, context)}
    <div class="comment__text">${trusted(comment.html)}</div>
    ${actions(comment, context)}
  </article>${children}</li>`;
}

function renderReplies(replies: ThreadReply[], context: RenderContext): Html {
  if (replies.length === 0) return html``;
  return html`<ol class="comment-replies" data-replies>${replies.map((reply) => renderComment(reply, context, renderReplies(reply.replies, context)))}</ol>`;
}

export function renderThread(thread: ThreadView, context: RenderContext): Html {
  const more = thread.moreReplies > 0
    ? html`<p class="comment__more"><a href="?thread=${thread.id}&amp;replies=all#c-${thread.id}" data-more-replies="${thread.id}" data-cursor="${thread.repliesCursor ?? ''}">Show ${thread.moreReplies} more ${thread.moreReplies === 1 ? 'reply' : 'replies'}</a></p>`
    : html``;
  return renderComment(thread, context, html`${renderReplies(thread.replies, context)}${more}`);
}
