import type { SiteSettings } from '../../settings/index.js';
import { formatShortDateTime } from '../../web/dates.js';
import { html, type Html } from '../../web/html.js';
import type { LogEntry, LogQuery } from '../log.js';
import { LOG_ACTIONS } from '../log.js';
import { ACTION_LABELS } from './item.js';

export interface LogPageInput {
  entries: LogEntry[];
  nextCursor: string | null;
  query: LogQuery;
  actors: { id: string; name: string }[];
  site: SiteSettings['site'];
  error?: string;
}

/** The filters as a query string, for the next page and the CSV, without the cursor. */
export function logQueryString(query: LogQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'reader', 'action', 'reason', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function subjectCell(entry: LogEntry): Html {
  if (!entry.subject) return html`<span class="muted">—</span>`;
  if (entry.subject.kind === 'guest') return html`${entry.subject.name} <span class="muted">(guest)</span>`;
  return html`<a href="/admin/moderation/readers/${entry.subject.id}">${entry.subject.name}</a>`;
}

function row(entry: LogEntry, site: LogPageInput['site']): Html {
  const until = typeof entry.detail.until === 'string' ? entry.detail.until : undefined;
  return html`<tr data-log-row="${entry.id}" data-action="${entry.action}">
    <td><time datetime="${entry.createdAt}">${formatShortDateTime(entry.createdAt, site)}</time></td>
    <td>${ACTION_LABELS[entry.action] ?? entry.action}${until ? html` until <time datetime="${until}">${formatShortDateTime(until, site)}</time>` : ''}</td>
    <td>${entry.actor ? entry.actor.name : entry.action === 'flag' ? html`<em>a guest</em>` : html`<em>the system</em>`}</td>
    <td>${subjectCell(entry)}</td>
    <td>${entry.commentId ? html`<a href="/admin/moderation/comments/${entry.commentId}">comment</a>` : html`<span class="muted">—</span>`}</td>
    <td>${entry.reason}</td>
  </tr>`;
}

/** /admin/moderation/log: every decision, by people and by the system, newest first. */
export function logPage(input: LogPageInput): Html {
  const { query } = input;
  const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<div class="admin-title"><h1>Moderation log</h1><p><a href="/admin/moderation">Back to the queue</a></p></div>
${input.error ? html`<p class="notice notice--error" role="alert">${input.error}</p>` : ''}
<form method="get" action="/admin/moderation/log" class="mod-log-filters card" aria-label="Filter the log">
  <div class="mod-log-filters__grid">
    <p><label for="log-actor">Moderator</label>
    <select id="log-actor" name="actor">${option('', 'Anyone', query.actor)}${option('system', 'The system', query.actor)}${input.actors.map((actor) => option(actor.id, actor.name, query.actor))}</select></p>
    <p><label for="log-reader">Reader <span class="field-hint">name, email or id</span></label>
    <input id="log-reader" name="reader" maxlength="100" value="${query.reader ?? ''}"></p>
    <p><label for="log-action">Action</label>
    <select id="log-action" name="action">${option('', 'Any action', query.action)}${LOG_ACTIONS.map((action) => option(action, ACTION_LABELS[action] ?? action, query.action))}</select></p>
    <p><label for="log-reason">Reason contains</label>
    <input id="log-reason" name="reason" maxlength="200" value="${query.reason ?? ''}"></p>
    <p><label for="log-from">From <span class="field-hint">${input.site.timeZone}</span></label>
    <input id="log-from" name="from" type="date" value="${query.from ?? ''}"></p>
    <p><label for="log-to">To</label>
    <input id="log-to" name="to" type="date" value="${query.to ?? ''}"></p>
  </div>
  <p><button type="submit">Filter</button> <a href="/admin/moderation/log">Clear</a> · <a href="/admin/moderation/log.csv${logQueryString(query)}" download>Download as CSV</a></p>
</form>
${input.entries.length === 0
    ? html`<p class="mod-empty">Nothing in the log matches.</p>`
    : html`<div class="table-wrap"><table class="mod-log">
  <caption class="visually-hidden">Moderation decisions, newest first</caption>
  <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">By</th><th scope="col">About</th><th scope="col">Comment</th><th scope="col">Reason</th></tr></thead>
  <tbody>${input.entries.map((entry) => row(entry, input.site))}</tbody>
</table></div>`}
<nav class="mod-pages" aria-label="Pages">
  ${query.cursor ? html`<a href="/admin/moderation/log${logQueryString(query)}">Newest</a>` : ''}
  ${input.nextCursor ? html`<a rel="next" href="/admin/moderation/log${logQueryString(query, { cursor: input.nextCursor })}">Older entries</a>` : ''}
</nav>`;
}
