import { articleErrors } from './errors.js';
import { isSlug, SLUG_PATTERN, slugFrom } from './slugs.js';

/** Longest article body in characters; a larger one is refused with 413 before anything is stored. */
export const MAX_BODY_LENGTH = 200_000;
export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 1_000;
export const MAX_SLUG_LENGTH = 100;
export const MAX_SOURCES = 50;
export const MAX_TOPICS = 20;

export { SLUG_PATTERN };

/** A readable URL slug from a title: Latin, Greek and Cyrillic spelled in a–z, other scripts kept, at most 80 characters. */
export function slugify(title: string): string {
  return slugFrom(title, 'ascii');
}

export function assertSlug(slug: string, field = 'slug'): string {
  if (!isSlug(slug, MAX_SLUG_LENGTH)) throw articleErrors.raise('SLUG_INVALID', undefined, field);
  return slug;
}

export function requiredText(value: string | undefined, field: string, max: number, code: 'TITLE_REQUIRED' | 'NAME_REQUIRED'): string {
  const text = (value ?? '').trim();
  if (!text) throw articleErrors.raise(code, undefined, field);
  return limitedText(text, field, max);
}

export function limitedText(value: string, field: string, max: number): string {
  if (value.length > max) throw articleErrors.raise('TEXT_TOO_LONG', `This text is too long: at most ${max} characters.`, field);
  return value;
}

/** An absolute http(s) URL, or null for an empty value. */
export function optionalHttpUrl(value: string | null | undefined, field: string): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (!isHttpUrl(text)) throw articleErrors.raise('URL_INVALID', undefined, field);
  return text;
}

export function isHttpUrl(text: string): boolean {
  if (text.length > 2000) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 time with a zone (`Z` or an offset), stored as UTC; null for an empty value. */
export function optionalIsoTime(value: string | null | undefined, field: string): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  const time = ISO_TIME.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time) || !sameCalendarDate(text, time)) throw articleErrors.raise('DATE_INVALID', undefined, field);
  return new Date(time).toISOString();
}

/** `Date.parse` rolls 2025-02-30 over to March; a date that does not exist is malformed, not moved. */
function sameCalendarDate(text: string, time: number): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day && !Number.isNaN(time);
}

export interface SourceInput {
  name: string;
  url: string;
}

export function validSources(sources: SourceInput[], field = 'sources'): SourceInput[] {
  if (sources.length > MAX_SOURCES) throw articleErrors.raise('SOURCE_INVALID', `At most ${MAX_SOURCES} sources.`, field);
  return sources.map((source, index) => {
    const name = source.name.trim();
    const url = source.url.trim();
    if (!name || name.length > 300 || !isHttpUrl(url)) {
      throw articleErrors.raise('SOURCE_INVALID', `Source ${index + 1}: every source needs a name and an http:// or https:// address.`, field);
    }
    return { name, url };
  });
}
