import type { SiteSettings } from '../settings/index.js';
import { formatDateTime } from './dates.js';

/** A commenting sanction as it applies now; `until` only for a suspension with an end. */
export interface SanctionView {
  status: 'banned' | 'suspended';
  until: string | null;
}

type SiteDates = Pick<SiteSettings['site'], 'locale' | 'timeZone'>;

/** "December 15, 2026 at 10:42 PM (Europe/Berlin)": the zone is named so a reader elsewhere is not misled. */
export function sanctionEnd(until: string, site: SiteDates): string {
  return `${formatDateTime(until, site)} (${site.timeZone})`;
}

/**
 * What a banned or suspended reader (or guest) is told where the comment form would be, on their account
 * page, in mails and when a post is refused: one wording, dates in the site's time zone and locale.
 */
export function sanctionText(sanction: SanctionView, site: SiteDates): string {
  if (sanction.status === 'banned') return 'You can no longer comment here: the moderators have banned you from commenting.';
  if (sanction.until) return `Your commenting is suspended until ${sanctionEnd(sanction.until, site)}. You can read along and comment again after that.`;
  return 'Your commenting is suspended until the moderators lift it. You can still read along.';
}
