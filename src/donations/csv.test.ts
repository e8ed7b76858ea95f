import { describe, expect, it } from 'vitest';
import { totalsPerDay } from './chart.js';
import { csvCell, csvLine } from '../web/csv.js';
import { advanceStatus } from './status.js';

describe('CSV export cells', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('leaves our own numbers (negative refunds too) and plain text alone', () => {
    expect(csvCell('-25.00')).toBe('-25.00');
    expect(csvCell(-2500)).toBe('-2500');
    expect(csvCell('Amara O.')).toBe('Amara O.');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });
});

describe('donations per day', () => {
  it('sums per calendar day in the site zone and lists empty days', () => {
    const window = { start: new Date('2026-03-31T22:00:00Z'), end: new Date('2026-04-03T22:00:00Z') };
    const days = totalsPerDay(
      [
        { occurred_at: '2026-03-31T23:30:00.000Z', amount_minor: 1000 },
        { occurred_at: '2026-04-01T21:59:00.000Z', amount_minor: 500 },
        { occurred_at: '2026-04-02T08:00:00.000Z', amount_minor: -300 },
      ],
      window,
      'Europe/Berlin',
    );
    expect(days).toEqual([
      { day: '2026-04-01', amountMinor: 1500 },
      { day: '2026-04-02', amountMinor: -300 },
      { day: '2026-04-03', amountMinor: 0 },
    ]);
  });
});

describe('donation status', () => {
  it('only moves forward', () => {
    expect(advanceStatus('pending', 'paid')).toBe('paid');
    expect(advanceStatus('paid', 'pending')).toBe('paid');
    expect(advanceStatus('paid', 'failed')).toBe('paid');
    expect(advanceStatus('pending', 'failed')).toBe('failed');
    expect(advanceStatus('active', 'cancelled')).toBe('cancelled');
    expect(advanceStatus('cancelled', 'active')).toBe('cancelled');
    expect(advanceStatus('paid', 'refunded')).toBe('refunded');
  });
});
