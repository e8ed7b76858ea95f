import type { SiteSettings } from '../settings/index.js';
import { html, type Html } from '../web/html.js';
import { adminTabs } from './admin-pages.js';
import { donationErrors } from './errors.js';
import { optionalText } from './gifts.js';
import { minorToDecimal, normaliseCurrency, parseMajorAmount } from './money.js';

type DonationSettings = SiteSettings['donations'];

const ANY = { minimum: 1, maximum: Number.MAX_SAFE_INTEGER };

/** The settings form: amounts in major units, one crypto address per line as `Label: address`. */
export function parseDonationSettings(body: Record<string, unknown>): DonationSettings {
  const currency = normaliseCurrency(body.currency);
  const symbolPosition = body.symbolPosition === 'before' ? 'before' : 'after';
  const locale = optionalText(body.locale, 'locale', 35) ?? '';
  if (locale) {
    try {
      if (Intl.NumberFormat.supportedLocalesOf(locale).length === 0) throw new RangeError(locale);
    } catch {
      throw donationErrors.raise('DONATION_FIELD_INVALID', `"${locale}" is not a locale this server knows (e.g. en-US, de-DE).`, 'locale');
    }
  }
  const presetText = optionalText(body.presetAmounts, 'presetAmounts', 200) ?? '';
  const presetAmounts = presetText
    .split(/[;\s]+|,\s+/)
    .filter(Boolean)
    .map((value) => parseMajorAmount(value, currency, ANY, 'presetAmounts'));
  if (presetAmounts.length === 0 || presetAmounts.length > 8) {
    throw donationErrors.raise('DONATION_FIELD_INVALID', 'Give between one and eight preset amounts.', 'presetAmounts');
  }
  const minimumAmount = parseMajorAmount(String(body.minimumAmount ?? ''), currency, ANY, 'minimumAmount');
  const maximumAmount = parseMajorAmount(String(body.maximumAmount ?? ''), currency, ANY, 'maximumAmount');
  if (maximumAmount < minimumAmount) throw donationErrors.raise('DONATION_FIELD_INVALID', 'The maximum must be at least the minimum.', 'maximumAmount');
  const bankTransfer = optionalText(body.bankTransfer, 'bankTransfer', 2000) ?? '';
  const cryptoText = typeof body.cryptoAddresses === 'string' ? body.cryptoAddresses : '';
  const cryptoAddresses = cryptoText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      const label = colon > 0 ? line.slice(0, colon).trim() : 'Crypto';
      const address = (colon > 0 ? line.slice(colon + 1) : line).trim();
      if (!/^[A-Za-z0-9:?=&._-]{10,200}$/.test(address)) {
        throw donationErrors.raise('DONATION_FIELD_INVALID', `"${address.slice(0, 40)}" does not look like a wallet address.`, 'cryptoAddresses');
      }
      return { label: label.slice(0, 40), address };
    });
  if (cryptoAddresses.length > 10) throw donationErrors.raise('DONATION_FIELD_INVALID', 'At most ten addresses.', 'cryptoAddresses');
  const donorWall = body.donorWall === 'on' || body.donorWall === true || body.donorWall === '1';
  return { currency, symbolPosition, locale, presetAmounts, minimumAmount, maximumAmount, bankTransfer, cryptoAddresses, donorWall };
}

export function settingsBody(data: { settings: SiteSettings; csrf: string; saved?: boolean; error?: { message: string; field?: string } }): Html {
  const d = data.settings.donations;
  const major = (minor: number) => minorToDecimal(minor, d.currency);
  return html`${adminTabs('settings')}
<h1>Donation settings</h1>
${data.saved ? html`<p class="notice notice--ok" role="status">Saved.</p>` : ''}
${data.error ? html`<p class="notice notice--error" role="alert">${data.error.message}</p>` : ''}
<form method="post" action="/admin/donations/settings" class="donation-settings">
  <input type="hidden" name="_csrf" value="${data.csrf}">
  <div class="form-row">
    <div><label for="set-currency">Default currency</label><input id="set-currency" name="currency" maxlength="3" value="${d.currency}"></div>
    <div><label for="set-symbol">Currency symbol</label><select id="set-symbol" name="symbolPosition">
      <option value="after"${d.symbolPosition === 'after' ? ' selected' : ''}>after the amount (2,350 $)</option>
      <option value="before"${d.symbolPosition === 'before' ? ' selected' : ''}>before the amount ($2,350)</option></select></div>
    <div><label for="set-locale">Number format locale <span class="field-hint">empty = the site's (${data.settings.site.locale})</span></label>
      <input id="set-locale" name="locale" value="${d.locale}" placeholder="de-DE"></div>
  </div>
  <label for="set-presets">Preset amounts <span class="field-hint">in major units, separated by spaces</span></label>
  <input id="set-presets" name="presetAmounts" value="${d.presetAmounts.map(major).join(' ')}">
  <div class="form-row">
    <div><label for="set-min">Smallest gift</label><input id="set-min" name="minimumAmount" inputmode="decimal" value="${major(d.minimumAmount)}"></div>
    <div><label for="set-max">Largest online gift</label><input id="set-max" name="maximumAmount" inputmode="decimal" value="${major(d.maximumAmount)}"></div>
  </div>
  <label for="set-bank">Bank transfer details <span class="field-hint">shown as text and as a QR code</span></label>
  <textarea id="set-bank" name="bankTransfer">${d.bankTransfer}</textarea>
  <label for="set-crypto">Crypto addresses <span class="field-hint">one per line, as “Label: address”</span></label>
  <textarea id="set-crypto" name="cryptoAddresses">${d.cryptoAddresses.map((c) => `${c.label}: ${c.address}`).join('\n')}</textarea>
  <label class="checkbox"><input type="checkbox" name="donorWall" value="on"${d.donorWall ? ' checked' : ''}> Show the donor wall (public names and messages) on /donate</label>
  <p><button type="submit">Save settings</button></p>
</form>`;
}
