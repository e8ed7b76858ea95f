import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { chargeableStep, formatMoney, minorDigits, minorToDecimal, normaliseCurrency, parseMinorAmount } from './money.js';

const after = { locale: 'en-US', symbolPosition: 'after' } as const;
const before = { locale: 'en-US', symbolPosition: 'before' } as const;
const bounds = { minimum: 100, maximum: 1_000_000 };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.field}` : 'other';
  }
  return undefined;
}

describe('currency display', () => {
  it('reaches "2,350 $", "$2,350" and "2.350 €"', () => {
    expect(formatMoney(235_000, 'USD', after)).toBe('2,350 $');
    expect(formatMoney(235_000, 'USD', before)).toBe('$2,350');
    expect(formatMoney(235_000, 'EUR', { locale: 'de-DE', symbolPosition: 'after' })).toBe('2.350 €');
  });

  it('drops decimals only when the amount is whole', () => {
    expect(formatMoney(0, 'USD', after)).toBe('0 $');
    expect(formatMoney(143_700, 'USD', after)).toBe('1,437 $');
    expect(formatMoney(143_750, 'USD', after)).toBe('1,437.50 $');
    expect(formatMoney(5, 'USD', before)).toBe('$0.05');
    expect(formatMoney(123_456, 'EUR', { locale: 'de-DE', symbolPosition: 'after' })).toBe('1.234,56 €');
  });

  it('keeps the sign in front for refunds and handles zero- and three-decimal currencies', () => {
    expect(formatMoney(-2_500, 'USD', after)).toBe('-25 $');
    expect(formatMoney(-2_550, 'USD', before)).toBe('-$25.50');
    expect(formatMoney(4_700, 'JPY', before)).toBe('¥4,700');
    expect(formatMoney(1_234, 'BHD', after)).toMatch(/^1\.234 /);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('formats amounts past 2^53 / 100 exactly (no float on the way)', () => {
    expect(formatMoney(9_007_199_254_740_991, 'USD', before)).toBe('$90,071,992,547,409.91');
    expect(minorToDecimal(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
  });

  it('falls back to en-US for a locale Intl does not accept', () => {
    expect(formatMoney(235_000, 'USD', { locale: 'not a locale!!', symbolPosition: 'after' })).toBe('2,350 $');
  });
});

describe('amount input', () => {
  it('accepts whole minor units from JSON and forms', () => {
    expect(parseMinorAmount(2500, bounds)).toBe(2500);
    expect(parseMinorAmount('2500', bounds)).toBe(2500);
  });

  it('refuses zero, negatives, fractions, text, and amounts outside the bounds', () => {
    expect(codeOf(() => parseMinorAmount(0, bounds))).toBe('DONATION_AMOUNT_INVALID:amount');
    expect(codeOf(() => parseMinorAmount(-500, bounds))).toBe('DONATION_AMOUNT_INVALID:amount');
    expect(codeOf(() => parseMinorAmount(12.5, bounds))).toBe('DONATION_AMOUNT_INVALID:amount');
    expect(codeOf(() => parseMinorAmount('12.5', bounds))).toBe('DONATION_AMOUNT_INVALID:amount');
    expect(codeOf(() => parseMinorAmount('ten', bounds))).toBe('DONATION_AMOUNT_INVALID:amount');
    expect(codeOf(() => parseMinorAmount(Number.NaN, bounds))).toBe('DONATION_AMOUNT_INVALID:amount');
    expect(codeOf(() => parseMinorAmount(2 ** 60, bounds))).toBe('DONATION_AMOUNT_INVALID:amount');
    expect(codeOf(() => parseMinorAmount(99, bounds))).toBe('DONATION_AMOUNT_TOO_SMALL:amount');
    expect(codeOf(() => parseMinorAmount(1_000_001, bounds))).toBe('DONATION_AMOUNT_TOO_LARGE:amount');
  });

  it('knows ISO currencies through Intl and refuses the rest', () => {
    expect(normaliseCurrency('eur')).toBe('EUR');
    expect(codeOf(() => normaliseCurrency('XYZ'))).toBe('DONATION_CURRENCY_UNKNOWN:currency');
    expect(codeOf(() => normaliseCurrency('dollars'))).toBe('DONATION_CURRENCY_UNKNOWN:currency');
    expect(codeOf(() => normaliseCurrency(42))).toBe('DONATION_CURRENCY_UNKNOWN:currency');
    // String() of this object throws a TypeError; the currency check must not call it.
    expect(codeOf(() => normaliseCurrency({ toString: 1 }))).toBe('DONATION_CURRENCY_UNKNOWN:currency');
    expect(codeOf(() => normaliseCurrency(['USD', 'EUR']))).toBe('DONATION_CURRENCY_UNKNOWN:currency');
  });

  it('counts minor units as Stripe does, not as CLDR does', () => {
    // Intl says 0 digits for these; Stripe's API takes them with two (500 kr is 50000), so the ledger does too.
    expect(['ISK', 'HUF', 'IDR', 'COP'].map(minorDigits)).toEqual([2, 2, 2, 2]);
    expect(['JPY', 'KRW', 'UGX', 'XOF'].map(minorDigits)).toEqual([0, 0, 0, 0]);
    expect(['BHD', 'KWD', 'TND'].map(minorDigits)).toEqual([3, 3, 3]);
    expect(formatMoney(50_000, 'ISK', after)).toMatch(/^500 /);
    expect([chargeableStep('ISK'), chargeableStep('KWD'), chargeableStep('USD'), chargeableStep('JPY')]).toEqual([100, 10, 1, 1]);
  });
});
