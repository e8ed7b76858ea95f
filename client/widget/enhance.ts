import { $, $$ } from './dom.js';
import { markMine, wireActions } from './actions.js';
import { fillGuest } from './guest.js';
import { connectLive } from './live.js';
import type { Comment, Ctx } from './types.js';
import { loadViewer } from './viewer.js';

/** What the widget knows of a section, read from the attributes the server (or embed.ts) drew on it. */
export function contextFor(section: HTMLElement, api: string, embed: boolean): Ctx {
  const data = section.dataset;
  return {
    section, api, embed,
    articleId: data.articleId!, slug: data.articleSlug!, sort: (data.sort ?? 'oldest') as Ctx['sort'],
    closed: data.closed === '1', signedIn: data.signedIn === '1', guests: data.guests === '1',
    maxLength: Number(data.maxLength ?? 5000), locale: data.locale || navigator.language, timeZone: data.timeZone || undefined,
    csrf: embed ? '' : ($<HTMLMetaElement>(document, 'meta[name="csrf-token"]')?.content ?? ''),
    mine: new Map(),
    counted: new Map(),
    liveSince: data.liveSince || null,
  };
}

/** Posting, replies, edits, likes, reports and live updates on a drawn section; once per section. */
export function enhance(ctx: Ctx): void {
  if (ctx.section.dataset.enhanced) return;
  ctx.section.dataset.enhanced = '1';
  // The reader's own comments as the server drew them: live redraws keep their Edit and Delete, and no Like.
  for (const li of $$(ctx.section, 'li[data-mine]')) {
    ctx.mine.set(li.dataset.commentId!, { id: li.dataset.commentId!, editableUntil: li.dataset.editableUntil ?? null } as Comment);
  }
  for (const form of $$(ctx.section, 'form[data-action=post]')) fillGuest(form);
  wireActions(ctx);
  connectLive(ctx);
  if (!ctx.signedIn) void markMine(ctx).catch(() => undefined);
  void loadViewer(ctx).catch(() => undefined);
}
