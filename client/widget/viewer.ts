import { composer, type ViewerView } from '../../src/comments/browser.js';
import { api } from './api.js';
import { $ } from './dom.js';
import { element, markupFor } from './render.js';
import type { Ctx, SectionJson } from './types.js';

/**
 * Brings the composer up to date with what applies to this viewer, from the comments JSON's `viewer`:
 * the shared markup's own composer (src/comments/markup/section.ts), which embed.ts draws the whole
 * section with. A sanction takes the form's place; otherwise the form stays as it is (with whatever the
 * reader has typed) and only the review-first notice above it comes, goes or changes.
 */
export function applyViewer(ctx: Ctx, viewer: ViewerView): void {
  const box = $(ctx.section, '.comments__composer');
  if (!box || ctx.closed) return;
  const drawn = element(composer(markupFor(ctx), viewer));
  if (viewer.sanction) return box.replaceWith(drawn);
  const shown = $(box, '[data-review-first]');
  const fresh = $(drawn, '[data-review-first]');
  if (!fresh) shown?.remove();
  else if (shown) shown.replaceWith(fresh);
  else $(box, 'form')?.before(fresh);
}

/**
 * The article page is the same for every guest (it is cached), so it cannot say that this guest is
 * suspended or that their comment will be reviewed first: asked here, once, for guests only (a signed-in
 * reader's page is drawn for them).
 */
export async function loadViewer(ctx: Ctx): Promise<void> {
  if (ctx.embed || ctx.signedIn || ctx.closed) return;
  const data = await api<Pick<SectionJson, 'viewer'>>(ctx, 'GET', `/api/articles/${encodeURIComponent(ctx.articleId)}/comments?limit=1&replies=0`);
  applyViewer(ctx, data.viewer);
}
