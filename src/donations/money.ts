import type { SiteSettings } from '../settings/index.js';
import { donationErrors } from './errors.js';

/** How money is shown: the locale's digits and grouping, with the symbol where the site wants it. */
export interface MoneyFormat {
  locale: string;
  symbolPosition: 'before' | 'after';
}

/** The donations locale (or the site's) checked against what Intl supports, with the symbol setting. */
export function moneyFormatFor(settings: SiteSettings): MoneyFormat {
  const wanted = settings.donations.locale || settings.site.locale || 'en-US';
  let locale = 'en-US';
  try {
    if (Intl.NumberFormat.supportedLocalesOf(wanted).length > 0) locale = wanted;
  } catch {
    // A malformed tag in settings falls back rather than breaking every article page.
  }
  return { locale, symbolPosition: settings.donations.symbolPosition === 'before' ? 'before' : 'after' };
}

let knownCurrencies: Set<string> | undefined;

export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** An upper-case ISO 4217 code the runtime knows, or a 400 naming `field`. */
export function normaliseCurrency(value: unknown, field = 'currency'): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code) || !isKnownCurrency(code)) {
    // Only text is quoted back: String() of an object can throw (`{"toString": 1}`) or run its code.
    const message = typeof value === 'string' ? `"${value.slice(0, 20)}" is not a known ISO 4217 currency.` : `${field} must be a three-letter currency code such as EUR.`;
    throw donationErrors.raise('DONATION_CURRENCY_UNKNOWN', message, field);
  }
  return code;
}

// Stripe's minor units, which the ledger shares (webhook amounts arrive in them). They are ISO 4217's
// except where Stripe keeps two decimals for a currency CLDR (and so Intl) gives none: ISK, HUF, IDR,
// COP… Reading those from Intl sent Stripe 500 for a 500 kr gift, which Stripe charges as 5 kr.
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Digits after the decimal point in the currency's minor unit, as Stripe counts them (USD 2, JPY 0, BHD 3, ISK 2). */
export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2;
}

/**
 * The smallest step Stripe charges in, in minor units: whole krónur for ISK (two decimals in the API,
 * but no fractions on cards) and a last digit of 0 for three-decimal currencies.
 */
export function chargeableStep(currency: string): number {
  return currency === 'ISK' ? 100 : THREE_DECIMAL.has(currency) ? 10 : 1;
}

export interface AmountBounds {
  minimum: number;
  maximum: number;
}

/**
 * An amount in integer minor units, as sent by a form (string) or JSON (number). Anything but a whole,
 * safe, positive number is refused; the bounds come from settings.
 */
export function parseMinorAmount(value: unknown, bounds: AmountBounds, field = 'amount'): number {
  let amount: number;
  if (typeof value === 'number') amount = value;
  else if (typeof value === 'string' && /^-?\d{1,20}$/.test(value.trim())) amount = Number(value.trim());
  else throw donationErrors.raise('DONATION_AMOUNT_INVALID', 'The amount must be a whole number of minor units (cents).', field);
  return checkBounds(amount, bounds, field);
}

export function checkBounds(amount: number, bounds: AmountBounds, field: string): number {
  if (!Number.isSafeInteger(amount)) {
    throw donationErrors.raise('DONATION_AMOUNT_INVALID', 'The amount must be a whole number of minor units (cents).', field);
  }
  if (amount <= 0) throw donationErrors.raise('DONATION_AMOUNT_INVALID', 'The amount must be more than zero.', field);
  if (amount < bounds.minimum) throw donationErrors.raise('DONATION_AMOUNT_TOO_SMALL', undefined, field, { minimum: bounds.minimum });
  if (amount > bounds.maximum) throw donationErrors.raise('DONATION_AMOUNT_TOO_LARGE', undefined, field, { maximum: bounds.maximum });
  return amount;
}

/** Minor units as an exact decimal string ("2350", "12.5" → "12.50"), for Intl and CSV. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString();
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.NumberFormatOptions = {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    };
    try {
      found = new Intl.NumberFormat(locale, options);
    } catch {
      found = new Intl.NumberFormat('en-US', options);
    }
    formatters.set(key, found);
  }
  return found;
}

/**
 * `2,350 $`, `$2,350`, `2.350 €`: the locale decides digits and separators, the setting decides where
 * the symbol goes; whole amounts drop their decimals. A plain space separates an after-symbol (the page's
 * CSS keeps it on one line), so copied text and tests read naturally.
 */
export function formatMoney(minor: number, currency: string, format: MoneyFormat): string {
  const digits = minorDigits(currency);
  const whole = digits === 0 || Math.abs(minor) % 10 ** digits === 0;
  // Intl formats a decimal string exactly (no float conversion of the amount).
  const parts = formatter(format.locale, currency, whole ? 0 : digits).formatToParts(minorToDecimal(minor, currency) as unknown as number);
  let sign = '';
  let symbol = '';
  let number = '';
  for (const part of parts) {
    if (part.type === 'currency') symbol = part.value;
    else if (part.type === 'minusSign' || part.type === 'plusSign') sign += part.value;
    else if (part.type === 'literal') continue;
    else number += part.value;
  }
  return format.symbolPosition === 'before' ? `${sign}${symbol}${number}` : `${sign}${number} ${symbol}`;
}
