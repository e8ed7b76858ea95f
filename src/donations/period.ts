import { isValidTimeZone } from '../web/dates.js';
import type { DrivePeriod } from '../db/schema.js';

/** The half-open span [start, end) of ledger time a drive counts; null = unbounded on that side. */
export interface DriveWindow {
  start: Date | null;
  end: Date | null;
}

export interface WindowedDrive {
  period: DrivePeriod;
  starts_at: string | null;
  ends_at: string | null;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** A zone Intl accepts, or UTC: a typo in settings must not take the donate page down. */
export function safeTimeZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

function zonedParts(instant: Date, timeZone: string): ZonedParts {
  let format = partFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, format);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffset(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which the zone's wall clock shows this date at midnight. */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day);
  const first = wall - zoneOffset(wall, timeZone);
  // A second pass settles days whose offset differs from the guess's (DST changes near midnight).
  const second = wall - zoneOffset(first, timeZone);
  return new Date(second);
}

/** The calendar date in the zone, `YYYY-MM-DD`: what day a donation counts on for charts. */
export function zonedDate(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The month containing `instant` in the zone: from the 1st at 00:00 to the next 1st at 00:00. */
export function monthWindow(instant: Date, timeZone: string): { start: Date; end: Date } {
  const zone = safeTimeZone(timeZone);
  const { year, month } = zonedParts(instant, zone);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { start: zonedMidnight(year, month, 1, zone), end: zonedMidnight(next.year, next.month, 1, zone) };
}

/**
 * The window a drive counts at `now`. Monthly drives reset on the 1st in the site's zone by arithmetic
 * alone, so no job has to run at midnight; fixed drives keep their dates; open drives never end.
 */
export function driveWindow(drive: WindowedDrive, now: Date, timeZone: string): DriveWindow {
  if (drive.period === 'monthly') return monthWindow(now, timeZone);
  return {
    start: drive.starts_at ? new Date(drive.starts_at) : null,
    end: drive.period === 'fixed' && drive.ends_at ? new Date(drive.ends_at) : null,
  };
}

/** The window before `window` for a monthly drive (admin history), or null when it has none. */
export function previousMonth(window: DriveWindow, timeZone: string): DriveWindow | null {
  if (!window.start) return null;
  return monthWindow(new Date(window.start.getTime() - 1), timeZone);
}

/** Whole days until the window ends, counting a started day as one; null when it never ends. */
export function daysLeft(window: DriveWindow, now: Date): number | null {
  if (!window.end) return null;
  const remaining = window.end.getTime() - now.getTime();
  return remaining <= 0 ? 0 : Math.ceil(remaining / DAY_MS);
}

/** A date typed by an admin (`YYYY-MM-DD`) as the instant its day starts in the zone. */
export function parseZonedDate(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return zonedMidnight(year, month, day, safeTimeZone(timeZone));
}

/** The calendar day after `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The calendar days of [start, end) in the zone, for one bar per day. */
export function zonedDays(window: { start: Date; end: Date }, timeZone: string): string[] {
  const days: string[] = [];
  const zone = safeTimeZone(timeZone);
  let cursor = window.start;
  let last = '';
  // Step by 12 hours so DST days (23 or 25 hours) can neither be skipped nor counted twice.
  while (cursor < window.end) {
    const day = zonedDate(cursor, zone);
    if (day !== last) days.push(day);
    last = day;
    cursor = new Date(cursor.getTime() + DAY_MS / 2);
  }
  return days;
}
