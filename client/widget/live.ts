import { $, byId, h } from './dom.js';
import { announce, focusComment, insertComment } from './insert.js';
import { reactButton, replaceCard } from './render.js';
import type { Comment, Ctx } from './types.js';

/**
 * Listens to the article's event stream. New comments wait behind a "N new comments" bar so the page
 * never jumps under the reader; edits, deletions and reaction counts apply in place.
 */
export function connectLive(ctx: Ctx): void {
  if (typeof EventSource === 'undefined') return;
  const source = new EventSource(`${ctx.api}/api/articles/${ctx.articleId}/live`, { withCredentials: ctx.embed });
  const waiting: Comment[] = [];
  const bar = h('button', { type: 'button', class: 'comments__new-bar', hidden: true });
  $(ctx.section, '[data-threads]')?.before(bar);

  const refresh = () => {
    const pending = waiting.filter((comment) => !byId(ctx.section, comment.id));
    waiting.length = 0;
    waiting.push(...pending);
    bar.hidden = pending.length === 0;
    bar.textContent = `Show ${pending.length} new comment${pending.length === 1 ? '' : 's'}`;
  };

  bar.addEventListener('click', () => {
    let first: HTMLElement | null = null;
    // Parents before replies, so a reply to a new comment finds its place.
    for (const comment of waiting.sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : 1))) {
      const inserted = insertComment(ctx, comment);
      first ??= inserted;
    }
    waiting.length = 0;
    refresh();
    if (first) focusComment(first);
  });

  const on = (type: string, handle: (data: Record<string, unknown>) => void) =>
    source.addEventListener(type, (event) => handle(JSON.parse((event as MessageEvent<string>).data)));

  on('comment.created', (data) => {
    const comment = data.comment as Comment;
    if (byId(ctx.section, comment.id) || waiting.some((c) => c.id === comment.id)) return;
    waiting.push(comment);
    refresh();
    announce(ctx, bar.textContent ?? '');
  });
  on('comment.updated', (data) => {
    const comment = data.comment as Comment;
    const li = byId(ctx.section, comment.id);
    if (li) replaceCard(ctx, li, { ...comment, mine: ctx.mine.has(comment.id), editableUntil: ctx.mine.get(comment.id)?.editableUntil ?? null });
  });
  on('comment.deleted', (data) => {
    const li = byId(ctx.section, data.id as string);
    if (li) replaceCard(ctx, li, { id: data.id as string, rootId: data.rootId as string, depth: Number(li.dataset.depth), status: data.status === 'deleted' ? 'deleted' : 'removed' } as Comment);
  });
  on('reaction.changed', (data) => {
    const li = byId(ctx.section, data.id as string);
    const form = li && $(li, ':scope > .comment__card form[data-action=react]');
    const pressed = form && $(form, 'button')?.getAttribute('aria-pressed') === 'true';
    form?.replaceWith(reactButton(ctx, { id: data.id as string, reactions: data.reactions as number, reacted: Boolean(pressed) }));
  });
  window.addEventListener('pagehide', () => source.close());
}
