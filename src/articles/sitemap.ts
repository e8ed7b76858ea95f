import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { pathOf } from './page-slugs.js';
import { publicArticles } from './queries.js';
import { element } from './xml.js';

/** The sitemap protocol's limit for one file. */
export const SITEMAP_MAX_URLS = 50_000;

/** Every public article and page (never a draft or a scheduled one still in the future), plus home and topics. */
export async function sitemapXml(db: Kysely<Database>, now: Date, baseUrl: string): Promise<string> {
  const articles = await publicArticles(db, now)
    .select(['slug', 'kind', 'updated_at', 'published_at'])
    .orderBy('published_at', 'desc')
    .limit(SITEMAP_MAX_URLS - 1000)
    .execute();
  const topics = await db
    .selectFrom('topics')
    .select('slug')
    .where('id', 'in', (eb) => eb.selectFrom('article_topics').select('topic_id'))
    .orderBy('slug')
    .limit(1000)
    .execute();
  const url = (loc: string, lastmod?: string) => `<url>${element('loc', loc)}${lastmod ? element('lastmod', lastmod) : ''}</url>`;
  const newest = articles[0];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${baseUrl}/`, newest ? latest(newest) : undefined),
    ...topics.map((topic) => url(`${baseUrl}/topics/${encodeURIComponent(topic.slug)}`)),
    ...articles.map((article) => url(`${baseUrl}${pathOf(article.kind, article.slug)}`, latest(article))),
    '</urlset>',
  ].join('\n');
}

function latest(article: { updated_at: string; published_at: string | null }): string {
  return article.published_at && article.published_at > article.updated_at ? article.published_at : article.updated_at;
}

export function robotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /login', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
