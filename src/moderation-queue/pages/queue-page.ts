import { html, type Html } from '../../web/html.js';
import { REJECT_REASONS, type QueueCounts, type QueuePage, type QueueTab } from '../types.js';
import { csrfInputs, queueItemCard, type ItemContext } from './item.js';

const TAB_LABELS: Record<QueueTab, string> = { pending: 'Pending', reported: 'Reported', rejected: 'Rejected', all: 'All recent' };
const EMPTY: Record<QueueTab, string> = {
  pending: 'Nothing is waiting for review.',
  reported: 'No reported comments need a look.',
  rejected: 'No rejected comments.',
  all: 'No comments yet.',
};

export const NOTICES: Record<string, string> = {
  approve: 'Comment approved.', reject: 'Comment rejected.', bulk: 'Selected comments done.', ban: 'Reader banned.',
  unban: 'Reader reinstated.', suspend: 'Reader suspended.', warn: 'Warning sent.', premoderate: 'Reader set to pre-moderation.',
  unpremoderate: 'Pre-moderation lifted.', 'dismiss-reports': 'Reports dismissed.',
  feature: 'Comment featured.', unfeature: 'No longer featured.', 'close-comments': 'Comments closed on this article.', 'open-comments': 'Comments reopened on this article.',
};

export function tabNav(active: QueueTab | null, counts: QueueCounts): Html {
  return html`<nav class="mod-tabs" aria-label="Moderation queues"><ul>${(Object.keys(TAB_LABELS) as QueueTab[]).map((tab) => {
    const count = tab === 'all' ? undefined : counts[tab];
    return html`<li><a href="/admin/moderation?tab=${tab}"${tab === active ? html` aria-current="page"` : ''}>${TAB_LABELS[tab]}${count !== undefined ? html` <span class="mod-count" data-count="${tab}">${count}</span>` : ''}</a></li>`;
  })}</ul></nav>`;
}

export function helpDialog(): Html {
  const keys: [string, string][] = [
    ['j / k', 'Next / previous comment'], ['a', 'Approve'], ['r', 'Reject (asks for a reason)'], ['x', 'Select for bulk actions'],
    ['o', 'Open the comment on its own page'], ['n', 'Show new items'], ['?', 'This help'], ['Esc', 'Close'],
  ];
  return html`<dialog class="mod-help" id="mod-help" aria-labelledby="mod-help-title">
  <h2 id="mod-help-title">Keyboard shortcuts</h2>
  <table><tbody>${keys.map(([key, what]) => html`<tr><th scope="row"><kbd>${key}</kbd></th><td>${what}</td></tr>`)}</tbody></table>
  <form method="dialog"><button type="submit">Close</button></form>
</dialog>`;
}

export function rejectDialog(): Html {
  return html`<dialog class="mod-reject-dialog" id="mod-reject-dialog" aria-labelledby="mod-reject-title">
  <form method="dialog" data-reject-dialog>
    <h2 id="mod-reject-title">Reject: why?</h2>
    <fieldset><legend>Reason the reader is given</legend>
      ${REJECT_REASONS.map((choice, index) => html`<label><input type="radio" name="reason" value="${choice.id}"${index === 0 ? html` checked` : ''}> <kbd>${index + 1}</kbd> ${choice.label}</label>`)}
      <label><input type="radio" name="reason" value="other"> <kbd>0</kbd> Other</label>
    </fieldset>
    <label for="mod-reject-note">Note to the reader <span class="field-hint">optional; required for “Other”</span></label>
    <input id="mod-reject-note" name="note" maxlength="500">
    <p class="mod-dialog-error" role="alert" hidden></p>
    <p><button type="submit" value="reject">Reject</button> <button type="submit" value="cancel" class="button--quiet" formnovalidate>Cancel</button></p>
  </form>
</dialog>`;
}

/** /admin/moderation: a tab of the queue. Works as plain forms; moderation.js adds keys and live updates. */
export function queuePage(page: QueuePage, context: ItemContext & { notice?: string; cursor?: string; limit?: number }): Html {
  const { tab } = page;
  const limit = context.limit ? `&limit=${context.limit}` : '';
  return html`<div class="admin-title"><h1>Moderation</h1>
  <p><a href="/admin/moderation/log">Moderation log</a> <button type="button" class="button--quiet" data-help-open aria-keyshortcuts="?" hidden>Keyboard shortcuts (?)</button></p></div>
${context.notice ? html`<p class="notice notice--ok" role="status">${context.notice}</p>` : ''}
${tabNav(tab, page.counts)}
<div class="mod-newbar" data-new-bar hidden><button type="button" data-show-new>0 new items</button></div>
<form id="bulk-form" method="post" action="/admin/moderation/bulk" class="mod-bulk" aria-label="Bulk actions">
  ${csrfInputs(context)}
  <span class="mod-bulk__count" data-selected-count aria-live="polite">Tick comments to act on several at once.</span>
  <button type="submit" name="action" value="approve">Approve selected</button>
  <label for="bulk-reason" class="visually-hidden">Reason for rejecting</label>
  <select id="bulk-reason" name="reason">${REJECT_REASONS.map((choice) => html`<option value="${choice.id}">${choice.label}</option>`)}<option value="other">Other (note)</option></select>
  <label for="bulk-note" class="visually-hidden">Note to the readers</label>
  <input id="bulk-note" name="note" maxlength="500" placeholder="Note (optional)">
  <button type="submit" name="action" value="reject">Reject selected</button>
</form>
<h2 id="mod-list-title" class="visually-hidden">${TAB_LABELS[tab]} comments</h2>
<div class="mod-list" data-queue data-tab="${tab}" aria-labelledby="mod-list-title" role="region">
${page.items.length === 0 ? html`<p class="mod-empty">${EMPTY[tab]}</p>` : page.items.map((item) => queueItemCard(item, context))}
</div>
<nav class="mod-pages" aria-label="Pages">
  ${context.cursor ? html`<a href="/admin/moderation?tab=${tab}">First page</a>` : ''}
  ${page.nextCursor ? html`<a rel="next" href="${`/admin/moderation?tab=${tab}${limit}&cursor=${page.nextCursor}`}">Next page</a>` : ''}
</nav>
<div class="visually-hidden" role="status" aria-live="polite" data-announcer></div>
${helpDialog()}
${rejectDialog()}`;
}
