import { describe, expect, it } from 'vitest';
import { buildMeter, type Drive } from './meter.js';
import { daysLeft, driveWindow, monthWindow, parseZonedDate, zonedDate, zonedDays } from './period.js';

const usd = { locale: 'en-US', symbolPosition: 'after' } as const;

function drive(overrides: Partial<Drive> = {}): Drive {
  return {
    id: 'd1',
    title: 'Keep local news free',
    cta: 'Do you like this content? Consider helping us!',
    goal_minor: 470_000,
    currency: 'USD',
    period: 'monthly',
    starts_at: null,
    ends_at: null,
    count_renewals: 1,
    subtract_refunds: 1,
    is_current: 1,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const at = new Date('2026-03-15T12:00:00Z');

describe('meter maths', () => {
  it('shows the seed drive as 0 $ | 2,350 $ | 4,700 $ with 1,437 $ raised', () => {
    const meter = buildMeter(drive(), { raisedMinor: 143_700, donors: 10 }, at, 'UTC', usd);
    expect(meter.ticks.map((t) => t.label)).toEqual(['0 $', '2,350 $', '4,700 $']);
    expect(meter.raisedLabel).toBe('1,437 $');
    expect(meter.percent).toBe(30);
    expect(meter.fill).toBe(30.5);
    expect(meter.donorsLabel).toBe('10 donors');
    expect(meter.summary).toContain('1,437 $ raised of 4,700 $ (30%)');
  });

  it('rounds down, so 99.99% never reads as reached', () => {
    const meter = buildMeter(drive({ goal_minor: 10_000 }), { raisedMinor: 9_999, donors: 1 }, at, 'UTC', usd);
    expect(meter.percent).toBe(99);
    expect(meter.fill).toBe(99.9);
    expect(meter.donorsLabel).toBe('1 donor');
  });

  it('caps the bar at 100% but not the figure', () => {
    const meter = buildMeter(drive(), { raisedMinor: 564_000, donors: 40 }, at, 'UTC', usd);
    expect(meter.percent).toBe(120);
    expect(meter.fill).toBe(100);
    expect(meter.raisedLabel).toBe('5,640 $');
  });

  it('keeps the bar empty when refunds pushed the total below zero', () => {
    const meter = buildMeter(drive(), { raisedMinor: -2_500, donors: 0 }, at, 'UTC', usd);
    expect(meter.percent).toBe(0);
    expect(meter.fill).toBe(0);
    expect(meter.raisedLabel).toBe('-25 $');
  });

  it('puts the half tick on a whole minor unit for odd goals and shows its cents', () => {
    const meter = buildMeter(drive({ goal_minor: 470_001 }), { raisedMinor: 0, donors: 0 }, at, 'UTC', usd);
    expect(meter.ticks[1]).toEqual({ minor: 235_000, label: '2,350 $' });
    expect(meter.ticks[2].label).toBe('4,700.01 $');
    const euros = buildMeter(drive({ goal_minor: 470_000, currency: 'EUR' }), { raisedMinor: 0, donors: 0 }, at, 'UTC', { locale: 'de-DE', symbolPosition: 'after' });
    expect(euros.ticks.map((t) => t.label)).toEqual(['0 €', '2.350 €', '4.700 €']);
    const before = buildMeter(drive(), { raisedMinor: 0, donors: 0 }, at, 'UTC', { locale: 'en-US', symbolPosition: 'before' });
    expect(before.ticks[1].label).toBe('$2,350');
  });

  it('counts days left, the started day included', () => {
    expect(buildMeter(drive(), { raisedMinor: 0, donors: 0 }, new Date('2026-03-31T10:00:00Z'), 'UTC', usd).daysLeftLabel).toBe('last day');
    expect(buildMeter(drive(), { raisedMinor: 0, donors: 0 }, new Date('2026-03-01T00:00:00Z'), 'UTC', usd).daysLeft).toBe(31);
    expect(buildMeter(drive({ period: 'open' }), { raisedMinor: 0, donors: 0 }, at, 'UTC', usd).daysLeft).toBeNull();
  });
});

describe('the monthly window', () => {
  it('runs from the 1st to the next 1st in UTC, across year ends and leap Februaries', () => {
    expect(monthWindow(new Date('2026-03-31T23:59:59.999Z'), 'UTC')).toEqual({ start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') });
    expect(monthWindow(new Date('2026-12-31T12:00:00Z'), 'UTC').end).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(monthWindow(new Date('2028-02-29T12:00:00Z'), 'UTC')).toEqual({ start: new Date('2028-02-01T00:00:00Z'), end: new Date('2028-03-01T00:00:00Z') });
  });

  it('puts 2026-03-31T23:30Z into April in Europe/Berlin (after the DST change) and March in UTC', () => {
    const instant = new Date('2026-03-31T23:30:00Z');
    const berlin = monthWindow(instant, 'Europe/Berlin');
    // April starts at 00:00 CEST (+02:00), i.e. 22:00Z on March 31.
    expect(berlin.start).toEqual(new Date('2026-03-31T22:00:00Z'));
    expect(berlin.end).toEqual(new Date('2026-04-30T22:00:00Z'));
    expect(instant >= berlin.start && instant < berlin.end).toBe(true);
    expect(monthWindow(instant, 'UTC').start).toEqual(new Date('2026-03-01T00:00:00Z'));
    // March in Berlin began in winter time (+01:00).
    expect(monthWindow(new Date('2026-03-15T00:00:00Z'), 'Europe/Berlin')).toEqual({
      start: new Date('2026-02-28T23:00:00Z'),
      end: new Date('2026-03-31T22:00:00Z'),
    });
  });

  it('follows zones behind UTC and with half-hour offsets', () => {
    // 2026-04-01T03:00Z is still March 31 in New York (-04:00).
    const ny = monthWindow(new Date('2026-04-01T03:00:00Z'), 'America/New_York');
    expect(ny).toEqual({ start: new Date('2026-03-01T05:00:00Z'), end: new Date('2026-04-01T04:00:00Z') });
    const india = monthWindow(new Date('2026-03-31T19:00:00Z'), 'Asia/Kolkata');
    expect(india.start).toEqual(new Date('2026-03-31T18:30:00Z'));
  });

  it('falls back to UTC for a zone Intl does not know', () => {
    expect(monthWindow(new Date('2026-03-31T23:30:00Z'), 'Mars/Olympus').start).toEqual(new Date('2026-03-01T00:00:00Z'));
  });

  it('keeps fixed and open windows as stored', () => {
    const fixed = driveWindow(drive({ period: 'fixed', starts_at: '2026-03-10T00:00:00.000Z', ends_at: '2026-03-20T00:00:00.000Z' }), at, 'UTC');
    expect(fixed).toEqual({ start: new Date('2026-03-10T00:00:00Z'), end: new Date('2026-03-20T00:00:00Z') });
    expect(daysLeft(fixed, at)).toBe(5);
    expect(daysLeft(fixed, new Date('2026-04-01T00:00:00Z'))).toBe(0);
    expect(driveWindow(drive({ period: 'open', starts_at: null }), at, 'UTC')).toEqual({ start: null, end: null });
  });

  it('reads admin dates in the site zone and lists the zone\'s days for charts', () => {
    expect(parseZonedDate('2026-04-01', 'Europe/Berlin')).toEqual(new Date('2026-03-31T22:00:00Z'));
    expect(parseZonedDate('2026-02-30', 'UTC')).toBeNull();
    expect(zonedDate(new Date('2026-03-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-04-01');
    const march = zonedDays(monthWindow(new Date('2026-03-15T00:00:00Z'), 'Europe/Berlin'), 'Europe/Berlin');
    expect(march).toHaveLength(31);
    expect(march[0]).toBe('2026-03-01');
    expect(march[30]).toBe('2026-03-31');
  });
});
