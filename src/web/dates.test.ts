import { describe, expect, it } from 'vitest';
import { formatDateTime, fromWallTime, isValidTimeZone, toWallTime, formatRelativeTime } from './dates.js';

describe('site time zone dates', () => {
  it('reads a datetime-local value as wall time in the zone, across DST', () => {
    expect(fromWallTime('2025-01-15T09:30', 'Europe/Berlin')).toBe('2025-01-15T08:30:00.000Z');
    expect(fromWallTime('2025-07-15T09:30', 'Europe/Berlin')).toBe('2025-07-15T07:30:00.000Z');
    expect(fromWallTime('2025-07-15T09:30', 'America/New_York')).toBe('2025-07-15T13:30:00.000Z');
    expect(fromWallTime('2025-07-15T09:30', 'UTC')).toBe('2025-07-15T09:30:00.000Z');
    // 02:30 does not exist in Berlin on 2025-03-30; it lands in the hour after the jump.
    expect(fromWallTime('2025-03-30T02:30', 'Europe/Berlin')).toMatch(/^2025-03-30T0[01]:30:00.000Z$/);
  });

  it('rejects malformed or impossible values', () => {
    for (const value of ['', 'tomorrow', '2025-02-30T10:00', '2025-01-01T24:00', '2025-13-01T10:00']) {
      expect(fromWallTime(value, 'UTC'), value).toBeUndefined();
    }
  });

  it('shows stored UTC times as wall time and in the site locale', () => {
    expect(toWallTime('2025-07-15T07:30:00.000Z', 'Europe/Berlin')).toBe('2025-07-15T09:30');
    expect(formatDateTime('2025-07-15T07:30:00.000Z', { timeZone: 'Europe/Berlin', locale: 'en-US' })).toBe('July 15, 2025 at 9:30 AM');
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Nowhere/Special')).toBe(false);
  });
});

describe('formatRelativeTime', () => {
  it('speaks in the largest whole unit, in the site language', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(formatRelativeTime('2026-05-10T09:00:00Z', now, 'en-US')).toBe('3 hours ago');
    expect(formatRelativeTime('2026-05-10T11:59:30Z', now, 'en-US')).toBe('now');
    expect(formatRelativeTime('2026-05-09T12:00:00Z', now, 'de-DE')).toBe('gestern');
  });
});
