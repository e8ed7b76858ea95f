import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findMedia, mediaIdOf, type MediaItem } from '../media/index.js';
import type { PageSlots } from '../web/slots.js';
import type { TeaserRow } from './queries.js';
import type { ArticleTeaser } from './types.js';

export function toTeaser(row: TeaserRow): ArticleTeaser {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    mediaTag: row.media_tag,
    summary: row.summary,
    featuredImageUrl: row.featured_image_url,
    featuredImageAlt: row.featured_image_alt,
    publishedAt: row.published_at!,
    author: { id: row.author_id, name: row.author_name },
  };
}

export type CountedTeaser = ArticleTeaser & { commentCount: number | undefined; featuredMedia?: MediaItem };

/**
 * Teasers as lists draw them: their comment counts (asked of the comments domain in one call per list)
 * and their library pictures (one read), so a list loads thumbnails at the size it shows them.
 */
export async function teasersForList(deps: { db: Kysely<Database>; slots: PageSlots }, teasers: ArticleTeaser[]): Promise<CountedTeaser[]> {
  const { db, slots } = deps;
  const counts = teasers.length ? await slots.commentCounts(teasers.map((teaser) => teaser.id)) : new Map<string, number>();
  const mediaIds = teasers.map((teaser) => mediaIdOf(teaser.featuredImageUrl)).filter((id): id is string => id !== undefined);
  const media = mediaIds.length ? await findMedia({ db }, mediaIds) : new Map<string, MediaItem>();
  return teasers.map((teaser) => ({ ...teaser, commentCount: counts.get(teaser.id), featuredMedia: media.get(mediaIdOf(teaser.featuredImageUrl) ?? '') }));
}
