import type { SiteSettings } from '../settings/index.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      found = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, found);
  }
  return found;
}

/** "March 3, 2025 at 9:30 AM" in the site's time zone and locale, for datelines. */
export function formatDateTime(iso: string, site: Pick<SiteSettings['site'], 'locale' | 'timeZone'>): string {
  return formatter(site.locale, site.timeZone, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** "Mar 3, 2025, 9:30 AM", for tables. */
export function formatShortDateTime(iso: string, site: Pick<SiteSettings['site'], 'locale' | 'timeZone'>): string {
  return formatter(site.locale, site.timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "March 3, 2025", for lists. */
export function formatDate(iso: string, site: Pick<SiteSettings['site'], 'locale' | 'timeZone'>): string {
  return formatter(site.locale, site.timeZone, { dateStyle: 'medium' }).format(new Date(iso));
}

const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** "3 hours ago" in the site's language; "now" under a minute. */
export function formatRelativeTime(iso: string, now: Date, locale: string): string {
  let format = relativeFormatters.get(locale);
  if (!format) {
    try {
      format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    } catch {
      format = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
    }
    relativeFormatters.set(locale, format);
  }
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = formatter('en-US', timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** `2025-03-03T09:30` as the site's wall time, the value a `datetime-local` input shows. */
export function toWallTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  return new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 16);
}

/**
 * The UTC instant of a `datetime-local` value read as wall time in `timeZone`; undefined when malformed.
 * In a DST gap the later offset wins; in an overlap, the earlier instant.
 */
export function fromWallTime(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  let instant = wall - zoneOffset(wall, timeZone);
  const corrected = wall - zoneOffset(instant, timeZone);
  if (corrected !== instant) instant = Math.min(instant, corrected);
  return new Date(instant).toISOString();
}
