import { $, exactTime, h, relativeTime } from './dom.js';
import type { Comment, Ctx, Reply, Thread } from './types.js';

const REASONS: [string, string][] = [['abusive', 'Abusive'], ['spam', 'Spam'], ['off-topic', 'Off-topic'], ['other', 'Other']];

const csrfField = (ctx: Ctx) => (ctx.csrf ? h('input', { type: 'hidden', name: '_csrf', value: ctx.csrf }) : null);
/** Closes a reply, edit or report form (actions.ts) and gives focus back to the link that opened it. */
const cancelButton = () => h('button', { type: 'button', class: 'comment-form__cancel link-button', 'data-action': 'cancel' }, 'Cancel');

/** The same markup the server draws, so one set of handlers drives both. */
export function commentForm(ctx: Ctx, options: { parentId?: string; prefix: string; label: string; button: string; cancel?: boolean }): HTMLFormElement {
  const field = (name: string, label: string, attrs: Record<string, string | boolean>) => [
    h('label', { for: `${options.prefix}-${name}` }, label),
    h('input', { id: `${options.prefix}-${name}`, name, ...attrs }),
  ];
  return h('form', { class: 'comment-form', method: 'post', action: '/comments', 'data-action': 'post' },
    csrfField(ctx),
    h('input', { type: 'hidden', name: 'article', value: ctx.articleId }),
    options.parentId ? h('input', { type: 'hidden', name: 'parentId', value: options.parentId }) : null,
    ctx.signedIn ? null : h('div', { class: 'comment-form__guest' },
      ...field('name', 'Your name', { required: true, maxlength: '40', autocomplete: 'nickname' }),
      ...field('email', 'Email (optional, never shown)', { type: 'email', maxlength: '254', autocomplete: 'email' })),
    h('label', { for: `${options.prefix}-text` }, options.label),
    h('textarea', { id: `${options.prefix}-text`, name: 'text', required: true, rows: '4', maxlength: String(ctx.maxLength) }),
    h('button', { type: 'submit' }, options.button), options.cancel && cancelButton());
}

export function editForm(ctx: Ctx, comment: Pick<Comment, 'id'>, text: string): HTMLFormElement {
  const area = h('textarea', { id: `edit-${comment.id}`, name: 'text', required: true, rows: '4', maxlength: String(ctx.maxLength) });
  area.value = text;
  return h('form', { class: 'comment-form', method: 'post', action: `/comments/${comment.id}/edit`, 'data-action': 'edit' },
    csrfField(ctx), h('label', { for: `edit-${comment.id}` }, 'Edit your comment'), area, h('button', { type: 'submit' }, 'Save changes'), cancelButton());
}

export function reportForm(ctx: Ctx, id: string): HTMLFormElement {
  return h('form', { class: 'comment-form', method: 'post', action: `/comments/${id}/flag`, 'data-action': 'flag' },
    csrfField(ctx),
    h('fieldset', null, h('legend', null, 'Why should moderators look at this comment?'),
      ...REASONS.map(([value, label], index) => h('label', { class: 'checkbox' }, h('input', { type: 'radio', name: 'reason', value, required: index === 0 }), ` ${label}`))),
    h('label', { for: `report-${id}-note` }, 'Anything to add? (optional)'),
    h('input', { id: `report-${id}-note`, name: 'note', maxlength: '500' }),
    h('button', { type: 'submit' }, 'Send report'), cancelButton());
}

/** "♥ Like 3", named by what it shows; on the reader's own comment only the count (the server refuses their like). */
export function reactButton(ctx: Ctx, c: Pick<Comment, 'id' | 'reactions' | 'reacted'> & { mine?: boolean }): HTMLElement {
  const heart = h('span', { 'aria-hidden': 'true' }, '♥');
  const count = h('span', { 'data-reactions': '' }, String(c.reactions));
  if (c.mine || ctx.mine.has(c.id)) return h('span', { class: 'comment__likes', 'data-action': 'react' }, heart, ' ', count, c.reactions === 1 ? ' like' : ' likes');
  return h('form', { method: 'post', action: `/comments/${c.id}/react`, 'data-action': 'react', class: 'inline-form' }, csrfField(ctx),
    h('button', { type: 'submit', class: 'comment__react link-button', 'aria-pressed': String(c.reacted) }, heart, ' Like ', count));
}

function card(ctx: Ctx, c: Comment): HTMLElement {
  if (c.status === 'deleted' || c.status === 'removed') {
    return h('article', { class: 'comment__card' }, h('p', { class: 'comment__tombstone muted' }, c.status === 'deleted' ? 'Comment deleted' : 'This comment is not available'));
  }
  const link = (action: string, label: string) => h('a', { href: `?${action}=${c.id}#c-${c.id}`, 'data-action': action, rel: 'nofollow' }, label);
  const published = c.status === 'published';
  const open = !ctx.closed;
  const body = h('div', { class: 'comment__text' });
  // The body is the server's sanitised Markdown rendering; everything else is set as text.
  body.innerHTML = c.html;
  return h('article', { class: 'comment__card', 'aria-labelledby': `c-${c.id}-author` },
    h('header', { class: 'comment__meta' },
      h('strong', { class: 'comment__author', id: `c-${c.id}-author` },
        // The server keeps only http(s) sites; checked again so no other scheme ever becomes a link here.
        c.author.url && /^https?:\/\//i.test(c.author.url) ? h('a', { href: c.author.url, rel: 'nofollow ugc noopener' }, c.author.name) : c.author.name),
      c.author.staff && h('span', { class: 'comment__badge' }, 'Staff'),
      c.replyingTo !== null && h('span', { class: 'comment__replying' }, `replying to ${c.replyingTo || 'a removed comment'}`),
      h('a', { class: 'comment__time', href: c.permalink, title: exactTime(c.createdAt, ctx.locale) }, h('time', { datetime: c.createdAt }, relativeTime(c.createdAt, ctx.locale))),
      c.editedAt && h('span', { class: 'comment__edited' }, '(edited)'),
      c.status === 'pending' && h('span', { class: 'comment__pending' }, 'Awaiting review')),
    body,
    h('footer', { class: 'comment__actions' },
      published && reactButton(ctx, c),
      published && open && link('reply', 'Reply'),
      c.editableUntil && open && link('edit', 'Edit'),
      c.mine && h('form', { method: 'post', action: `/comments/${c.id}/delete`, 'data-action': 'delete', class: 'inline-form' }, csrfField(ctx), h('button', { type: 'submit', class: 'link-button' }, 'Delete')),
      published && !c.mine && link('report', 'Report')));
}

export function renderComment(ctx: Ctx, c: Comment): HTMLLIElement {
  const classes = `comment comment--depth-${Math.min(c.depth, 3)}${c.status === 'published' ? '' : ` comment--${c.status}`}`;
  const li = h('li', { class: classes, id: `c-${c.id}`, 'data-comment-id': c.id, 'data-root-id': c.rootId, 'data-depth': String(c.depth), 'data-mine': c.mine }, card(ctx, c));
  if (c.mine) ctx.mine.set(c.id, c);
  return li;
}

/** Swaps a comment's card for a fresh one, keeping its replies. */
export function replaceCard(ctx: Ctx, li: HTMLElement, c: Comment): void {
  const old = $(li, ':scope > .comment__card');
  const fresh = renderComment(ctx, c);
  li.className = fresh.className;
  li.toggleAttribute('data-mine', fresh.hasAttribute('data-mine'));
  if (old) old.replaceWith(fresh.firstChild!);
}

function nest(ctx: Ctx, replies: Reply[] | undefined, li: HTMLElement): void {
  if (!replies || replies.length === 0) return;
  const list = h('ol', { class: 'comment-replies', 'data-replies': '' });
  for (const reply of replies) {
    const child = renderComment(ctx, reply);
    nest(ctx, reply.replies, child);
    list.append(child);
  }
  li.append(list);
}

export function moreRepliesLink(rootId: string, count: number, cursor: string | null | undefined): HTMLElement {
  return h('p', { class: 'comment__more' }, h('a', { href: `?thread=${rootId}&replies=all#c-${rootId}`, 'data-more-replies': rootId, 'data-cursor': cursor ?? '' }, `Show ${count} more ${count === 1 ? 'reply' : 'replies'}`));
}

export function renderThread(ctx: Ctx, thread: Thread): HTMLLIElement {
  const li = renderComment(ctx, thread);
  nest(ctx, thread.replies, li);
  if (thread.moreReplies) li.append(moreRepliesLink(thread.id, thread.moreReplies, thread.repliesCursor));
  return li;
}

export function moreThreadsLink(cursor: string): HTMLElement {
  return h('p', { class: 'comments__more' }, h('a', { class: 'button button--quiet', href: `?cursor=${cursor}#comments`, 'data-more-threads': cursor }, 'Show more comments'));
}
