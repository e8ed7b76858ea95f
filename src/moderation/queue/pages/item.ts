import type { SiteSettings } from '../../../settings/index.js';
import { formatShortDateTime } from '../../../web/dates.js';
import { html, trusted, type Html } from '../../../web/html.js';
import { REJECT_REASONS, SUSPEND_DAYS, type AuditEntry, type QueueItem, type ReaderSummary } from '../types.js';

export interface ItemContext {
  site: SiteSettings['site'];
  csrf: string;
  /** Where form posts come back to (this page). */
  returnTo: string;
  /** Draw the history open (the single-comment page). */
  auditOpen?: boolean;
}

const ACTION_LABELS: Record<string, string> = {
  approve: 'Approved', reject: 'Rejected', ban: 'Banned', unban: 'Reinstated', suspend: 'Suspended', warn: 'Warned',
  premoderate: 'Set to pre-moderation', unpremoderate: 'Pre-moderation lifted', system_hold: 'Held automatically',
  system_reject: 'Rejected automatically', flag: 'Reported',
};

const when = (iso: string, site: ItemContext['site']) => html`<time datetime="${iso}">${formatShortDateTime(iso, site)}</time>`;

export function csrfInputs(context: Pick<ItemContext, 'csrf' | 'returnTo'>): Html {
  return html`<input type="hidden" name="_csrf" value="${context.csrf}"><input type="hidden" name="returnTo" value="${context.returnTo}">`;
}

export function readerStatusText(reader: ReaderSummary, site: ItemContext['site']): Html {
  const status =
    reader.status === 'banned' ? html`<span class="badge badge--danger">banned</span>`
    : reader.status === 'suspended' ? html`<span class="badge badge--warn">suspended${reader.suspendedUntil ? html` until ${when(reader.suspendedUntil, site)}` : ''}</span>`
    : html`<span class="badge badge--published">active</span>`;
  return html`${status}${reader.premoderate ? html` <span class="badge badge--draft">pre-moderated</span>` : ''}`;
}

export function auditList(entries: readonly AuditEntry[], site: ItemContext['site']): Html {
  if (entries.length === 0) return html`<p class="muted">Nothing recorded yet.</p>`;
  return html`<ol class="mod-audit__list">${entries.map((entry) => {
    const until = typeof entry.detail.until === 'string' ? entry.detail.until : undefined;
    return html`<li>${when(entry.createdAt, site)} · <strong>${ACTION_LABELS[entry.action] ?? entry.action}</strong>
      by ${entry.actor ? entry.actor.name : html`<em>the system</em>`}${until ? html` until ${when(until, site)}` : ''}${entry.reason ? html` — ${entry.reason}` : ''}</li>`;
  })}</ol>`;
}

function reasonsBlock(item: QueueItem): Html {
  const scores = Object.entries(item.scores).filter(([, value]) => typeof value === 'number');
  if (item.reasons.length === 0 && scores.length === 0) return html``;
  return html`<div class="mod-why">
    ${item.reasons.length > 0 ? html`<ul class="mod-reasons">${item.reasons.map(
      (reason) => html`<li><code>${reason.code}</code> ${reason.message}${reason.matches?.length ? html` <span class="mod-matches">(${reason.matches.map((m, i) => html`${i > 0 ? ', ' : ''}<mark>${m}</mark>`)})</span>` : ''}${typeof reason.score === 'number' ? html` <span class="muted">${reason.score.toFixed(2)}</span>` : ''}</li>`,
    )}</ul>` : ''}
    ${scores.length > 0 ? html`<dl class="mod-scores">${scores.map(([name, value]) => html`<div><dt>${name.replace(/_/g, ' ')}</dt><dd><meter min="0" max="1" low="0.5" high="0.8" optimum="0" value="${value.toFixed(3)}">${Math.round(value * 100)}%</meter> ${value.toFixed(2)}</dd></div>`)}</dl>` : ''}
  </div>`;
}

function flagsBlock(item: QueueItem, site: ItemContext['site']): Html {
  if (item.flags.length === 0) return html``;
  return html`<div class="mod-flags"><h4>Reports (${item.flags.length})</h4><ul>${item.flags.map(
    (flag) => html`<li><strong>${flag.reason}</strong>${flag.note ? html` — “${flag.note}”` : ''} <span class="muted">by ${flag.reporter}, ${when(flag.createdAt, site)}</span></li>`,
  )}</ul></div>`;
}

function readerBlock(item: QueueItem, site: ItemContext['site']): Html {
  const reader = item.reader;
  if (!reader) {
    return html`<p class="mod-reader">Guest${item.comment.guestEmail ? html` (${item.comment.guestEmail})` : ''} — no account, so only this comment can be decided.</p>`;
  }
  return html`<p class="mod-reader" data-reader-status="${reader.id}">
    <a href="/admin/moderation/readers/${reader.id}">${reader.name}</a>${reader.role !== 'reader' ? html` <span class="badge">${reader.role}</span>` : ''}:
    ${reader.approvedCount} approved · ${reader.rejectedCount} rejected · ${reader.pendingCount} waiting · <span data-reader-badges>${readerStatusText(reader, site)}</span>
  </p>`;
}

export function rejectForm(action: string, context: ItemContext, idPrefix: string, extra: Html = html``): Html {
  return html`<form method="post" action="${action}" class="mod-reject-form" data-reject-form>
    ${csrfInputs(context)}${extra}
    <label for="${idPrefix}-reason">Reason</label>
    <select id="${idPrefix}-reason" name="reason" required>
      ${REJECT_REASONS.map((choice) => html`<option value="${choice.id}">${choice.label}</option>`)}
      <option value="other">Other (write below)</option>
    </select>
    <label for="${idPrefix}-note">Note to the reader <span class="field-hint">optional; required for “Other”</span></label>
    <input id="${idPrefix}-note" name="note" maxlength="500">
    <button type="submit" data-action="reject">Reject</button>
  </form>`;
}

/** Forms acting on a reader: `base` is the URL the action name is appended to. */
export function readerActionForms(base: string, reader: ReaderSummary, context: ItemContext, idPrefix: string): Html {
  const form = (action: string, label: string, body: Html = html``, quiet = false) =>
    html`<form method="post" action="${base}/${action}" class="mod-reader-form" data-reader-action="${action}">${csrfInputs(context)}${body}<button type="submit"${quiet ? html` class="button--quiet"` : ''}>${label}</button></form>`;
  const reasonInput = (name: string, label: string) =>
    html`<label for="${idPrefix}-${name}">${label}</label><input id="${idPrefix}-${name}" name="reason" required maxlength="1000">`;
  return html`<div class="mod-reader-actions">
    ${form('warn', 'Warn', reasonInput('warn', 'Warning sent to the reader'))}
    ${form('suspend', 'Suspend', html`<label for="${idPrefix}-days">Suspend for</label><select id="${idPrefix}-days" name="days">${SUSPEND_DAYS.map((days) => html`<option value="${days}">${days} day${days > 1 ? 's' : ''}</option>`)}</select>${reasonInput('suspend-reason', 'Reason')}`)}
    ${form('ban', 'Ban', reasonInput('ban-reason', 'Reason for the ban'))}
    ${reader.status !== 'active' ? form('unban', reader.status === 'banned' ? 'Lift ban' : 'Lift suspension', html``, true) : ''}
    ${reader.premoderate ? form('unpremoderate', 'Stop pre-moderating', html``, true) : form('premoderate', 'Pre-moderate this reader', html``, true)}
  </div>`;
}

/** One comment in the queue: what it says, where, why it is here, who wrote it, and what to do. */
export function queueItemCard(item: QueueItem, context: ItemContext): Html {
  const { comment } = item;
  const id = comment.id;
  const base = `/admin/moderation/comments/${id}`;
  return html`<article class="mod-item mod-item--${comment.status}" id="item-${id}" data-comment-id="${id}"${item.reader ? html` data-reader-id="${item.reader.id}"` : ''} tabindex="-1" aria-labelledby="item-${id}-title">
  <header class="mod-item__head">
    <input type="checkbox" name="ids" value="${id}" form="bulk-form" id="select-${id}" class="mod-select" aria-label="Select the comment by ${comment.authorName}">
    <h3 id="item-${id}-title"><a href="${base}">${comment.authorName}</a> <span class="badge badge--${comment.status}">${comment.status}</span></h3>
    <p class="muted">${item.article ? html`on <a href="${item.article.url}">${item.article.title}</a> · ` : ''}${when(comment.createdAt, context.site)}${comment.editedAt ? ' · edited' : ''}${comment.flagCount > 0 ? html` · <strong>${comment.flagCount} report${comment.flagCount > 1 ? 's' : ''}</strong>` : ''}</p>
  </header>
  ${item.parent ? html`<details class="mod-parent"><summary>In reply to ${item.parent.authorName}</summary><div class="comment-body">${trusted(item.parent.html)}</div></details>` : ''}
  <div class="mod-body comment-body">${trusted(comment.html)}</div>
  ${reasonsBlock(item)}
  ${flagsBlock(item, context.site)}
  ${readerBlock(item, context.site)}
  <div class="mod-actions">
    <form method="post" action="${base}/approve" class="mod-approve-form">${csrfInputs(context)}<button type="submit" data-action="approve">${comment.status === 'published' ? 'Keep (dismiss reports)' : 'Approve'}</button></form>
    <details class="mod-reject"><summary>${comment.status === 'rejected' ? 'Change reason…' : 'Reject…'}</summary>${rejectForm(`${base}/reject`, context, `r-${id}`)}</details>
    ${item.reader && item.reader.role === 'reader' ? html`<details class="mod-reader-menu"><summary>Reader…</summary>${readerActionForms(base, item.reader, context, `a-${id}`)}</details>` : ''}
  </div>
  <details class="mod-audit"${context.auditOpen ? html` open` : ''}><summary>History (${item.audit.length})</summary>${auditList(item.audit, context.site)}</details>
</article>`;
}
