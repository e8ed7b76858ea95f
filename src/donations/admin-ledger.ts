import type { SiteSettings } from '../settings/index.js';
import { html, type Html } from '../web/html.js';
import { adminTabs } from './admin-pages.js';
import type { LedgerFilter, LedgerRow } from './ledger-queries.js';
import type { Drive } from './meter.js';
import { amountExample } from './amount-input.js';
import { formatMoney, moneyFormatFor } from './money.js';
import { nextDay, parseZonedDate, safeTimeZone, zonedDate } from './period.js';

/** The ledger filters as typed in the form (dates as YYYY-MM-DD in the site's zone). */
export interface LedgerQuery {
  drive?: string;
  provider?: string;
  kind?: string;
  from?: string;
  to?: string;
  article?: string;
  before?: string;
}

export const PROVIDERS = ['stripe', 'manual', 'demo'] as const;
export const KINDS = ['payment', 'renewal', 'refund'] as const;

/** Turns the form's filters into query bounds; unknown values are dropped rather than failing the page. */
export function ledgerFilter(query: LedgerQuery, timeZone: string): LedgerFilter {
  const zone = safeTimeZone(timeZone);
  const filter: LedgerFilter = {};
  if (query.drive) filter.driveId = query.drive;
  if (query.provider && (PROVIDERS as readonly string[]).includes(query.provider)) filter.provider = query.provider;
  if (query.kind && (KINDS as readonly string[]).includes(query.kind)) filter.kind = query.kind;
  const from = query.from ? parseZonedDate(query.from, zone) : null;
  if (from) filter.from = from.toISOString();
  // "to" is inclusive for people: up to the start of the next day.
  const to = query.to && parseZonedDate(query.to, zone) ? parseZonedDate(nextDay(query.to.trim()), zone) : null;
  if (to) filter.to = to.toISOString();
  if (query.article) filter.article = query.article;
  return filter;
}

export function parseCursor(before: string | undefined): { at: string; id: string } | undefined {
  if (!before) return undefined;
  const [at, id] = before.split('~');
  return at && id ? { at, id } : undefined;
}

function queryString(query: LedgerQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, before: undefined, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function ledgerBody(data: {
  settings: SiteSettings;
  csrf: string;
  query: LedgerQuery;
  rows: LedgerRow[];
  hasMore: boolean;
  drives: Drive[];
  now: Date;
  notice?: string;
}): Html {
  const { settings, query, rows, csrf } = data;
  const format = moneyFormatFor(settings);
  const zone = safeTimeZone(settings.site.timeZone);
  const when = new Intl.DateTimeFormat(settings.site.locale || 'en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const dateOnly = new Intl.DateTimeFormat(settings.site.locale || 'en-US', { dateStyle: 'medium', timeZone: zone });
  const select = (name: string, current: string | undefined, options: readonly (readonly [string, string])[]) =>
    html`<select id="filter-${name}" name="${name}"><option value="">All</option>${options.map(
      ([value, label]) => html`<option value="${value}"${current === value ? ' selected' : ''}>${label}</option>`,
    )}</select>`;
  const last = rows[rows.length - 1];
  return html`${adminTabs('ledger')}
<h1>Ledger</h1>
${data.notice ? html`<p class="notice notice--ok" role="status">${data.notice}</p>` : ''}
<form method="get" action="/admin/donations/ledger" class="ledger-filters">
  <div><label for="filter-drive">Drive</label>${select('drive', query.drive, data.drives.map((d) => [d.id, d.title] as const))}</div>
  <div><label for="filter-provider">Source</label>${select('provider', query.provider, PROVIDERS.map((p) => [p, p] as const))}</div>
  <div><label for="filter-kind">Kind</label>${select('kind', query.kind, KINDS.map((k) => [k, k] as const))}</div>
  <div><label for="filter-from">From</label><input id="filter-from" name="from" type="date" value="${query.from ?? ''}"></div>
  <div><label for="filter-to">To</label><input id="filter-to" name="to" type="date" value="${query.to ?? ''}"></div>
  <div><label for="filter-article">Article</label><input id="filter-article" name="article" value="${query.article ?? ''}"></div>
  <div><button type="submit">Filter</button> <a href="/admin/donations/ledger.csv${queryString(query)}">CSV export</a></div>
</form>
<table class="ledger">
  <thead><tr><th scope="col">When</th><th scope="col">Drive</th><th scope="col">Kind</th><th scope="col">Source</th><th scope="col">Amount</th><th scope="col">Donor</th><th scope="col">Message / note</th><th scope="col">Article</th><th scope="col">Reference</th></tr></thead>
  <tbody>${rows.map(
    (row) => html`<tr class="${row.kind === 'refund' ? 'ledger__refund' : ''}">
    <td><time datetime="${row.occurred_at}">${when.format(new Date(row.occurred_at))}</time></td>
    <td>${row.drive_title ?? '—'}</td>
    <td>${row.kind}${row.frequency === 'monthly' ? ' (monthly)' : ''}${row.frequency === 'monthly' && row.status === 'active' && row.cancel_at ? html`<br><span class="muted">Cancels on ${dateOnly.format(new Date(row.cancel_at))}</span>` : ''}</td>
    <td>${row.provider}</td>
    <td class="money${row.amount_minor < 0 ? ' refund' : ''}">${formatMoney(row.amount_minor, row.currency, format)}</td>
    <td>${row.public_name ?? html`<span class="muted">anonymous</span>`}${row.public_name ? wallToggle(row, csrf) : ''}</td>
    <td>${row.message ?? ''}${row.note ? html`<span class="muted">${row.message ? ' — ' : ''}${row.note}</span>` : ''}</td>
    <td>${row.article_slug ?? ''}</td>
    <td><code>${row.provider_ref}</code></td>
  </tr>`,
  )}</tbody>
</table>
${rows.length === 0 ? html`<p class="muted">No entries match.</p>` : ''}
${data.hasMore && last ? html`<p class="pagination"><a href="/admin/donations/ledger${queryString(query, { before: `${last.occurred_at}~${last.id}` })}">Older entries</a></p>` : ''}
${manualEntryForm(data.drives, csrf, settings, data.now)}`;
}

function wallToggle(row: LedgerRow, csrf: string): Html {
  return html`<form method="post" action="/admin/donations/donations/${row.donation_id}/wall" class="inline-form">
    <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="hidden" value="${row.wall_hidden ? '0' : '1'}">
    <button class="link-button">${row.wall_hidden ? 'show on wall' : 'hide from wall'}</button></form>`;
}

function manualEntryForm(drives: Drive[], csrf: string, settings: SiteSettings, now: Date): Html {
  if (drives.length === 0) return html`<p class="muted">Create a drive before recording gifts by hand.</p>`;
  const today = zonedDate(now, safeTimeZone(settings.site.timeZone));
  return html`<section class="admin-card">
  <h2 id="manual-entry">Record a gift by hand</h2>
  <p class="field-hint">Bank transfers, crypto and cash. Entries cannot be edited; record a refund to correct a mistake.</p>
  <form method="post" action="/admin/donations/ledger" class="manual-entry">
    <input type="hidden" name="_csrf" value="${csrf}">
    <div class="form-row">
      <div><label for="manual-drive">Drive</label><select id="manual-drive" name="driveId">${drives.map(
        (d) => html`<option value="${d.id}"${d.is_current ? ' selected' : ''}>${d.title} (${d.currency})</option>`,
      )}</select></div>
      <div><label for="manual-kind">Kind</label><select id="manual-kind" name="kind"><option value="payment">Gift</option><option value="refund">Refund / correction</option></select></div>
      <div><label for="manual-amount">Amount <span class="field-hint">e.g. 50 or ${amountExample((drives.find((d) => d.is_current) ?? drives[0]).currency, moneyFormatFor(settings).locale)}</span></label><input id="manual-amount" name="amount" required inputmode="decimal"></div>
      <div><label for="manual-date">Date</label><input id="manual-date" name="occurredOn" type="date" value="${today}" max="${today}"></div>
    </div>
    <label for="manual-name">Public name <span class="field-hint">optional, for the donor wall</span></label>
    <input id="manual-name" name="publicName" maxlength="80">
    <label for="manual-email">Donor's email <span class="field-hint">optional; a receipt is mailed to it</span></label>
    <input id="manual-email" name="email" type="email" maxlength="254" autocomplete="off">
    <label for="manual-note">Note <span class="field-hint">required: where the money came from</span></label>
    <input id="manual-note" name="note" required maxlength="500">
    <p><button type="submit">Record entry</button></p>
  </form>
</section>`;
}
