import type { SiteSettings } from '../settings/index.js';
import { commentErrors } from './errors.js';

export interface CommentableArticle {
  id: string;
  slug: string;
  title: string;
  published_at: string | null;
  comments_open: number;
  comments_close_after_days: number | null;
  premoderate: number;
}

/** Why an article takes no new comments, or null when it does. Auto-close counts from publication; 0 days = never. */
export function closedReason(article: CommentableArticle, settings: SiteSettings['comments'], now: Date): string | null {
  if (!article.comments_open) return 'Comments are closed on this article.';
  const days = article.comments_close_after_days ?? settings.autoCloseDays;
  if (days > 0 && article.published_at) {
    const closesAt = new Date(article.published_at).getTime() + days * 86_400_000;
    if (now.getTime() >= closesAt) return `Comments closed ${days} day${days === 1 ? '' : 's'} after publication.`;
  }
  return null;
}

export function assertOpen(article: CommentableArticle, settings: SiteSettings['comments'], now: Date): void {
  const reason = closedReason(article, settings, now);
  if (reason) throw commentErrors.raise('COMMENTS_CLOSED', reason);
}

/** Trims and checks the text: never empty, at most `maxLength` characters (code points, as readers count). */
export function checkText(raw: string, maxLength: number): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (/^[\s\p{Cf}]*$/u.test(text)) throw commentErrors.raise('COMMENT_EMPTY', undefined, 'text');
  const length = [...text].length;
  if (length > maxLength) {
    throw commentErrors.raise('COMMENT_TOO_LONG', `The comment is ${length} characters long; the limit is ${maxLength}.`, 'text', { limit: maxLength });
  }
  return text;
}
