import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SiteSettings } from '../settings/index.js';
import { renderBody } from './rendering.js';
import { expandMediaImages, figureHtml, findMedia, mediaIdOf, mediaUrl } from '../media/index.js';
import { articleMediaIds } from './article-media.js';
import { publicTeasers, topicsOfArticles } from './queries.js';
import { MEDIA_TAG_LABELS, type MediaTag, type Topic } from './types.js';
import { element, emptyElement, escapeXml } from './xml.js';

export const FEED_SIZE = 20;

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  author: string;
  publishedAt: string;
  updatedAt: string;
  createdAt: string;
  topics: { slug: string; name: string }[];
  /** The featured library image as RSS `<enclosure>` / Atom `rel="enclosure"` (src/media). */
  image?: { url: string; type: string; length: number };
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page this feed follows. */
  pageUrl: string;
  /** The feed's own address, without the `.xml` kind: `…/feed.xml` and `…/atom.xml` are derived. */
  selfBase: string;
  locale: string;
  baseUrl: string;
}

export function displayTitle(title: string, mediaTag: MediaTag | null): string {
  return mediaTag ? `${title} (${MEDIA_TAG_LABELS[mediaTag]})` : title;
}

/** The newest public articles, optionally of one topic, with rendered bodies for feed readers. */
export async function feedEntries(db: Kysely<Database>, now: Date, baseUrl: string, topic?: Topic): Promise<FeedEntry[]> {
  let query = publicTeasers(db, now).select(['articles.body_md', 'articles.updated_at', 'articles.created_at']).limit(FEED_SIZE);
  if (topic) {
    query = query.where('articles.id', 'in', (eb) =>
      eb.selectFrom('article_topics').select('article_topics.article_id').where('article_topics.topic_id', '=', topic.id));
  }
  const rows = await query.execute();
  const topics = await topicsOfArticles(db, rows.map((row) => row.id));
  const media = await findMedia({ db }, rows.flatMap((row) => articleMediaIds(row.featured_image_url, row.body_md)));
  return rows.map((row) => {
    const featured = media.get(mediaIdOf(row.featured_image_url) ?? '');
    const imageFile = featured?.files.find((file) => mediaUrl(featured, 1200) === `/media/${featured.id}/${file.name}`);
    return {
    id: row.id,
    url: `${baseUrl}/articles/${encodeURIComponent(row.slug)}`,
    title: displayTitle(row.title, row.media_tag),
    summary: row.summary,
    // Absolute JPEGs: feed readers show neither <picture> nor site-relative addresses.
    html: `${featured ? figureHtml(featured, { absoluteBase: baseUrl }).value : ''}${expandMediaImages(renderBody(row.body_md), media, { absoluteBase: baseUrl })}`,
    ...(featured && imageFile ? { image: { url: `${baseUrl}${mediaUrl(featured, 1200)}`, type: 'image/jpeg', length: imageFile.bytes } } : {}),
    author: row.author_name,
    publishedAt: row.published_at!,
    updatedAt: row.updated_at > row.published_at! ? row.updated_at : row.published_at!,
    createdAt: row.created_at,
    topics: topics.filter((t) => t.article_id === row.id),
    };
  });
}

export function siteChannel(settings: SiteSettings, baseUrl: string, topic?: Topic): FeedChannel {
  const site = settings.site;
  return {
    title: topic ? `${topic.name} — ${site.name}` : site.name,
    description: topic?.description || site.description,
    pageUrl: topic ? `${baseUrl}/topics/${encodeURIComponent(topic.slug)}` : `${baseUrl}/`,
    selfBase: topic ? `${baseUrl}/topics/${encodeURIComponent(topic.slug)}` : baseUrl,
    locale: site.locale,
    baseUrl,
  };
}

/** RSS 2.0 with the full text in content:encoded and the author in dc:creator. */
export function rssFeed(channel: FeedChannel, entries: FeedEntry[], now: Date): string {
  const built = entries[0]?.publishedAt ?? now.toISOString();
  const items = entries.map((entry) => [
    '<item>',
    element('title', entry.title),
    element('link', entry.url),
    element('guid', entryTag(channel.baseUrl, entry), { isPermaLink: 'false' }),
    element('pubDate', new Date(entry.publishedAt).toUTCString()),
    element('dc:creator', entry.author),
    ...entry.topics.map((topic) => element('category', topic.name)),
    element('description', entry.summary),
    element('content:encoded', entry.html),
    entry.image ? emptyElement('enclosure', { url: entry.image.url, length: String(entry.image.length), type: entry.image.type }) : '',
    '</item>',
  ].join(''));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.pageUrl),
    element('description', channel.description),
    element('language', channel.locale.toLowerCase()),
    element('lastBuildDate', new Date(built).toUTCString()),
    emptyElement('atom:link', { href: `${channel.selfBase}/feed.xml`, rel: 'self', type: 'application/rss+xml' }),
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}

/** Atom 1.0: the same entries, with stable tag: ids that survive a slug change. */
export function atomFeed(channel: FeedChannel, entries: FeedEntry[], now: Date): string {
  const updated = entries.reduce((latest, entry) => (entry.updatedAt > latest ? entry.updatedAt : latest), entries.length ? '' : now.toISOString());
  const items = entries.map((entry) => [
    '<entry>',
    element('id', entryTag(channel.baseUrl, entry)),
    element('title', entry.title),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
    element('published', entry.publishedAt),
    element('updated', entry.updatedAt),
    `<author>${element('name', entry.author)}</author>`,
    ...entry.topics.map((topic) => emptyElement('category', { term: topic.slug, label: topic.name })),
    element('summary', entry.summary),
    element('content', entry.html, { type: 'html' }),
    entry.image ? emptyElement('link', { rel: 'enclosure', type: entry.image.type, length: String(entry.image.length), href: entry.image.url }) : '',
    '</entry>',
  ].join(''));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.locale)}">`,
    element('id', channel.pageUrl),
    element('title', channel.title),
    element('subtitle', channel.description),
    element('updated', updated),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: `${channel.selfBase}/atom.xml` }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: channel.pageUrl }),
    ...items,
    '</feed>',
  ].join('\n');
}

function entryTag(baseUrl: string, entry: FeedEntry): string {
  return `tag:${new URL(baseUrl).hostname},${entry.createdAt.slice(0, 4)}:article:${entry.id}`;
}
