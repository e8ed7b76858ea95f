import {
  commentForm as commentFormMarkup, editForm as editFormMarkup, likes, moreRepliesLink as moreRepliesMarkup, moreThreadsLink as moreThreadsMarkup,
  renderComment as commentMarkup, renderThread as threadMarkup, reportForm as reportFormMarkup, type MarkupContext,
} from '../../src/comments/browser.js';
import { element } from '../markup/element.js';
import { $ } from './dom.js';
import type { Comment, Ctx, Reply, Thread } from './types.js';

/**
 * The widget draws with the server's own markup functions (src/comments/markup, through its browser
 * entry), so a comment inserted live is the very markup the article page sends, and one set of handlers
 * drives both. This file only turns that escaped HTML into elements.
 */
export function markupFor(ctx: Pick<Ctx, 'articleId' | 'slug' | 'api' | 'csrf' | 'locale' | 'timeZone' | 'closed' | 'guests' | 'signedIn' | 'maxLength'>): MarkupContext {
  return {
    articleId: ctx.articleId, slug: ctx.slug, origin: ctx.api, csrf: ctx.csrf, locale: ctx.locale, timeZone: ctx.timeZone, now: new Date(),
    // Only whether it is closed matters to a comment; the section's notice says why.
    closed: ctx.closed ? 'Comments are closed.' : null,
    guestsAllowed: ctx.guests, signedIn: ctx.signedIn, viewerName: null, maxLength: ctx.maxLength, open: {}, scripted: true,
  };
}

export { element };

export function commentForm(ctx: Ctx, options: { parentId?: string; prefix: string; label: string; button: string }): HTMLFormElement {
  return element(commentFormMarkup(markupFor(ctx), { parentId: options.parentId, idPrefix: options.prefix, label: options.label, button: options.button }));
}

export function editForm(ctx: Ctx, comment: Pick<Comment, 'id'>, text: string): HTMLFormElement {
  return element(editFormMarkup({ id: comment.id, text }, markupFor(ctx)));
}

export function reportForm(ctx: Ctx, id: string): HTMLFormElement {
  return element(reportFormMarkup({ id }, markupFor(ctx)));
}

/** "♥ Like 3"; on the reader's own comment only the count (the server refuses their like). */
export function reactButton(ctx: Ctx, c: Pick<Comment, 'id' | 'reactions' | 'reacted'> & { mine?: boolean }): HTMLElement {
  return element(likes({ ...c, mine: Boolean(c.mine) || ctx.mine.has(c.id) }, markupFor(ctx)));
}

/** The viewer's own comments, known from the server's answers, keep their Edit and Delete in redraws. */
function remember(ctx: Ctx, c: Comment | Reply): void {
  if (c.mine) ctx.mine.set(c.id, c);
  for (const reply of (c as Reply).replies ?? []) remember(ctx, reply);
}

export function renderComment(ctx: Ctx, c: Comment): HTMLLIElement {
  remember(ctx, c);
  return element(commentMarkup({ ...c, mine: c.mine || ctx.mine.has(c.id) }, markupFor(ctx)));
}

/** Swaps a comment's card for a fresh one, keeping its replies. */
export function replaceCard(ctx: Ctx, li: HTMLElement, c: Comment): void {
  const old = $(li, ':scope > .comment__card');
  const fresh = renderComment(ctx, c);
  li.className = fresh.className;
  for (const name of ['data-mine', 'data-editable-until']) {
    const value = fresh.getAttribute(name);
    if (value === null) li.removeAttribute(name);
    else li.setAttribute(name, value);
  }
  if (old) old.replaceWith($(fresh, ':scope > .comment__card')!);
}

export function moreRepliesLink(rootId: string, count: number, cursor: string | null | undefined): HTMLElement {
  return element(moreRepliesMarkup(rootId, count, cursor ?? null));
}

export function renderThread(ctx: Ctx, thread: Thread): HTMLLIElement {
  remember(ctx, thread);
  return element(threadMarkup(thread, markupFor(ctx)));
}

export function moreThreadsLink(ctx: Ctx, cursor: string): HTMLElement {
  return element(moreThreadsMarkup(markupFor(ctx), ctx.sort, cursor));
}
