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

export type CountedTeaser = ArticleTeaser & { commentCount: number | undefined };

/** Teasers with their comment counts, asked of the comments domain in one call per list. */
export async function withCommentCounts(slots: PageSlots, teasers: ArticleTeaser[]): Promise<CountedTeaser[]> {
  const counts = teasers.length ? await slots.commentCounts(teasers.map((teaser) => teaser.id)) : new Map<string, number>();
  return teasers.map((teaser) => ({ ...teaser, commentCount: counts.get(teaser.id) }));
}
