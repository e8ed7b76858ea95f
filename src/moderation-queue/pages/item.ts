import type { SiteSettings } from '../../settings/index.js';
import { formatShortDateTime } from '../../web/dates.js';
import { html, trusted, type Html } from '../../web/html.js';
import { REJECT_REASONS, SUSPEND_DAYS, type AuditEntry, type GuestSummary, type QueueItem, type ReaderSummary } from '../types.js';

export interface ItemContext {
  site: SiteSettings['site'];
  csrf: string;
  /** Where form posts come back to (this page). */
  returnTo: string;
  /** Draw the history open (the single-comment page). */
  auditOpen?: boolean;
  /** For an editor: only featuring and closing comments, none of the moderators' actions. */
  editorial?: boolean;
}

export const ACTION_LABELS: Record<string, string> = {
  approve: 'Approved', reject: 'Rejected', ban: 'Banned', unban: 'Reinstated', suspend: 'Suspended', warn: 'Warned',
  premoderate: 'Set to pre-moderation', unpremoderate: 'Pre-moderation lifted', system_hold: 'Held automatically',
  system_reject: 'Rejected automatically', flag: 'Reported', dismiss_reports: 'Reports dismissed',
  feature: 'Featured', unfeature: 'No longer featured', close_comments: 'Closed comments on the article', open_comments: 'Reopened comments on the article',
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

function flagsBlock(item: QueueItem, context: ItemContext): Html {
  if (item.flags.length === 0) return html``;
  const id = item.comment.id;
  return html`<div class="mod-flags"><h4>Reports (${item.flags.length})</h4>
    <p class="mod-flag-counts" data-flag-counts>${item.flagCounts.map((entry, index) => html`${index > 0 ? ' · ' : ''}<span data-flag-reason="${entry.reason}">${entry.reason}: <strong>${entry.count}</strong></span>`)}</p>
    <ul>${item.flags.map(
      (flag) => html`<li><strong>${flag.reason}</strong>${flag.note ? html` — <q class="mod-flag-note">${flag.note}</q>` : ''} <span class="muted">by ${flag.reporter}, ${when(flag.createdAt, context.site)}</span></li>`,
    )}</ul>
    <form method="post" action="/admin/moderation/comments/${id}/dismiss-reports" class="mod-dismiss-form">${csrfInputs(context)}<button type="submit" class="button--quiet" data-action="dismiss-reports">Dismiss all ${item.flags.length} report${item.flags.length > 1 ? 's' : ''}</button></form>
  </div>`;
}

function guestStatusText(guest: GuestSummary, site: ItemContext['site']): Html {
  if (guest.status === 'banned') return html`<span class="badge badge--danger">banned</span>`;
  if (guest.status === 'suspended') return html`<span class="badge badge--warn">suspended${guest.until ? html` until ${when(guest.until, site)}` : ''}</span>`;
  return html`<span class="badge badge--published">active</span>`;
}

function guestBlock(item: QueueItem, context: ItemContext): Html {
  const who = html`Guest${item.comment.guestEmail ? html` (${item.comment.guestEmail})` : ''}`;
  if (!item.guest) return html`<p class="mod-reader">${who} — imported without a guest identity, so only this comment can be decided.</p>`;
  return html`<p class="mod-reader" data-guest-status>${who}, known by their browser: <span data-reader-badges>${guestStatusText(item.guest, context.site)}</span></p>`;
}

/** Suspend, ban (with clean-up) or reinstate a guest: they have no account, so it is their browser and network. */
function guestActionForms(item: QueueItem, context: ItemContext): Html {
  const guest = item.guest;
  if (!guest) return html``;
  const base = `/admin/moderation/comments/${item.comment.id}`;
  const idPrefix = `g-${item.comment.id}`;
  const form = (action: string, label: string, body: Html, quiet = false) =>
    html`<form method="post" action="${base}/${action}" class="mod-reader-form" data-guest-action="${action}">${csrfInputs(context)}${body}<button type="submit"${quiet ? html` class="button--quiet"` : ''}>${label}</button></form>`;
  const reasonInput = (name: string, label: string) =>
    html`<label for="${idPrefix}-${name}">${label}</label><input id="${idPrefix}-${name}" name="reason" required maxlength="1000">`;
  return html`<details class="mod-reader-menu"><summary>Guest…</summary><div class="mod-reader-actions">
    ${form('suspend', 'Suspend guest', html`<label for="${idPrefix}-days">Suspend for</label><select id="${idPrefix}-days" name="days">${SUSPEND_DAYS.map((days) => html`<option value="${days}">${days} day${days > 1 ? 's' : ''}</option>`)}</select>${reasonInput('suspend-reason', 'Reason')}`)}
    ${form('ban', 'Ban guest', html`${reasonInput('ban-reason', 'Reason for the ban')}${cleanupChoices(idPrefix)}`)}
    ${guest.status !== 'active' ? form('unban', guest.status === 'banned' ? 'Lift ban' : 'Lift suspension', html``, true) : ''}
  </div></details>`;
}

/** The clean-up a ban offers; counts when known. */
function cleanupChoices(idPrefix: string, counts?: { pending: number; published: number }): Html {
  const n = (count: number | undefined) => (count === undefined ? '' : ` (${count})`);
  return html`<label class="checkbox" for="${idPrefix}-reject-pending"><input type="checkbox" id="${idPrefix}-reject-pending" name="rejectPending" value="1" checked> Also reject their comments waiting for review${n(counts?.pending)}</label>
    <label class="checkbox" for="${idPrefix}-remove-published"><input type="checkbox" id="${idPrefix}-remove-published" name="removePublished" value="1"> Also remove their published comments${n(counts?.published)}</label>`;
}

function readerBlock(item: QueueItem, context: ItemContext): Html {
  const site = context.site;
  const reader = item.reader;
  if (!reader) return guestBlock(item, context);
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
    ${form('ban', 'Ban', html`${reasonInput('ban-reason', 'Reason for the ban')}${cleanupChoices(`${idPrefix}-ban`, { pending: reader.pendingCount, published: reader.approvedCount })}`)}
    ${reader.status !== 'active' ? form('unban', reader.status === 'banned' ? 'Lift ban' : 'Lift suspension', html``, true) : ''}
    ${reader.premoderate ? form('unpremoderate', 'Stop pre-moderating', html``, true) : form('premoderate', 'Pre-moderate this reader', html``, true)}
  </div>`;
}

/** Feature the comment, or close or reopen the article's comments: an editorial choice. */
function editorialForms(item: QueueItem, context: ItemContext): Html {
  const base = `/admin/moderation/comments/${item.comment.id}`;
  const form = (action: string, label: string) =>
    html`<form method="post" action="${base}/${action}" class="mod-editorial-form">${csrfInputs(context)}<button type="submit" class="button--quiet" data-action="${action}">${label}</button></form>`;
  const feature = item.comment.status === 'published' ? form(item.featured ? 'unfeature' : 'feature', item.featured ? 'Unfeature' : 'Feature') : html``;
  const discussion = item.article ? form(item.article.commentsOpen ? 'close-comments' : 'open-comments', item.article.commentsOpen ? 'Close comments on the article' : 'Reopen comments on the article') : html``;
  return html`${feature}${discussion}`;
}

/** What an editor sees of a comment: the text, where it is, and the editorial choices. */
function editorialCard(item: QueueItem, context: ItemContext): Html {
  const { comment } = item;
  return html`<article class="mod-item mod-item--${comment.status}" id="item-${comment.id}" data-comment-id="${comment.id}" tabindex="-1" aria-labelledby="item-${comment.id}-title">
  <header class="mod-item__head">
    <h3 id="item-${comment.id}-title">${comment.authorName} <span class="badge badge--${comment.status}">${comment.status}</span>${item.featured ? html` <span class="badge badge--published" data-featured>featured</span>` : ''}</h3>
    <p class="muted">${item.article ? html`on <a href="${item.article.url}">${item.article.title}</a> · ` : ''}${when(comment.createdAt, context.site)}</p>
  </header>
  <div class="mod-body comment-body">${trusted(comment.html)}</div>
  <div class="mod-actions">${editorialForms(item, context)}</div>
</article>`;
}

/** One comment in the queue: what it says, where, why it is here, who wrote it, and what to do. */
export function queueItemCard(item: QueueItem, context: ItemContext): Html {
  if (context.editorial) return editorialCard(item, context);
  const { comment } = item;
  const id = comment.id;
  const base = `/admin/moderation/comments/${id}`;
  return html`<article class="mod-item mod-item--${comment.status}" id="item-${id}" data-comment-id="${id}"${item.reader ? html` data-reader-id="${item.reader.id}"` : ''} tabindex="-1" aria-labelledby="item-${id}-title">
  <header class="mod-item__head">
    <input type="checkbox" name="ids" value="${id}" form="bulk-form" id="select-${id}" class="mod-select" aria-label="Select the comment by ${comment.authorName}">
    <h3 id="item-${id}-title"><a href="${base}">${comment.authorName}</a> <span class="badge badge--${comment.status}">${comment.status}</span>${item.featured ? html` <span class="badge badge--published" data-featured>featured</span>` : ''}</h3>
    <p class="muted">${item.article ? html`on <a href="${item.article.url}">${item.article.title}</a> · ` : ''}${when(comment.createdAt, context.site)}${comment.editedAt ? ' · edited' : ''}${comment.flagCount > 0 ? html` · <strong>${comment.flagCount} report${comment.flagCount > 1 ? 's' : ''}</strong>` : ''}</p>
  </header>
  ${item.parent ? html`<details class="mod-parent"><summary>In reply to ${item.parent.authorName}</summary><div class="comment-body">${trusted(item.parent.html)}</div></details>` : ''}
  <div class="mod-body comment-body">${trusted(comment.html)}</div>
  ${reasonsBlock(item)}
  ${flagsBlock(item, context)}
  ${readerBlock(item, context)}
  <div class="mod-actions">
    <form method="post" action="${base}/approve" class="mod-approve-form">${csrfInputs(context)}<button type="submit" data-action="approve">${comment.status === 'published' ? 'Keep (dismiss reports)' : 'Approve'}</button></form>
    <details class="mod-reject"><summary>${comment.status === 'rejected' ? 'Change reason…' : 'Reject…'}</summary>${rejectForm(`${base}/reject`, context, `r-${id}`)}</details>
    ${item.reader && item.reader.role === 'reader' ? html`<details class="mod-reader-menu"><summary>Reader…</summary>${readerActionForms(base, item.reader, context, `a-${id}`)}</details>` : ''}
    ${!item.reader ? guestActionForms(item, context) : ''}
    ${editorialForms(item, context)}
  </div>
  <details class="mod-audit"${context.auditOpen ? html` open` : ''}><summary>History (${item.audit.length})</summary>${auditList(item.audit, context.site)}</details>
</article>`;
}
