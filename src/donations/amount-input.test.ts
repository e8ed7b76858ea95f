import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { amountExample, amountInputValue, parseMajorAmount } from './amount-input.js';

const ANY = { minimum: 1, maximum: Number.MAX_SAFE_INTEGER };
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** The minor units, or the error code and the start of its message. */
function read(value: string | number, currency: string, locale: string): number | string {
  try {
    return parseMajorAmount(value, currency, locale, ANY);
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

const INVALID = /^DONATION_AMOUNT_INVALID: /;

// [locale, currency, typed, minor units or the refusal expected]
const TABLE: [string, string, string, number | RegExp][] = [
  ['en-US', 'USD', '12.50', 1250],
  ['en-US', 'USD', '1,234.56', 123_456],
  ['en-US', 'USD', '1,234,567', 123_456_700],
  ['en-US', 'USD', '25', 2500],
  ['en-US', 'USD', ' 4.35 ', 435],
  // "12,50" was read as 1,250.00: a comma here only groups thousands, and "50" is no group.
  ['en-US', 'USD', '12,50', /^DONATION_AMOUNT_INVALID: Enter the amount like 12\.50 or 1,234\.50\.$/],
  ['en-US', 'USD', '1.234,56', INVALID],
  ['en-US', 'USD', '1,2345', INVALID],
  ['en-US', 'USD', '12.505', /at most 2 decimal places/],
  ['en-US', 'USD', '1.234', /at most 2 decimal places/],
  ['en-US', 'USD', '5,10,25', INVALID],

  ['de-DE', 'EUR', '12,50', 1250],
  ['de-DE', 'EUR', '1.234,56', 123_456],
  ['de-DE', 'EUR', '1.234', 123_400],
  ['de-DE', 'EUR', '1234,5', 123_450],
  // A dot only groups thousands in de-DE, so "12.50" has no German reading: refused with the expected form.
  ['de-DE', 'EUR', '12.50', /^DONATION_AMOUNT_INVALID: Enter the amount like 12,50 or 1\.234,50\.$/],
  ['de-DE', 'EUR', '1.234,5,6', INVALID],
  ['de-DE', 'EUR', '1,234', /at most 2 decimal places/],
  ['de-DE', 'EUR', '12.34.5', INVALID],
  ['de-DE', 'EUR', '1.23.456', INVALID],
  ['de-DE', 'EUR', '01.234', INVALID],
  ['de-DE', 'EUR', ',50', INVALID],
  ['de-DE', 'EUR', '12,', INVALID],
  ['de-DE', 'EUR', '1 234,50', INVALID],

  // fr-FR groups with a narrow no-break space; people type a plain or a no-break space.
  ['fr-FR', 'EUR', `1${NNBSP}234,50`, 123_450],
  ['fr-FR', 'EUR', '1 234,50', 123_450],
  ['fr-FR', 'EUR', `1${NBSP}234${NBSP}567`, 123_456_700],
  ['fr-FR', 'EUR', '12,5', 1250],
  ['fr-FR', 'EUR', '12.50', INVALID],
  ['fr-FR', 'EUR', '1 23', INVALID],
  ['fr-FR', 'EUR', '1.234,50', INVALID],

  // de-CH: an apostrophe groups (either the typewriter ' or the typographic ’), a dot is decimal.
  ['de-CH', 'CHF', "1'234.50", 123_450],
  ['de-CH', 'CHF', '1\u2019234.50', 123_450],
  ['de-CH', 'CHF', '12.50', 1250],
  ['de-CH', 'CHF', '12,50', INVALID],
  ['de-CH', 'CHF', "12'50", INVALID],

  // Money has its own separators in places: de-AT groups euros with a dot, fr-CH writes francs with a point.
  ['de-AT', 'EUR', '1.234,50', 123_450],
  ['fr-CH', 'CHF', '1 234.50', 123_450],
  ['fr-CH', 'CHF', '12,50', INVALID],

  // ja-JP and JPY: no minor unit, so the amount in minor units is the amount in yen.
  ['ja-JP', 'JPY', '4,700', 4700],
  ['ja-JP', 'JPY', '500', 500],
  ['ja-JP', 'JPY', '4700.5', /^DONATION_AMOUNT_INVALID: JPY amounts have no decimal places\.$/],
  ['ja-JP', 'JPY', '４７００', INVALID],
  ['ja-JP', 'USD', '12.50', 1250],

  // The locale's own grouping, whatever shape it has: lakh and crore in en-IN.
  ['en-IN', 'INR', '12,34,567.50', 123_456_750],
  ['en-IN', 'INR', '1,234,567.50', INVALID],
  // es-ES leaves four-digit numbers ungrouped, but a grouped one is still Spanish.
  ['es-ES', 'EUR', '1.234,50', 123_450],
  ['es-ES', 'EUR', '1234,50', 123_450],
  ['en-US', 'BHD', '1.234', 1234],
  ['de-DE', 'BHD', '1,234', 1234],

  // Never numbers: exponents, hex, signs in the wrong place, other digits.
  ['en-US', 'USD', '1e5', INVALID],
  ['en-US', 'USD', '0x1F', INVALID],
  ['en-US', 'USD', 'Infinity', INVALID],
  ['en-US', 'USD', 'NaN', INVALID],
  ['en-US', 'USD', '+5', INVALID],
  ['en-US', 'USD', '5-', INVALID],
  ['ar-EG', 'EGP', '١٢', INVALID],
  ['en-US', 'USD', '-5', /more than zero/],
  ['en-US', 'USD', '0', /more than zero/],
  ['en-US', 'USD', '9'.repeat(16), /^DONATION_AMOUNT_TOO_LARGE/],
  ['en-US', 'USD', '', INVALID],
];

describe('typed amounts in the site\'s locale', () => {
  it.each(TABLE)('%s %s "%s"', (locale, currency, typed, expected) => {
    const got = read(typed, currency, locale);
    if (typeof expected === 'number') expect(got).toBe(expected);
    else expect(got).toMatch(expected);
  });

  it('reads a JSON number as written, whatever the locale', () => {
    expect(read(12.5, 'EUR', 'de-DE')).toBe(1250);
    expect(read(1234.56, 'EUR', 'fr-FR')).toBe(123_456);
    expect(read(4700, 'JPY', 'ja-JP')).toBe(4700);
    expect(read(0.1 + 0.2, 'USD', 'en-US')).toMatch(/at most 2 decimal places/);
    expect(read(1e21, 'USD', 'en-US')).toMatch(INVALID);
    expect(read(Number.POSITIVE_INFINITY, 'USD', 'en-US')).toMatch(INVALID);
    expect(read(Number.NaN, 'USD', 'en-US')).toMatch(INVALID);
  });

  it('writes form values back in the form it reads', () => {
    const cases: [number, string, string][] = [[123_450, 'EUR', 'de-DE'], [123_450, 'EUR', 'fr-FR'], [123_450, 'CHF', 'de-CH'], [4700, 'JPY', 'ja-JP'], [1250, 'USD', 'en-US']];
    for (const [minor, currency, locale] of cases) {
      const shown = amountInputValue(minor, currency, locale);
      expect(read(shown, currency, locale), `${locale} ${shown}`).toBe(minor);
    }
    expect(amountInputValue(123_450, 'EUR', 'de-DE')).toBe('1234,50');
    expect(amountExample('EUR', 'fr-FR')).toBe('12,50');
    expect(amountExample('JPY', 'ja-JP')).toBe('1250');
  });
});
