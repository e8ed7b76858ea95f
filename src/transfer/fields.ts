/** Small readers for exported field values, shared by the Disqus and WordPress importers. */

/** `true`/`1` (any case) is true; anything else false. */
export function parseFlag(text: string): boolean {
  return /^(true|1|yes)$/i.test(text.trim());
}

/**
 * An ISO time for a date as exports write it: ISO 8601 (`2013-05-08T14:32:11Z`) or WordPress's
 * `2013-05-08 14:32:11` (taken as UTC: callers pass the `_gmt` field). Null when missing or impossible.
 */
export function parseTime(text: string): string | null {
  const value = text.trim();
  if (!value || value.startsWith('0000-00-00')) return null;
  const wordpress = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value);
  const time = Date.parse(wordpress ? `${wordpress[1]}T${wordpress[2]}Z` : value);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2200 ? date.toISOString() : null;
}

/** A plausible address, lower-cased; null otherwise (an imported record is not refused for it). */
export function parseEmail(text: string): string | null {
  const email = text.trim().toLowerCase();
  return email.length <= 254 && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(email) ? email : null;
}

/** Longest imported comment in characters: far above what the site takes today, to keep old ones whole. */
export const MAX_IMPORTED_COMMENT = 50_000;

/**
 * A commenter's website as the comment section may link it: an absolute http(s) address of reasonable
 * length, else null (a `javascript:` or `data:` "website" is dropped, not kept for later).
 */
export function parseWebsite(text: string): string | null {
  const value = text.trim();
  if (!value || value.length > 500) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}
