import type { SiteSettings } from '../settings/index.js';
import { formatDate } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import { amountInputValue } from './amount-input.js';
import type { Donation } from './ledger-queries.js';
import { formatMoney, moneyFormatFor } from './money.js';
import { safeTimeZone } from './period.js';
import { organisation, statementLines } from './receipt-mail.js';
import type { LedgerEntry } from './ledger-queries.js';
import { NAME_MAX } from './gifts.js';

const site = (settings: SiteSettings) => ({ locale: settings.site.locale, timeZone: safeTimeZone(settings.site.timeZone) });

export interface DonorPageData {
  settings: SiteSettings;
  csrf: string;
  /** Carried in every form when the donor came by an emailed link. */
  token: string | null;
  email: string | null;
  donations: Donation[];
  years: number[];
  stripe: boolean;
  notice?: string;
  error?: { message: string; field?: string; donationId?: string };
}

/** "Cancels on 15 April 2026": a monthly gift cancelled at the end of its paid period, still running. */
export function cancelsOnLabel(donation: Pick<Donation, 'frequency' | 'status' | 'cancel_at'>, settings: SiteSettings): string | null {
  if (donation.frequency !== 'monthly' || donation.status !== 'active' || !donation.cancel_at) return null;
  return `Cancels on ${formatDate(donation.cancel_at, site(settings))}`;
}

function stateLabel(donation: Donation, settings: SiteSettings): string {
  if (donation.frequency !== 'monthly') return donation.status === 'refunded' ? 'Refunded' : 'Paid';
  if (donation.status === 'cancelled') return 'Cancelled';
  const cancels = cancelsOnLabel(donation, settings);
  if (cancels) return cancels;
  if (donation.paused) return 'Paused';
  return donation.status === 'active' ? 'Active' : donation.status;
}

export function donorPage(data: DonorPageData): Html {
  const { settings } = data;
  const format = moneyFormatFor(settings);
  const hidden = html`<input type="hidden" name="_csrf" value="${data.csrf}">${data.token ? html`<input type="hidden" name="token" value="${data.token}">` : ''}`;
  const stripeGifts = data.donations.some((d) => d.provider === 'stripe' && d.stripe_customer);
  const errorFor = (id: string | undefined) => (data.error && data.error.donationId === id ? html`<p class="notice notice--error" role="alert">${data.error.message}</p>` : '');
  return html`<section class="donor-page">
  <h1>Your gifts to ${organisation(settings).name}</h1>
  ${data.email ? html`<p>Gifts given with <strong>${data.email}</strong>.</p>` : ''}
  ${data.notice ? html`<p class="notice notice--ok" role="status">${data.notice}</p>` : ''}
  ${errorFor(undefined)}
  ${data.donations.length === 0 ? html`<p>No gifts are recorded for this address yet. <a href="/donate">Give now</a>.</p>` : ''}
  ${data.stripe && stripeGifts
    ? html`<form method="post" action="/donate/manage/portal" class="donor-page__portal">${hidden}
    <p><button type="submit">Change, pause or cancel a card gift</button> <span class="field-hint">on Stripe's secure customer page; you come back here afterwards.</span></p></form>`
    : ''}
  <ul class="donor-gifts">${data.donations.map((donation) => {
    const amount = formatMoney(donation.amount_minor, donation.currency, format);
    const live = donation.frequency === 'monthly' && donation.status !== 'cancelled' && donation.provider === 'demo';
    const action = (path: string) => `/donate/manage/gifts/${encodeURIComponent(donation.id)}/${path}`;
    return html`<li class="donor-gift" id="gift-${donation.id}" data-donation="${donation.id}">
    <h2 class="donor-gift__title">${donation.frequency === 'monthly' ? html`${amount} a month` : amount} <span class="donor-gift__state">${stateLabel(donation, settings)}</span></h2>
    <p class="donor-gift__meta">Since ${formatDate(donation.created_at, site(settings))} · reference ${donation.id}${donation.provider === 'demo' ? ' · demo gift, no money moved' : ''}</p>
    ${errorFor(donation.id)}
    ${live && donation.cancel_at
      ? html`<div class="donor-gift__actions">
      <p class="field-hint">It runs until then; nothing more is taken.</p>
      <form method="post" action="${action('resume')}">${hidden}<button type="submit">Keep my monthly gift</button></form>
    </div>`
      : live
      ? html`<form method="post" action="${action('amount')}" class="donor-gift__amount">${hidden}
      <label for="amount-${donation.id}">New monthly amount (${donation.currency})</label>
      <input id="amount-${donation.id}" name="amount" inputmode="decimal" value="${amountInputValue(donation.amount_minor, donation.currency, format.locale)}">
      <button type="submit">Change amount</button></form>
    <div class="donor-gift__actions">
      <form method="post" action="${action(donation.paused ? 'resume' : 'pause')}">${hidden}<button type="submit">${donation.paused ? 'Resume my monthly gift' : 'Pause my monthly gift'}</button></form>
      <form method="post" action="${action('cancel')}">${hidden}
        <button type="submit" name="when" value="period-end" class="button--secondary">Cancel at the end of the paid month</button>
        <button type="submit" name="when" value="now" class="button--danger">Cancel my monthly gift now</button>
      </form>
    </div>`
      : ''}
    <form method="post" action="${action('wall')}" class="donor-gift__wall">${hidden}
      <fieldset><legend>On the donor wall</legend>
        <label class="chip"><input type="radio" name="show" value="1"${donation.show_on_wall && donation.public_name ? ' checked' : ''}> Show my name</label>
        <label class="chip"><input type="radio" name="show" value="0"${donation.show_on_wall && donation.public_name ? '' : ' checked'}> Stay anonymous</label>
        <label for="name-${donation.id}">Name to show</label>
        <input id="name-${donation.id}" name="publicName" maxlength="${NAME_MAX}" value="${donation.public_name ?? ''}">
        <button type="submit">Save</button>
      </fieldset>
    </form>
  </li>`;
  })}</ul>
  ${data.years.length
    ? html`<section class="donor-statement" aria-labelledby="statement-title">
    <h2 id="statement-title">Yearly statement</h2>
    <form method="post" action="/donate/manage/statement">${hidden}
      <label for="statement-year">Year</label>
      <select id="statement-year" name="year">${data.years.map((year) => html`<option value="${year}">${year}</option>`)}</select>
      ${data.email ? html`<button type="submit">Email it to me</button>` : ''}
      <button type="submit" formmethod="get" formaction="/donate/manage/statement">Printable page</button>
    </form>
  </section>`
    : ''}
</section>`;
}

/** Asked when neither a link nor a session says who the donor is. */
export function donorLinkForm(data: { csrf: string; sent?: boolean; error?: string; email?: string }): Html {
  return html`<section class="donor-page">
  <h1>Your gifts</h1>
  ${data.sent
    ? html`<p class="notice notice--ok" role="status">If gifts were given with that address, a link to them is on its way. It works for 14 days.</p>`
    : html`<p>Enter the email address you gave with: we will mail you a link to your gifts, where you can change or cancel a monthly gift, choose how you appear on the donor wall and get a yearly statement.</p>`}
  ${data.error ? html`<p class="notice notice--error" role="alert">${data.error}</p>` : ''}
  <form method="post" action="/donate/manage/link">
    <input type="hidden" name="_csrf" value="${data.csrf}">
    <label for="donor-link-email">Email</label>
    <input id="donor-link-email" name="email" type="email" required maxlength="254" autocomplete="email" value="${data.email ?? ''}">
    <button type="submit">Email me a link</button>
  </form>
  <p>Readers with an account can also <a href="/login?returnTo=%2Fdonate%2Fmanage">sign in</a>.</p>
</section>`;
}

/** A page to print or save as PDF: every payment and refund of the year, with the organisation's details. */
export function statementPage(data: { settings: SiteSettings; year: number; email: string | null; entries: LedgerEntry[] }): Html {
  const org = organisation(data.settings);
  const { rows, totals } = statementLines(data);
  return html`<section class="donor-statement-page">
  <h1>Giving statement ${data.year}</h1>
  <p class="donor-statement-page__org"><strong>${org.name}</strong>${org.addressLines.map((line) => html`<br>${line}`)}</p>
  ${data.email ? html`<p>Donor: ${data.email}</p>` : ''}
  ${rows.length === 0
    ? html`<p>No gifts were recorded for ${data.year}.</p>`
    : html`<table class="donor-statement-page__table"><thead><tr><th scope="col">Date</th><th scope="col">Gift</th><th scope="col" class="num">Amount</th><th scope="col">Reference</th></tr></thead>
  <tbody>${rows.map((row) => html`<tr><td>${row.date}</td><td>${row.kind}</td><td class="num">${row.amount}</td><td><code>${row.reference}</code></td></tr>`)}</tbody>
  <tfoot><tr><th scope="row" colspan="2">Total</th><td class="num"><strong>${totals.join(', ')}</strong></td><td></td></tr></tfoot></table>`}
  <p class="no-print"><a href="/donate/manage">Back to your gifts</a></p>
</section>`;
}
