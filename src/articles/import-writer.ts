import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { MAX_BODY_LENGTH, MAX_SLUG_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH, MAX_TOPICS, SLUG_PATTERN, slugify } from './validate.js';

/**
 * The articles side of importing another site: articles and topics written as they were there (dates,
 * status, author), bypassing the editor's checks that only make sense for new writing (a published
 * date in the past, for one). Limits that protect pages (lengths, slug shape) still hold.
 */
type Db = Kysely<Database>;

export { MAX_BODY_LENGTH as MAX_IMPORTED_BODY_LENGTH };

export interface ImportedArticle {
  title: string;
  /** Wanted slug; made valid, and made unique with `-2`, `-3`… when taken. */
  slug: string;
  summary: string;
  body: string;
  authorId: string;
  status: ArticleStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  commentsOpen: boolean;
  topicIds: string[];
}

/** A valid slug from a WordPress `post_name` or a URL segment (percent-encoded, any case), or ''. */
export function importSlug(raw: string): string {
  let text = raw.trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    // Not percent-encoded after all: use it as it is.
  }
  const lower = text.toLowerCase();
  if (SLUG_PATTERN.test(lower) && lower.length <= MAX_SLUG_LENGTH) return lower;
  return slugify(text).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

export async function articleIdsBySlug(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(slugs.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'slug']).where('slug', 'in', unique).execute();
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export async function articleRefs(db: Db, ids: readonly string[]): Promise<Map<string, { slug: string; title: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'slug', 'title']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, { slug: row.slug, title: row.title }]));
}

/** Topic ids by slug (as given, and as made valid), creating the missing ones; `created` counts those. */
export async function ensureTopics(
  db: Db,
  now: () => Date,
  topics: readonly { slug: string; name: string; description?: string }[],
): Promise<{ ids: Map<string, string>; created: number }> {
  const wanted = new Map<string, { name: string; description: string }>();
  for (const topic of topics) {
    const slug = importSlug(topic.slug) || importSlug(topic.name);
    if (slug && !wanted.has(slug)) wanted.set(slug, { name: clip(topic.name.trim() || slug, 80), description: clip(topic.description?.trim() ?? '', 500) });
  }
  const result = new Map<string, string>();
  if (wanted.size === 0) return { ids: result, created: 0 };
  const existing = await db.selectFrom('topics').select(['id', 'slug']).where('slug', 'in', [...wanted.keys()]).execute();
  for (const row of existing) result.set(row.slug, row.id);
  const missing = [...wanted].filter(([slug]) => !result.has(slug)).map(([slug, topic]) => ({ id: newId(now()), slug, ...topic }));
  let created = 0;
  if (missing.length > 0) {
    await db.insertInto('topics').values(missing).onConflict((conflict) => conflict.column('slug').doNothing()).execute();
    const rows = await db.selectFrom('topics').select(['id', 'slug']).where('slug', 'in', missing.map((topic) => topic.slug)).execute();
    for (const row of rows) result.set(row.slug, row.id);
    created = rows.filter((row) => missing.some((topic) => topic.id === row.id)).length;
  }
  // Asked for by their original spelling too, so callers can look up what they passed.
  for (const topic of topics) {
    const slug = importSlug(topic.slug) || importSlug(topic.name);
    const id = result.get(slug);
    if (id) result.set(topic.slug, id);
  }
  return { ids: result, created };
}

/** Inserts an imported article; returns its id and the slug it got. */
export async function insertImportedArticle(db: Db, article: ImportedArticle): Promise<{ id: string; slug: string }> {
  const id = newId(new Date(article.createdAt));
  const slug = await freeSlug(db, importSlug(article.slug) || importSlug(article.title) || `article-${id.slice(-6)}`);
  await db
    .insertInto('articles')
    .values({ id, slug, ...columns(article), created_at: article.createdAt })
    .execute();
  await setTopics(db, id, article.topicIds);
  return { id, slug };
}

/** Gives a placeholder article (a Disqus thread's stub) the real content, keeping its id, slug and comments. */
export async function fillImportedArticle(db: Db, id: string, article: ImportedArticle): Promise<void> {
  await db.updateTable('articles').set({ ...columns(article), created_at: article.createdAt }).where('id', '=', id).execute();
  await db.deleteFrom('article_topics').where('article_id', '=', id).execute();
  await setTopics(db, id, article.topicIds);
}

function columns(article: ImportedArticle) {
  return {
    title: clip(article.title.trim() || 'Untitled', MAX_TITLE_LENGTH),
    media_tag: null,
    summary: clip(article.summary.trim(), MAX_SUMMARY_LENGTH),
    body_md: article.body,
    video_url: null,
    featured_image_url: null,
    featured_image_alt: null,
    author_id: article.authorId,
    status: article.status,
    published_at: article.publishedAt,
    updated_at: article.updatedAt,
    comments_open: article.commentsOpen ? 1 : 0,
    comments_close_after_days: null,
    premoderate: 0,
  };
}

async function setTopics(db: Db, articleId: string, topicIds: readonly string[]): Promise<void> {
  const unique = [...new Set(topicIds)].slice(0, MAX_TOPICS);
  if (unique.length > 0) await db.insertInto('article_topics').values(unique.map((topic_id) => ({ article_id: articleId, topic_id }))).execute();
}

async function freeSlug(db: Db, base: string): Promise<string> {
  const stem = base.slice(0, MAX_SLUG_LENGTH - 7).replace(/-+$/, '') || 'article';
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base.slice(0, MAX_SLUG_LENGTH) : `${stem}-${n}`;
    const taken = await db.selectFrom('articles').select('id').where('slug', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
  return `${stem}-${newId().slice(-6)}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
