import { liveHub, type LiveData } from '../live/hub.js';
import { $, byId, h } from './dom.js';
import { announce, countAs, focusComment, insertComment } from './insert.js';
import { reactButton, replaceCard } from './render.js';
import type { Comment, Ctx } from './types.js';

/**
 * Follows the article's live events through the browser's one shared stream (client/live/hub.ts). New
 * threads wait behind a "N new comments" bar so the page never jumps under the reader; a reply goes
 * straight into its thread when that thread is on the page; edits, deletions and reaction counts apply
 * in place. The count and the empty state follow every change at once, each comment counted once.
 */
export function connectLive(ctx: Ctx): void {
  const hub = liveHub(ctx.api || location.origin);
  if (!hub) return;
  const waiting: Comment[] = [];
  let stale = false;
  const bar = h('button', { type: 'button', class: 'comments__new-bar', hidden: true });
  $(ctx.section, '[data-threads]')?.before(bar);

  const refresh = () => {
    const pending = waiting.filter((comment) => !byId(ctx.section, comment.id));
    waiting.length = 0;
    waiting.push(...pending);
    bar.hidden = pending.length === 0 && !stale;
    bar.textContent = stale
      ? 'Comments changed while you were offline: reload them'
      : `Show ${pending.length} new comment${pending.length === 1 ? '' : 's'}`;
  };

  bar.addEventListener('click', () => {
    if (stale) return location.reload();
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

  const created = (comment: Comment) => {
    const shown = byId(ctx.section, comment.id);
    // A moderator brought back a comment this page shows as removed.
    if (shown?.classList.contains('comment--removed')) {
      countAs(ctx, comment.id, true);
      replaceCard(ctx, shown, comment);
    }
    if (shown || waiting.some((c) => c.id === comment.id)) return;
    countAs(ctx, comment.id, true);
    const parent = comment.displayParentId;
    if (parent && byId(ctx.section, parent)) {
      insertComment(ctx, comment)?.classList.add('comment--new');
      announce(ctx, `New reply from ${comment.author.name}.`);
      return;
    }
    // A reply in a thread this page does not show is only counted; one under a waiting comment waits with it.
    if (parent && !waiting.some((c) => c.id === parent)) return;
    waiting.push(comment);
    refresh();
    announce(ctx, bar.textContent ?? '');
  };

  const removed = (data: Extract<LiveData, { type: 'comment.deleted' }>) => {
    const id = String(data.id);
    const at = waiting.findIndex((c) => c.id === id);
    if (at >= 0) waiting.splice(at, 1);
    refresh();
    const li = byId(ctx.section, id);
    // The author's own held edit: their page already says it awaits review.
    if (data.status === 'removed' && li?.classList.contains('comment--pending')) return;
    countAs(ctx, id, false);
    if (!li) return;
    // Like the server's page: a tombstone only where it holds up replies, or for its author.
    if (!ctx.mine.has(id) && !$(li, ':scope > [data-replies] > li')) li.remove();
    else replaceCard(ctx, li, { id, rootId: String(data.rootId), depth: Number(li.dataset.depth), status: data.status === 'deleted' ? 'deleted' : 'removed' } as Comment);
  };

  hub.article(ctx.articleId, ctx.liveSince, (type, data) => {
    // An embedded section drawn again (another sort) leaves this one behind.
    if (!ctx.section.isConnected) return;
    if (type === 'comment.created') created(data.comment);
    else if (type === 'comment.updated') {
      const comment = data.comment;
      const at = waiting.findIndex((c) => c.id === comment.id);
      if (at >= 0) waiting[at] = comment;
      const li = byId(ctx.section, comment.id);
      if (li) replaceCard(ctx, li, { ...comment, mine: ctx.mine.has(comment.id), editableUntil: ctx.mine.get(comment.id)?.editableUntil ?? null });
    } else if (type === 'comment.deleted') removed(data);
    else if (type === 'reaction.changed') {
      const li = byId(ctx.section, String(data.id));
      // The like button, or the bare count on the reader's own comment (render.ts#reactButton).
      const form = li && $(li, ':scope > .comment__card [data-action=react]');
      const pressed = form && $(form, 'button')?.getAttribute('aria-pressed') === 'true';
      form?.replaceWith(reactButton(ctx, { id: String(data.id), reactions: Number(data.reactions), reacted: Boolean(pressed) }));
    } else if (type === 'live.gap') {
      stale = true;
      refresh();
      announce(ctx, bar.textContent ?? '');
    }
  });
}
