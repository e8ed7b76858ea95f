import { api, type ApiError } from './api.js';
import { $, byId, h } from './dom.js';
import { fillGuest, rememberGuest } from './guest.js';
import { announce, countAs, focusComment, insertComment, showError } from './insert.js';
import { commentForm, editForm, moreRepliesLink, moreThreadsLink, reactButton, renderThread, replaceCard, reportForm } from './render.js';
import type { Comment, Ctx, Thread } from './types.js';

const commentOf = (node: Element) => node.closest<HTMLElement>('[data-comment-id]');
/** The link that opens each kind of form, by the form's action: focus goes back to it on Cancel. */
const OPENER: Record<string, string> = { post: 'reply', edit: 'edit', flag: 'report' };

/** The viewer's own comments with their source text, fetched once when first needed (guests, editing). */
export async function loadMine(ctx: Ctx): Promise<{ mine: Comment[]; reacted: string[] }> {
  const data = await api<{ mine: Comment[]; reacted: string[] }>(ctx, 'GET', `/api/articles/${ctx.articleId}/comments/mine`);
  for (const comment of data.mine) ctx.mine.set(comment.id, comment);
  return data;
}

function toggleForm(li: HTMLElement, kind: string, build: () => HTMLFormElement): void {
  const host = $(li, ':scope > .comment__card')!;
  const open = $(host, `:scope > form[data-form="${kind}"]`);
  for (const form of Array.from(host.querySelectorAll(':scope > form[data-form]'))) form.remove();
  if (open) return;
  const form = build();
  form.dataset.form = kind;
  host.append(form);
  // A guest who already gave a name here gets it back, and goes straight to the text.
  fillGuest(form);
  const missing = Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[required]')).find((input) => !input.value);
  (missing ?? $<HTMLElement>(form, 'textarea, input:not([type=hidden])'))?.focus();
}

async function onClick(ctx: Ctx, event: MouseEvent): Promise<void> {
  const target = (event.target as Element).closest<HTMLElement>('[data-action], [data-more-replies], [data-more-threads], [data-featured-link], .comments__sort a');
  if (!target || !ctx.section.contains(target)) return;
  const li = commentOf(target);
  const action = target.dataset.action;
  if (target.matches('form')) return;
  if (action === 'cancel' && li) {
    // The widget's forms and the server's (opened by ?reply=ID without JavaScript) close the same way.
    event.preventDefault();
    const form = target.closest('form');
    const opener = form && $(li, `:scope > .comment__card a[data-action="${OPENER[form.dataset.action ?? '']}"]`);
    form?.remove();
    opener?.focus();
  } else if (action === 'reply' && li) {
    event.preventDefault();
    const name = $(li, '.comment__author')?.textContent ?? '';
    toggleForm(li, 'reply', () => commentForm(ctx, { parentId: li.dataset.commentId, prefix: `reply-${li.dataset.commentId}`, label: `Reply to ${name}`, button: 'Post reply' }));
  } else if (action === 'edit' && li) {
    event.preventDefault();
    const id = li.dataset.commentId!;
    if (!ctx.mine.get(id)?.text) await loadMine(ctx).catch(() => undefined);
    toggleForm(li, 'edit', () => editForm(ctx, { id }, ctx.mine.get(id)?.text ?? ''));
  } else if (action === 'report' && li) {
    event.preventDefault();
    toggleForm(li, 'report', () => reportForm(ctx, li.dataset.commentId!));
  } else if (target.dataset.moreReplies) {
    event.preventDefault();
    await moreReplies(ctx, target);
  } else if (target.dataset.moreThreads) {
    event.preventDefault();
    await moreThreads(ctx, target);
  } else if (target.dataset.featuredLink) {
    // To the comment in the conversation when this page shows it (embedded, a #fragment cannot reach into
    // the widget's shadow root); otherwise the link opens the article where it is.
    const shown = byId(ctx.section, target.dataset.featuredLink);
    if (!shown) return;
    event.preventDefault();
    focusComment(shown);
  } else if (ctx.embed && target.closest('.comments__sort')) {
    event.preventDefault();
    const sort = new URL(target.getAttribute('href')!, location.href).searchParams.get('sort');
    ctx.section.dispatchEvent(new CustomEvent('tribune:sort', { detail: sort }));
  }
}

async function moreReplies(ctx: Ctx, link: HTMLElement): Promise<void> {
  const rootId = link.dataset.moreReplies!;
  const cursor = link.dataset.cursor;
  const page = await api<{ replies: Comment[]; nextCursor: string | null; remaining: number }>(
    ctx, 'GET', `/api/comments/${rootId}/replies?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  let first: HTMLElement | null = null;
  for (const reply of page.replies) {
    // Not `first ??= insertComment(…)`: that would skip inserting every reply after the first.
    const li = insertComment(ctx, reply);
    first ??= li;
  }
  const holder = link.closest('.comment__more')!;
  if (page.nextCursor) holder.replaceWith(moreRepliesLink(rootId, page.remaining, page.nextCursor));
  else holder.remove();
  if (first) focusComment(first);
  announce(ctx, `${page.replies.length} more replies shown.`);
}

async function moreThreads(ctx: Ctx, link: HTMLElement): Promise<void> {
  const page = await api<{ threads: Thread[]; nextCursor: string | null }>(ctx, 'GET', `/api/articles/${ctx.articleId}/comments?sort=${ctx.sort}&cursor=${encodeURIComponent(link.dataset.moreThreads!)}`);
  const list = $(ctx.section, '[data-threads]')!;
  let first: HTMLElement | null = null;
  for (const thread of page.threads) {
    if (byId(ctx.section, thread.id)) continue;
    const li = renderThread(ctx, thread);
    list.append(li);
    first ??= li;
  }
  const holder = link.closest('.comments__more')!;
  if (page.nextCursor) holder.replaceWith(moreThreadsLink(ctx, page.nextCursor));
  else holder.remove();
  if (first) focusComment(first);
  announce(ctx, `${page.threads.length} more comments shown.`);
}

async function onSubmit(ctx: Ctx, event: SubmitEvent): Promise<void> {
  const form = event.target as HTMLFormElement;
  const action = form.dataset.action;
  if (!action || !ctx.section.contains(form)) return;
  event.preventDefault();
  const li = commentOf(form);
  const id = li?.dataset.commentId ?? '';
  const data = new FormData(form);
  const value = (name: string) => (data.get(name) as string | null) ?? undefined;
  const button = $<HTMLButtonElement>(form, 'button[type=submit]');
  if (button) button.disabled = true;
  // "Post anyway" is for this one submission: an edit after a later warning has to be confirmed again.
  const postAnyway = form.dataset.postAnyway === '1' || undefined;
  delete form.dataset.postAnyway;
  try {
    if (action === 'post') {
      const body = { text: value('text') ?? '', parentId: value('parentId'), name: value('name'), email: value('email') || undefined, postAnyway };
      const { comment } = await api<{ comment: Comment }>(ctx, 'POST', `/api/articles/${ctx.articleId}/comments`, body);
      // The live stream may have drawn it first, as anyone sees it: this answer knows it is the reader's.
      const drawn = byId(ctx.section, comment.id);
      if (drawn) replaceCard(ctx, drawn, comment);
      // Counted before it is drawn: once on the page, it would pass for one the server already counted.
      countAs(ctx, comment.id, comment.status === 'published');
      const inserted = drawn ?? insertComment(ctx, comment);
      if (body.name) rememberGuest(body.name, body.email ?? '');
      if (form.dataset.form) form.remove();
      else {
        // The composer stays for the next comment: empty text, the same name, and no warning left over.
        form.reset();
        fillGuest(form);
        $(form, '.comments__error')?.remove();
      }
      if (inserted) focusComment(inserted);
      announce(ctx, comment.status === 'pending' ? 'Your comment is awaiting review.' : 'Your comment was posted.');
    } else if (action === 'edit') {
      const { comment } = await api<{ comment: Comment }>(ctx, 'PATCH', `/api/comments/${id}`, { text: value('text') ?? '', postAnyway });
      // A held edit takes the comment out of the count until a moderator approves it.
      countAs(ctx, id, comment.status === 'published');
      replaceCard(ctx, li!, comment);
      focusComment(li!);
      announce(ctx, 'Your changes were saved.');
    } else if (action === 'delete') {
      if (!confirm('Delete this comment? Replies stay, under "Comment deleted".')) return;
      const { comment } = await api<{ comment: Comment }>(ctx, 'DELETE', `/api/comments/${id}`);
      countAs(ctx, id, false);
      replaceCard(ctx, li!, comment);
      announce(ctx, 'Your comment was deleted.');
    } else if (action === 'react') {
      const result = await api<{ reacted: boolean; reactions: number }>(ctx, 'POST', `/api/comments/${id}/reactions`);
      // The live stream may have redrawn the button meanwhile; replace whichever is there now.
      const current = $(li!, ':scope > .comment__card form[data-action=react]') ?? form;
      current.replaceWith(reactButton(ctx, { id, ...result }));
      $<HTMLElement>(li!, '.comment__react')?.focus();
    } else if (action === 'flag') {
      const { alreadyFlagged } = await api<{ alreadyFlagged: boolean }>(ctx, 'POST', `/api/comments/${id}/flags`, { reason: value('reason'), note: value('note') || undefined });
      // One report per reader and comment (the server keeps the first): one thank-you, and no second link.
      $(li!, ':scope > .comment__card [data-reported]')?.remove();
      $(li!, ':scope > .comment__card a[data-action=report]')?.replaceWith(h('span', { class: 'muted' }, 'Reported'));
      form.replaceWith(h('p', { class: 'muted', role: 'status', 'data-reported': '' },
        alreadyFlagged ? 'You reported this comment already. A moderator will look at it.' : 'Thank you. A moderator will look at this comment.'));
    }
  } catch (error) {
    const failure = error as ApiError;
    if (failure.error === 'NUDGE') {
      const anyway = h('button', { type: 'button', class: 'button--quiet' }, 'Post anyway');
      anyway.addEventListener('click', () => {
        form.dataset.postAnyway = '1';
        form.requestSubmit();
      });
      showError(form, `${failure.message}${failure.reasons?.length ? `: ${failure.reasons.map((reason) => reason.message).join(' ')}` : ''}`, anyway);
    } else {
      showError(form, failure.message ?? 'Something went wrong.');
    }
  } finally {
    if (button) button.disabled = false;
  }
}

/** One listener each for clicks and submits on the whole section: works for comments added later too. */
export function wireActions(ctx: Ctx): void {
  ctx.section.addEventListener('click', (event) => void onClick(ctx, event).catch((error: ApiError) => announce(ctx, error.message)));
  ctx.section.addEventListener('submit', (event) => void onSubmit(ctx, event));
}

/** A guest's own comments and reactions, which the server page cannot know: marked once it has loaded. */
export async function markMine(ctx: Ctx): Promise<void> {
  const { mine, reacted } = await loadMine(ctx);
  for (const comment of [...mine].reverse()) {
    const li = byId(ctx.section, comment.id);
    if (li) replaceCard(ctx, li, comment);
    // Held comments are drawn for their author only; published ones on later pages stay there.
    else if (comment.status === 'pending') insertComment(ctx, comment);
  }
  for (const id of reacted) {
    const button = byId(ctx.section, id)?.querySelector('.comment__react');
    button?.setAttribute('aria-pressed', 'true');
  }
}
