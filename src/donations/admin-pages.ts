import type { SiteSettings } from '../settings/index.js';
import { html, type Html } from '../web/html.js';
import { dailyChart, type DayTotal } from './chart.js';
import type { WindowBreakdown } from './drive-queries.js';
import { DEFAULT_CTA } from './drives.js';
import type { Drive, Meter } from './meter.js';
import { meterView } from './meter-view.js';
import { amountExample, amountInputValue } from './amount-input.js';
import { formatMoney, moneyFormatFor } from './money.js';
import { safeTimeZone, zonedDate, type DriveWindow } from './period.js';

export function adminTabs(current: 'overview' | 'drives' | 'ledger' | 'settings'): Html {
  const tabs = [
    ['overview', '/admin/donations', 'Overview'],
    ['drives', '/admin/donations/drives', 'Drives'],
    ['ledger', '/admin/donations/ledger', 'Ledger'],
    ['settings', '/admin/donations/settings', 'Settings'],
  ] as const;
  return html`<nav class="donations-tabs" aria-label="Donations"><ul>${tabs.map(
    ([id, href, label]) => html`<li><a href="${href}"${id === current ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )}</ul></nav>`;
}

export interface PeriodTotals {
  label: string;
  window: DriveWindow;
  totals: WindowBreakdown;
}

export interface DriveTotalsView {
  drive: Drive;
  periods: PeriodTotals[];
}

export function periodLabel(drive: Drive, window: DriveWindow, settings: SiteSettings): string {
  const zone = safeTimeZone(settings.site.timeZone);
  if (drive.period === 'monthly' && window.start) {
    return new Intl.DateTimeFormat(settings.site.locale || 'en-US', { month: 'long', year: 'numeric', timeZone: zone }).format(window.start);
  }
  const from = window.start ? zonedDate(window.start, zone) : 'start';
  const to = window.end ? zonedDate(new Date(window.end.getTime() - 1), zone) : 'open';
  return `${from} – ${to}`;
}

export function overviewBody(data: {
  settings: SiteSettings;
  meter: Meter | null;
  days: DayTotal[] | null;
  drives: DriveTotalsView[];
}): Html {
  const format = moneyFormatFor(data.settings);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, format);
  return html`${adminTabs('overview')}
<h1>Donations</h1>
${data.meter
    ? html`<section class="admin-card"><h2>Current drive</h2>${meterView(data.meter, { live: false })}
    ${data.days ? dailyChart(data.days, data.meter.currency, format, `Donations per day, ${data.meter.title}`) : ''}</section>`
    : html`<p class="notice">No drive is current: the box under articles shows only the call to action. <a href="/admin/donations/drives">Create or choose a drive</a>.</p>`}
<section class="admin-card">
  <h2>Totals per drive and period</h2>
  <p class="field-hint">Gross gifts, renewals and refunds (negative) as recorded in the ledger; “counted” is what the meter shows.</p>
  <table class="donation-totals">
    <thead><tr><th scope="col">Drive</th><th scope="col">Period</th><th scope="col">Payments</th><th scope="col">Renewals</th><th scope="col">Refunds</th><th scope="col">Counted</th><th scope="col">Donors</th></tr></thead>
    <tbody>${data.drives.map(({ drive, periods }) =>
      periods.map(
        (p, i) => html`<tr>
        ${i === 0 ? html`<th scope="rowgroup" rowspan="${periods.length}">${drive.title}${drive.is_current ? html` <span class="badge">current</span>` : ''}</th>` : ''}
        <td><a href="/admin/donations/ledger?drive=${drive.id}${p.window.start ? `&from=${zonedDate(p.window.start, safeTimeZone(data.settings.site.timeZone))}` : ''}">${p.label}</a></td>
        <td class="money">${money(p.totals.payments, drive.currency)}</td>
        <td class="money">${money(p.totals.renewals, drive.currency)}</td>
        <td class="money${p.totals.refunds < 0 ? ' refund' : ''}">${money(p.totals.refunds, drive.currency)}</td>
        <td class="money"><strong>${money(counted(drive, p.totals), drive.currency)}</strong></td>
        <td>${p.totals.donors}</td>
      </tr>`,
      ),
    )}</tbody>
  </table>
  <p><a href="/admin/donations/ledger.csv">Export the whole ledger as CSV</a></p>
</section>`;
}

function counted(drive: Drive, totals: WindowBreakdown): number {
  return totals.payments + (drive.count_renewals ? totals.renewals : 0) + (drive.subtract_refunds ? totals.refunds : 0);
}

export function drivesBody(data: { settings: SiteSettings; drives: Drive[]; csrf: string }): Html {
  const format = moneyFormatFor(data.settings);
  return html`${adminTabs('drives')}
<h1>Donation drives</h1>
<table class="drives">
  <thead><tr><th scope="col">Title</th><th scope="col">Goal</th><th scope="col">Period</th><th scope="col">Counts</th><th scope="col"></th></tr></thead>
  <tbody>${data.drives.map(
    (drive) => html`<tr>
    <td><a href="/admin/donations/drives/${drive.id}">${drive.title}</a>${drive.is_current ? html` <span class="badge">current</span>` : ''}</td>
    <td class="money">${formatMoney(drive.goal_minor, drive.currency, format)}</td>
    <td>${periodText(drive, data.settings)}</td>
    <td>${drive.count_renewals ? 'renewals' : 'first payments only'}, ${drive.subtract_refunds ? 'minus refunds' : 'refunds ignored'}</td>
    <td>${drive.is_current
      ? ''
      : html`<form method="post" action="/admin/donations/drives/${drive.id}/current" class="inline-form"><input type="hidden" name="_csrf" value="${data.csrf}"><button class="button--small">Make current</button></form>`}</td>
  </tr>`,
  )}</tbody>
</table>
${data.drives.length === 0 ? html`<p class="muted">No drives yet.</p>` : ''}
<h2>New drive</h2>
${driveForm({ settings: data.settings, csrf: data.csrf, action: '/admin/donations/drives' })}`;
}

function periodText(drive: Drive, settings: SiteSettings): string {
  const zone = safeTimeZone(settings.site.timeZone);
  if (drive.period === 'monthly') return `monthly (resets on the 1st, ${zone})`;
  const from = drive.starts_at ? zonedDate(new Date(drive.starts_at), zone) : 'always';
  if (drive.period === 'open') return `open-ended since ${from}`;
  const to = drive.ends_at ? zonedDate(new Date(new Date(drive.ends_at).getTime() - 1), zone) : '?';
  return `${from} to ${to}`;
}

export function driveForm(data: { settings: SiteSettings; csrf: string; action: string; drive?: Drive }): Html {
  const { drive, settings } = data;
  const zone = safeTimeZone(settings.site.timeZone);
  const currency = drive?.currency ?? settings.donations.currency;
  // The goal is read back in the same number format (see `parseMajorAmount`).
  const { locale } = moneyFormatFor(settings);
  const startsOn = drive?.starts_at ? zonedDate(new Date(drive.starts_at), zone) : '';
  const endsOn = drive?.ends_at ? zonedDate(new Date(new Date(drive.ends_at).getTime() - 1), zone) : '';
  const period = drive?.period ?? 'monthly';
  const option = (value: string, label: string) => html`<option value="${value}"${period === value ? ' selected' : ''}>${label}</option>`;
  return html`<form method="post" action="${data.action}" class="drive-form">
  <input type="hidden" name="_csrf" value="${data.csrf}">
  <label for="drive-title">Title</label>
  <input id="drive-title" name="title" required maxlength="200" value="${drive?.title ?? ''}">
  <label for="drive-cta">Call to action</label>
  <input id="drive-cta" name="cta" maxlength="500" value="${drive?.cta ?? DEFAULT_CTA}">
  <div class="form-row">
    <div><label for="drive-goal">Goal <span class="field-hint">in major units, e.g. 4700 or ${amountExample(currency, locale)}</span></label>
    <input id="drive-goal" name="goal" required inputmode="decimal" value="${drive ? amountInputValue(drive.goal_minor, drive.currency, locale) : ''}"></div>
    <div><label for="drive-currency">Currency</label>
    <input id="drive-currency" name="currency" required maxlength="3" value="${currency}"></div>
  </div>
  <label for="drive-period">Period</label>
  <select id="drive-period" name="period">${option('monthly', 'Monthly (resets on the 1st)')}${option('fixed', 'Fixed dates')}${option('open', 'Open-ended')}</select>
  <div class="form-row">
    <div><label for="drive-start">Starts on <span class="field-hint">fixed and open drives</span></label>
    <input id="drive-start" name="startsOn" type="date" value="${startsOn}"></div>
    <div><label for="drive-end">Ends on <span class="field-hint">fixed drives, inclusive</span></label>
    <input id="drive-end" name="endsOn" type="date" value="${endsOn}"></div>
  </div>
  <label class="checkbox"><input type="checkbox" name="countRenewals" value="on"${!drive || drive.count_renewals ? ' checked' : ''}> Count monthly renewals in each period</label>
  <label class="checkbox"><input type="checkbox" name="subtractRefunds" value="on"${!drive || drive.subtract_refunds ? ' checked' : ''}> Subtract refunds</label>
  ${drive ? '' : html`<label class="checkbox"><input type="checkbox" name="makeCurrent" value="on"> Make this the current drive</label>`}
  <p><button type="submit">${drive ? 'Save drive' : 'Create drive'}</button></p>
</form>`;
}

export function driveEditBody(data: { settings: SiteSettings; csrf: string; drive: Drive; hasLedger: boolean }): Html {
  const { drive, csrf } = data;
  return html`${adminTabs('drives')}
<h1>${drive.title}</h1>
${driveForm({ settings: data.settings, csrf, action: `/admin/donations/drives/${drive.id}`, drive })}
<div class="drive-actions">
  ${drive.is_current
    ? html`<form method="post" action="/admin/donations/drives/${drive.id}/current" class="inline-form"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="current" value="0"><button class="button--quiet">Stop showing this drive</button></form>`
    : html`<form method="post" action="/admin/donations/drives/${drive.id}/current" class="inline-form"><input type="hidden" name="_csrf" value="${csrf}"><button>Make current</button></form>`}
  ${data.hasLedger
    ? html`<p class="field-hint">This drive has ledger entries, so it cannot be deleted.</p>`
    : html`<form method="post" action="/admin/donations/drives/${drive.id}/delete" class="inline-form"><input type="hidden" name="_csrf" value="${csrf}"><button class="button--quiet">Delete drive</button></form>`}
</div>`;
}
