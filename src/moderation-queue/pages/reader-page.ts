import { html, type Html } from '../../web/html.js';
import type { AuditEntry, QueueCounts, QueueItem, ReaderSummary } from '../types.js';
import { auditList, queueItemCard, readerActionForms, readerStatusText, type ItemContext } from './item.js';
import { helpDialog, rejectDialog, tabNav } from './queue-page.js';

export interface ReaderPageInput {
  reader: ReaderSummary;
  comments: QueueItem[];
  nextCursor: string | null;
  actions: AuditEntry[];
  counts: QueueCounts;
  cursor?: string;
}

/** /admin/moderation/readers/:id: one reader's standing, comments and every decision about them. */
export function readerPage(input: ReaderPageInput, context: ItemContext & { notice?: string }): Html {
  const { reader } = input;
  const base = `/admin/moderation/readers/${reader.id}`;
  return html`<div class="admin-title"><h1>${reader.name}</h1></div>
${context.notice ? html`<p class="notice notice--ok" role="status">${context.notice}</p>` : ''}
${tabNav(null, input.counts)}
<section class="card mod-reader-card" aria-labelledby="reader-standing">
  <h2 id="reader-standing">Standing</h2>
  <p data-reader-status="${reader.id}">${reader.role !== 'reader' ? html`<span class="badge">${reader.role}</span> ` : ''}<span data-reader-badges>${readerStatusText(reader, context.site)}</span></p>
  <p>${reader.approvedCount} approved · ${reader.rejectedCount} rejected · ${reader.pendingCount} waiting for review</p>
  ${reader.role === 'reader' ? readerActionForms(base, reader, context, 'reader') : html`<p class="muted">Staff accounts are managed on the Staff screen.</p>`}
</section>
<section class="card" aria-labelledby="reader-log">
  <h2 id="reader-log">Moderation log</h2>
  <p><a href="/admin/moderation/log?reader=${reader.id}">In the site-wide log</a></p>
  ${auditList(input.actions, context.site)}
</section>
<section aria-labelledby="reader-comments">
  <h2 id="reader-comments">Comments</h2>
  <div class="mod-list" data-queue data-tab="reader">
  ${input.comments.length === 0 ? html`<p class="mod-empty">No comments.</p>` : input.comments.map((item) => queueItemCard(item, context))}
  </div>
  <nav class="mod-pages" aria-label="Pages">
    ${input.cursor ? html`<a href="${base}">Newest</a>` : ''}
    ${input.nextCursor ? html`<a rel="next" href="${base}?cursor=${input.nextCursor}">Older comments</a>` : ''}
  </nav>
</section>
<form id="bulk-form" hidden></form>
<div class="visually-hidden" role="status" aria-live="polite" data-announcer></div>
${helpDialog()}
${rejectDialog()}`;
}

/** /admin/moderation/comments/:id: one comment with its history open. */
export function commentPage(item: QueueItem, counts: QueueCounts, context: ItemContext & { notice?: string }): Html {
  return html`<div class="admin-title"><h1>Comment by ${item.comment.authorName}</h1></div>
${context.notice ? html`<p class="notice notice--ok" role="status">${context.notice}</p>` : ''}
${context.editorial ? '' : tabNav(null, counts)}
<h2 class="visually-hidden">The comment and its history</h2>
<div class="mod-list" data-queue data-tab="comment">${queueItemCard(item, { ...context, auditOpen: true })}</div>
<form id="bulk-form" hidden></form>
<div class="visually-hidden" role="status" aria-live="polite" data-announcer></div>
${helpDialog()}
${rejectDialog()}`;
}
