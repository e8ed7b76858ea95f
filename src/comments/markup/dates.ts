import { formatDateTime, formatRelativeTime } from '../../web/dates.js';
import type { MarkupContext } from './context.js';

/** "March 3, 2025 at 9:30 AM" in the site's zone, or the reader's where the site's is not known. */
export function exactTime(iso: string, context: Pick<MarkupContext, 'locale' | 'timeZone'>): string {
  return formatDateTime(iso, { locale: context.locale, timeZone: context.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone });
}

export function relativeTime(iso: string, context: Pick<MarkupContext, 'locale' | 'now'>): string {
  return formatRelativeTime(iso, context.now, context.locale);
}
