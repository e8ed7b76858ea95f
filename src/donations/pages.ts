import type { SiteSettings } from '../settings/index.js';
import { assetUrl } from '../web/assets.js';
import { html, type Html } from '../web/html.js';
import { DEFAULT_CTA } from './drives.js';
import type { Donation, Intent, WallEntry } from './ledger-queries.js';
import type { Meter } from './meter.js';
import { meterScript, meterView, stylesheetLink } from './meter-view.js';
import { amountExample } from './amount-input.js';
import { formatMoney, moneyFormatFor } from './money.js';
import { qrSvg } from './qr.js';
import { MESSAGE_MAX, NAME_MAX } from './gifts.js';

export type CheckoutMode = 'stripe' | 'demo' | 'none';

export interface DonateFormState {
  amount?: string;
  customAmount?: string;
  frequency?: string;
  publicName?: string;
  message?: string;
  article?: string;
  email?: string;
  error?: { message: string; field?: string };
}

export interface DonatePageData {
  settings: SiteSettings;
  meter: Meter | null;
  currency: string;
  csrf: string;
  checkout: CheckoutMode;
  form: DonateFormState;
  cancelled: boolean;
  wall: WallEntry[];
  /** A signed-in reader's address, offered in the demo form's email field. */
  viewerEmail?: string | null;
}

export function donateHead(): Html {
  return stylesheetLink();
}

export async function donatePage(data: DonatePageData): Promise<Html> {
  const { settings, meter, form } = data;
  const format = moneyFormatFor(settings);
  const presets = settings.donations.presetAmounts.filter((amount) => Number.isSafeInteger(amount) && amount > 0);
  const chosen = form.amount ?? (form.customAmount ? '' : String(presets[1] ?? presets[0] ?? ''));
  const error = form.error;
  const fieldError = (field: string) => (error?.field === field ? html` aria-invalid="true" aria-describedby="donate-error"` : '');
  return html`<section class="donate">
  <h1>Support ${settings.site.name}</h1>
  <p class="donate__cta">${meter?.cta || DEFAULT_CTA}</p>
  ${meter ? meterView(meter) : ''}
  ${data.cancelled ? html`<p class="notice">The checkout was cancelled; nothing was charged.</p>` : ''}
  ${data.checkout === 'none'
    ? html`<p class="notice">Online payment is not set up on this site yet. Please use one of the other ways to give below.</p>`
    : html`<form method="post" action="/donate" class="donate-form" novalidate>
    <input type="hidden" name="_csrf" value="${data.csrf}">
    ${form.article ? html`<input type="hidden" name="article" value="${form.article}">` : ''}
    ${error ? html`<p class="notice notice--error" id="donate-error" role="alert">${error.message}</p>` : ''}
    <fieldset class="donate-form__amounts">
      <legend>Amount (${data.currency})</legend>
      ${presets.map(
        (amount) => html`<label class="chip"><input type="radio" name="amount" value="${amount}"${chosen === String(amount) ? ' checked' : ''}> <span class="money">${formatMoney(amount, data.currency, format)}</span></label>`,
      )}
      <label for="custom-amount">Other amount <span class="field-hint">in ${data.currency}, e.g. ${amountExample(data.currency, format.locale)}</span></label>
      <input id="custom-amount" name="customAmount" inputmode="decimal" autocomplete="off" value="${form.customAmount ?? ''}"${fieldError('customAmount')}${fieldError('amount')}>
    </fieldset>
    <fieldset class="donate-form__frequency">
      <legend>How often</legend>
      <label class="chip"><input type="radio" name="frequency" value="once"${form.frequency === 'monthly' ? '' : ' checked'}> Once</label>
      <label class="chip"><input type="radio" name="frequency" value="monthly"${form.frequency === 'monthly' ? ' checked' : ''}> Every month</label>
    </fieldset>
    <label for="public-name">Public name <span class="field-hint">optional; leave empty to give anonymously</span></label>
    <input id="public-name" name="publicName" maxlength="${NAME_MAX}" autocomplete="name" value="${form.publicName ?? ''}"${fieldError('publicName')}>
    ${data.checkout === 'demo'
      ? html`<label for="donor-email">Email <span class="field-hint">for your receipt and to manage a monthly gift</span></label>
    <input id="donor-email" name="email" type="email" maxlength="254" autocomplete="email" value="${form.email ?? data.viewerEmail ?? ''}"${fieldError('email')}>`
      : ''}
    <label for="donor-message">Message <span class="field-hint">optional${settings.donations.donorWall ? ', shown with your public name' : ''}</span></label>
    <textarea id="donor-message" name="message" maxlength="${MESSAGE_MAX}"${fieldError('message')}>${form.message ?? ''}</textarea>
    <p class="donate-form__actions">
      ${data.checkout === 'stripe'
        ? html`<button type="submit">Continue to secure payment</button> <span class="field-hint">You will pay on Stripe's checkout page.</span>`
        : html`<button type="submit" formaction="/donate/demo" class="button--demo">Demo checkout — no money moves</button>
      <span class="field-hint">This is a demo site without payment keys: the gift is recorded as a demo entry and no card is charged.</span>`}
    </p>
  </form>`}
  ${await otherWays(settings)}
  ${settings.donations.donorWall ? donorWallView(data.wall) : ''}
</section>
${meter ? meterScript() : ''}`;
}

async function otherWays(settings: SiteSettings): Promise<Html> {
  const { bankTransfer, cryptoAddresses } = settings.donations;
  const addresses = cryptoAddresses.filter((entry) => entry && typeof entry.address === 'string' && entry.address.trim() !== '');
  if (!bankTransfer.trim() && addresses.length === 0) return html``;
  return html`<section class="other-ways" aria-labelledby="other-ways-title">
  <h2 id="other-ways-title">Other ways to give</h2>
  ${bankTransfer.trim()
    ? html`<div class="other-ways__item">
    <h3>Bank transfer</h3>
    <pre class="other-ways__text">${bankTransfer.trim()}</pre>
    ${await qrSvg(bankTransfer.trim(), 'QR code with the bank transfer details')}
  </div>`
    : ''}
  ${await Promise.all(
    addresses.map(
      async (entry) => html`<div class="other-ways__item">
    <h3>${entry.label || 'Crypto'}</h3>
    <p><code class="other-ways__address">${entry.address.trim()}</code></p>
    ${await qrSvg(entry.address.trim(), `QR code for the ${entry.label || 'crypto'} address`)}
  </div>`,
    ),
  )}
</section>`;
}

/** Names and messages exactly as typed, escaped by the template: never markup. */
export function donorWallView(entries: WallEntry[]): Html {
  if (entries.length === 0) return html``;
  return html`<section class="donor-wall" aria-labelledby="donor-wall-title">
  <h2 id="donor-wall-title">Thank you to our supporters</h2>
  <ul class="donor-wall__list">${entries.map(
    (entry) => html`<li><strong>${entry.public_name}</strong>${entry.message ? html`<q>${entry.message}</q>` : ''}</li>`,
  )}</ul>
</section>`;
}

export function thanksPage(data: { settings: SiteSettings; intent: Intent; donation: Donation | undefined; meter: Meter | null; extra?: Html }): Html {
  const { settings, intent, donation } = data;
  const amount = formatMoney(intent.amount_minor, intent.currency, moneyFormatFor(settings));
  const confirmed = donation && (donation.status === 'paid' || donation.status === 'active');
  return html`<section class="donate donate--thanks">
  <h1>Thank you!</h1>
  <p>Your ${intent.frequency === 'monthly' ? 'monthly ' : ''}gift of <strong class="money">${amount}</strong> keeps ${settings.site.name} independent.</p>
  ${confirmed
    ? html`<p class="notice notice--ok">${donation.provider === 'demo' ? 'Demo gift recorded: no money moved.' : 'Your payment is confirmed.'}</p>`
    : html`<p class="notice">We are confirming your payment with the payment provider; the meter updates as soon as it arrives.</p>`}
  ${data.meter ? meterView(data.meter) : ''}
  <p><a href="/">Back to the front page</a></p>
</section>
${data.extra}
${data.meter ? meterScript() : ''}`;
}

/** A bare page for an iframe on another site: the meter and a button that opens the donate page. */
export function embedPage(data: { settings: SiteSettings; meter: Meter | null; baseUrl: string }): Html {
  const { settings, meter } = data;
  return html`<!doctype html>
<html lang="${settings.site.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meter?.title ?? 'Support'} — ${settings.site.name}</title>
<link rel="stylesheet" href="${assetUrl('theme.css')}">
${stylesheetLink()}
</head>
<body class="embed">
<div class="support-box support-box--embed">
  <p class="support-box__cta">${meter?.cta || DEFAULT_CTA}</p>
  ${meter ? meterView(meter) : ''}
  <p><a class="button" href="${data.baseUrl}/donate?ref=embed" target="_top" rel="noopener">Donate to ${settings.site.name}</a></p>
</div>
${meter ? meterScript() : ''}
</body>
</html>`;
}

