import type { AppError } from '../errors.js';
import { donationErrors } from './errors.js';
import { checkBounds, minorDigits, minorToDecimal, type AmountBounds } from './money.js';

/** How people write amounts of a currency in a locale: its decimal mark and digit-group separator. */
interface Conventions {
  locale: string;
  decimal: string;
  /** Normalised: any space-like separator is ' ', any apostrophe is "'"; '' when the locale has none. */
  group: string;
  /** The locale's grouped forms of an integer ("1.234.567", and "1234" where short numbers go ungrouped). */
  grouped(digits: bigint): string[];
}

const SPACES = /[\u0020\u00a0\u2007\u2009\u202f]/g;
const APOSTROPHES = /['\u2019]/g;
const MAX_WHOLE_DIGITS = 15;

function normaliseSeparators(text: string): string {
  return text.replace(SPACES, ' ').replace(APOSTROPHES, "'");
}

const cache = new Map<string, Conventions>();

/**
 * The separators of money, not of plain numbers: they differ in places (de-AT groups amounts with a
 * dot but other numbers with a space; fr-CH writes francs with a decimal point), and the site shows
 * its amounts in the money style (see `formatMoney`), so that is what readers copy.
 */
function conventions(locale: string, currency: string): Conventions {
  const key = `${locale}|${currency}`;
  let found = cache.get(key);
  if (found) return found;
  let tag = 'en-US';
  try {
    if (Intl.NumberFormat.supportedLocalesOf(locale).length > 0) tag = locale;
  } catch {
    // A malformed tag reads like the fallback used for display (see `moneyFormatFor`).
  }
  // Latin digits only: what a keyboard types; `１２` or `١٢` is refused rather than read.
  const money = { style: 'currency', currency, numberingSystem: 'latn' } as const;
  const whole = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, { ...money, minimumFractionDigits: 0, maximumFractionDigits: 0, ...options });
  const always = whole({ useGrouping: 'always' } as Intl.NumberFormatOptions);
  const auto = whole({});
  const integerPart = (format: Intl.NumberFormat, digits: bigint) =>
    normaliseSeparators(format.formatToParts(digits).filter((part) => part.type === 'integer' || part.type === 'group').map((part) => part.value).join(''));
  // One forced decimal place, so even a currency without a minor unit shows which mark the locale uses.
  const parts = new Intl.NumberFormat(tag, { ...money, minimumFractionDigits: 1, maximumFractionDigits: 1 }).formatToParts(1234567.5);
  found = {
    locale: tag,
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: normaliseSeparators(parts.find((part) => part.type === 'group')?.value ?? ''),
    grouped: (digits) => [integerPart(always, digits), integerPart(auto, digits)],
  };
  cache.set(key, found);
  return found;
}

/** "12,50" or "12.50" for this locale and currency (a whole "1250" where the currency has no minor unit). */
export function amountExample(currency: string, locale: string): string {
  const { decimal } = conventions(locale, currency);
  const digits = minorDigits(currency);
  return digits === 0 ? '1250' : `12${decimal}${'50'.padEnd(digits, '0')}`;
}

/** "1.234,50": the example with a digit group, to show both separators. */
function groupedExample(currency: string, c: Conventions): string {
  const digits = minorDigits(currency);
  const whole = c.group ? `1${c.group}234` : '1234';
  return digits === 0 ? whole : `${whole}${c.decimal}${'50'.padEnd(digits, '0')}`;
}

/** Minor units as the locale writes them in a form field: no digit groups, no decimals when whole ("1250,50", "25"). */
export function amountInputValue(minor: number, currency: string, locale: string): string {
  const text = minorToDecimal(minor, currency);
  const whole = text.replace(/\.0+$/, '');
  return whole.replace('.', conventions(locale, currency).decimal);
}

/** True when the locale groups amounts with a space, so a space cannot also separate items of a list. */
export function groupsWithSpace(locale: string, currency: string): boolean {
  return conventions(locale, currency).group === ' ';
}

/** True when the locale's decimal mark for amounts is a comma, so ", " cannot separate items of a list. */
export function decimalComma(locale: string, currency: string): boolean {
  return conventions(locale, currency).decimal === ',';
}

// JSON numbers: a dot for decimals and never a digit group.
const PLAIN: Conventions = { locale: 'en-US', decimal: '.', group: '', grouped: () => [] };

/**
 * A major-unit amount turned into minor units by string arithmetic (no binary fraction touches the
 * money). Text is read the way the site's locale writes numbers: in de-DE "12,50" is twelve and a
 * half and "1.234,50" has a digit group. What the locale cannot mean is refused, never guessed: "12.50"
 * in de-DE (a dot only groups thousands there), "1.234,5,6", "1,2345" in en-US, digits other than 0-9.
 * A JSON number is not locale text: 12.5 is read as written.
 */
export function parseMajorAmount(value: string | number, currency: string, locale: string, bounds: AmountBounds, field = 'amount'): number {
  const c = typeof value === 'number' ? PLAIN : conventions(locale, currency);
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : normaliseSeparators(value.trim());
  const refuse = (message?: string): AppError =>
    donationErrors.raise('DONATION_AMOUNT_INVALID', message ?? `Enter the amount like ${amountExample(currency, c.locale)} or ${groupedExample(currency, c)}.`, field);
  if (text === '') throw refuse(typeof value === 'number' ? 'The amount must be a finite number.' : undefined);
  const negative = text.startsWith('-') || text.startsWith('\u2212');
  if (negative) text = text.slice(1);
  const pieces = text.split(c.decimal);
  if (pieces.length > 2) throw refuse();
  const [whole, fraction = ''] = pieces;
  if (whole === '' || (pieces.length === 2 && fraction === '') || !/^[0-9]*$/.test(fraction)) throw refuse();
  let digits = whole;
  if (!/^[0-9]+$/.test(whole)) {
    // Only the locale's own digit groups, exactly as it writes them ("1.234.567", never "1.23.4").
    digits = c.group ? whole.split(c.group).join('') : '';
    if (!/^[0-9]+$/.test(digits) || !c.grouped(BigInt(digits)).includes(whole)) throw refuse();
  }
  const places = minorDigits(currency);
  if (fraction.length > places) {
    throw refuse(places === 0 ? `${currency} amounts have no decimal places.` : `${currency} amounts have at most ${places} decimal places.`);
  }
  if (digits.replace(/^0+/, '').length > MAX_WHOLE_DIGITS) throw donationErrors.raise('DONATION_AMOUNT_TOO_LARGE', undefined, field);
  const minor = BigInt(digits) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw donationErrors.raise('DONATION_AMOUNT_TOO_LARGE', undefined, field);
  return checkBounds(Number(negative ? -minor : minor), bounds, field);
}
