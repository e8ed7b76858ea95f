import type { SiteSettings } from '../settings/index.js';
import { html, type Html } from '../web/html.js';
import { adminTabs } from './admin-pages.js';
import { donationErrors } from './errors.js';
import { optionalText } from './gifts.js';
import { amountExample, amountInputValue, decimalComma, groupsWithSpace, parseMajorAmount } from './amount-input.js';
import { moneyFormatFor, normaliseCurrency } from './money.js';

type DonationSettings = SiteSettings['donations'];

const ANY = { minimum: 1, maximum: Number.MAX_SAFE_INTEGER };

/** Text from the form, a number from JSON; anything else reads as missing (and is refused as such). */
const amountField = (value: unknown): string | number => (typeof value === 'string' || typeof value === 'number' ? value : '');

/** Presets are one field: ";" always separates them, and so do spaces and ", " where the locale does not use them in numbers. */
function presetItems(text: string, locale: string, currency: string): string[] {
  const separator = groupsWithSpace(locale, currency) ? /;/ : decimalComma(locale, currency) ? /[;\s]+/ : /[;\s]+|,\s+/;
  return text.split(separator).map((item) => item.trim()).filter(Boolean);
}

/**
 * The settings form: amounts in major units, one crypto address per line as `Label: address`. Amounts
 * are read in `locale`, the number format the form was drawn in (the saved one, not a locale changed
 * in the same submission), so "12,50" means twelve and a half on a de-DE site.
 */
export function parseDonationSettings(body: Record<string, unknown>, locale: string): DonationSettings {
  const currency = normaliseCurrency(body.currency);
  const symbolPosition = body.symbolPosition === 'before' ? 'before' : 'after';
  const newLocale = optionalText(body.locale, 'locale', 35) ?? '';
  if (newLocale) {
    try {
      if (Intl.NumberFormat.supportedLocalesOf(newLocale).length === 0) throw new RangeError(newLocale);
    } catch {
      throw donationErrors.raise('DONATION_FIELD_INVALID', `"${newLocale}" is not a locale this server knows (e.g. en-US, de-DE).`, 'locale');
    }
  }
  const presetText = optionalText(body.presetAmounts, 'presetAmounts', 200) ?? '';
  const presetAmounts = presetItems(presetText, locale, currency).map((value) => {
    try {
      return parseMajorAmount(value, currency, locale, ANY, 'presetAmounts');
    } catch (error) {
      if (groupsWithSpace(locale, currency) && /\s/.test(value)) {
        throw donationErrors.raise('DONATION_FIELD_INVALID', 'Separate the preset amounts with semicolons (;): this number format groups digits with spaces.', 'presetAmounts');
      }
      throw error;
    }
  });
  if (presetAmounts.length === 0 || presetAmounts.length > 8) {
    throw donationErrors.raise('DONATION_FIELD_INVALID', 'Give between one and eight preset amounts.', 'presetAmounts');
  }
  const minimumAmount = parseMajorAmount(amountField(body.minimumAmount), currency, locale, ANY, 'minimumAmount');
  const maximumAmount = parseMajorAmount(amountField(body.maximumAmount), currency, locale, ANY, 'maximumAmount');
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
  const legalName = optionalText(body.legalName, 'legalName', 200) ?? '';
  const legalAddress = multilineText(body.legalAddress, 'legalAddress', 500);
  const receiptText = multilineText(body.receiptText, 'receiptText', 3000);
  return {
    currency, symbolPosition, locale: newLocale, presetAmounts, minimumAmount, maximumAmount, bankTransfer, cryptoAddresses, donorWall,
    legalName, legalAddress, receiptText,
  };
}

/** Text whose line breaks matter (an address, paragraphs): each line cleaned like a one-line field. */
function multilineText(value: unknown, field: string, max: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw donationErrors.raise('DONATION_FIELD_INVALID', `${field} must be text.`, field);
  const text = value
    .split(/\r?\n/)
    .map((line, index) => optionalText(line, `${field} line ${index + 1}`, max) ?? '')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > max) throw donationErrors.raise('DONATION_FIELD_INVALID', `${field} may have at most ${max} characters.`, field);
  return text;
}

export function settingsBody(data: { settings: SiteSettings; csrf: string; saved?: boolean; error?: { message: string; field?: string } }): Html {
  const d = data.settings.donations;
  const { locale } = moneyFormatFor(data.settings);
  const major = (minor: number) => amountInputValue(minor, d.currency, locale);
  const listSeparator = groupsWithSpace(locale, d.currency) ? '; ' : ' ';
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
  <label for="set-presets">Preset amounts <span class="field-hint">in major units as ${locale} writes them (e.g. ${amountExample(d.currency, locale)}), separated by ${listSeparator === ' ' ? 'spaces' : 'semicolons'}</span></label>
  <input id="set-presets" name="presetAmounts" value="${d.presetAmounts.map(major).join(listSeparator)}">
  <div class="form-row">
    <div><label for="set-min">Smallest gift</label><input id="set-min" name="minimumAmount" inputmode="decimal" value="${major(d.minimumAmount)}"></div>
    <div><label for="set-max">Largest online gift</label><input id="set-max" name="maximumAmount" inputmode="decimal" value="${major(d.maximumAmount)}"></div>
  </div>
  <label for="set-bank">Bank transfer details <span class="field-hint">shown as text and as a QR code</span></label>
  <textarea id="set-bank" name="bankTransfer">${d.bankTransfer}</textarea>
  <label for="set-crypto">Crypto addresses <span class="field-hint">one per line, as “Label: address”</span></label>
  <textarea id="set-crypto" name="cryptoAddresses">${d.cryptoAddresses.map((c) => `${c.label}: ${c.address}`).join('\n')}</textarea>
  <label class="checkbox"><input type="checkbox" name="donorWall" value="on"${d.donorWall ? ' checked' : ''}> Show the donor wall (public names and messages) on /donate</label>
  <fieldset class="donation-settings__receipts">
    <legend>Receipts</legend>
    <label for="set-legal-name">Legal name <span class="field-hint">the organisation receiving the money; empty = ${data.settings.site.name}</span></label>
    <input id="set-legal-name" name="legalName" maxlength="200" value="${d.legalName}">
    <label for="set-legal-address">Postal address <span class="field-hint">printed on receipts and yearly statements</span></label>
    <textarea id="set-legal-address" name="legalAddress" rows="3">${d.legalAddress}</textarea>
    <label for="set-receipt-text">Receipt text <span class="field-hint">your words at the top of every receipt; blank lines separate paragraphs</span></label>
    <textarea id="set-receipt-text" name="receiptText" rows="4">${d.receiptText}</textarea>
  </fieldset>
  <p><button type="submit">Save settings</button></p>
</form>`;
}
