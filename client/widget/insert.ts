import { $, byId, h } from './dom.js';
import { renderComment } from './render.js';
import type { Comment, Ctx } from './types.js';

/** Says something to screen readers through the section's polite live region. */
export function announce(ctx: Ctx, message: string): void {
  const region = $(ctx.section, '[data-live-region]');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers read repeated messages too.
  setTimeout(() => (region.textContent = message), 50);
}

function repliesList(parent: HTMLElement): HTMLElement {
  let list = $(parent, ':scope > [data-replies]');
  if (!list) {
    list = h('ol', { class: 'comment-replies', 'data-replies': '' });
    const more = $(parent, ':scope > .comment__more');
    if (more) more.before(list);
    else parent.append(list);
  }
  return list;
}

/**
 * Puts a comment where it belongs: a reply at the end of the list it is drawn in (its parent's, or its
 * depth-2 ancestor's once flattened), a new thread at the top (newest first) or the bottom. The count is
 * the caller's business (`countAs`): comments loaded from the server are already in it.
 */
export function insertComment(ctx: Ctx, comment: Comment): HTMLLIElement | null {
  if (byId(ctx.section, comment.id)) return null;
  const li = renderComment(ctx, comment);
  if (comment.displayParentId) {
    const parent = byId(ctx.section, comment.displayParentId);
    if (!parent) return null;
    repliesList(parent).append(li);
  } else {
    const list = $(ctx.section, '[data-threads]');
    if (!list) return null;
    if (ctx.sort === 'newest') list.prepend(li);
    else list.append(li);
    $(ctx.section, '[data-empty]')?.remove();
  }
  return li;
}

/** Whether the count includes this comment: known from earlier changes, else from how it is drawn. */
function counted(ctx: Ctx, id: string): boolean {
  const known = ctx.counted.get(id);
  if (known !== undefined) return known;
  const li = byId(ctx.section, id);
  // Not on the page: a removal of it cannot be told from one counted already, so it changes nothing.
  return li !== null && !/\bcomment--(pending|deleted|removed)\b/.test(li.className);
}

/**
 * Records that a comment is now published (counted) or not, moving the count once per change however
 * many times it is heard of (the reader's own post, then the stream; a replay after a reconnect).
 */
export function countAs(ctx: Ctx, id: string, published: boolean): void {
  if (counted(ctx, id) !== published) bumpCount(ctx, published ? 1 : -1);
  ctx.counted.set(id, published);
  // "No comments yet" stops being true with the first one, even while it waits behind the bar.
  if (published) $(ctx.section, '[data-empty]')?.remove();
}

function bumpCount(ctx: Ctx, by: number): void {
  const count = $(ctx.section, '[data-count]');
  if (!count) return;
  const next = Math.max(0, Number(count.dataset.count ?? 0) + by);
  count.dataset.count = String(next);
  count.textContent = `(${next})`;
}

/** Moves keyboard focus to a comment without making it a tab stop, and scrolls it into view. */
export function focusComment(li: HTMLElement): void {
  li.setAttribute('tabindex', '-1');
  li.classList.add('comment--focus');
  li.focus();
  li.scrollIntoView({ block: 'nearest' });
}

export function showError(form: HTMLElement, message: string, extra?: Node | null): void {
  $(form, '.comments__error')?.remove();
  const box = h('div', { class: 'comments__error', role: 'alert' }, h('p', null, message), extra);
  form.append(box);
}
