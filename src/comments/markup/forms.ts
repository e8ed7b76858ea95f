import { html, type Html } from '../../web/html.js';
import { articlePath, type MarkupContext } from './context.js';
import { FLAG_REASON_LABELS, FLAG_REASONS } from './lists.js';

const csrfField = (context: MarkupContext) => (context.csrf ? html`<input type="hidden" name="_csrf" value="${context.csrf}">` : html``);

/**
 * Closes a reply, edit or report form. Without JavaScript it is a link back to the comment (the page
 * without the form); in the widget a button, whose handler gives focus back to the link that opened it.
 */
function cancelControl(commentId: string, context: MarkupContext): Html {
  if (context.scripted) return html`<button type="button" class="comment-form__cancel link-button" data-action="cancel">Cancel</button>`;
  return html`<a class="comment-form__cancel" href="${articlePath(context.slug)}?comment=${commentId}#c-${commentId}" data-action="cancel">Cancel</a>`;
}

/** Name (and optional email) fields for guests; signed-in readers post under their account name. */
function authorFields(context: MarkupContext, idPrefix: string): Html {
  if (context.signedIn) return html``;
  return html`<div class="comment-form__guest">
    <label for="${idPrefix}-name">Your name</label>
    <input id="${idPrefix}-name" name="name" required maxlength="40" autocomplete="nickname">
    <label for="${idPrefix}-email">Email <span class="muted">(optional, never shown)</span></label>
    <input id="${idPrefix}-email" name="email" type="email" maxlength="254" autocomplete="email">
  </div>`;
}

export interface CommentFormOptions {
  /** The comment answered; none for a new thread (which has nothing to cancel). */
  parentId?: string;
  idPrefix: string;
  label: string;
  button: string;
}

export function commentForm(context: MarkupContext, options: CommentFormOptions): Html {
  return html`<form class="comment-form" method="post" action="/comments" data-action="post">
    ${csrfField(context)}
    <input type="hidden" name="article" value="${context.articleId}">
    ${options.parentId ? html`<input type="hidden" name="parentId" value="${options.parentId}">` : ''}
    ${authorFields(context, options.idPrefix)}
    <label for="${options.idPrefix}-text">${options.label}</label>
    <textarea id="${options.idPrefix}-text" name="text" required rows="4" maxlength="${context.maxLength}"></textarea>
    <p class="comment-form__hint muted">Markdown: *emphasis*, [links](https://…), &gt; quotes, \`code\`.</p>
    <button type="submit">${options.button}</button>${options.parentId ? cancelControl(options.parentId, context) : ''}
  </form>`;
}

export function editForm(comment: { id: string; text?: string }, context: MarkupContext): Html {
  return html`<form class="comment-form" method="post" action="/comments/${comment.id}/edit" data-action="edit">
    ${csrfField(context)}
    <label for="edit-${comment.id}">Edit your comment</label>
    <textarea id="edit-${comment.id}" name="text" required rows="4" maxlength="${context.maxLength}">${comment.text ?? ''}</textarea>
    <button type="submit">Save changes</button>${cancelControl(comment.id, context)}
  </form>`;
}

export function reportForm(comment: { id: string }, context: MarkupContext): Html {
  return html`<form class="comment-form" method="post" action="/comments/${comment.id}/flag" data-action="flag">
    ${csrfField(context)}
    <fieldset><legend>Why should moderators look at this comment?</legend>
    ${FLAG_REASONS.map((reason, index) => html`<label class="checkbox"><input type="radio" name="reason" value="${reason}"${index === 0 ? html` required` : ''}> ${FLAG_REASON_LABELS[reason]}</label>`)}
    </fieldset>
    <label for="report-${comment.id}-note">Anything to add? <span class="muted">(optional)</span></label>
    <input id="report-${comment.id}-note" name="note" maxlength="500">
    <button type="submit">Send report</button>${cancelControl(comment.id, context)}
  </form>`;
}

/**
 * The like button, named by what it shows ("Like 3"); on the reader's own comment just the count, as
 * the server refuses a like from its author. The heart is decoration, so it is hidden from the name.
 */
export function likes(comment: { id: string; reactions: number; reacted: boolean; mine: boolean }, context: MarkupContext): Html {
  if (comment.mine) return html`<span class="comment__likes" data-action="react"><span aria-hidden="true">♥</span> <span data-reactions>${comment.reactions}</span> ${comment.reactions === 1 ? 'like' : 'likes'}</span>`;
  return html`<form method="post" action="/comments/${comment.id}/react" data-action="react" class="inline-form">${csrfField(context)}<button type="submit" class="comment__react link-button" aria-pressed="${comment.reacted ? 'true' : 'false'}"><span aria-hidden="true">♥</span> Like <span data-reactions>${comment.reactions}</span></button></form>`;
}
