import { sql, type Kysely, type Transaction } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { Database, NewRow, RowUpdate } from '../db/schema.js';
import type { ArticleKind, ArticleStatus } from './types.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Public visibility: published, or scheduled and its time has come (so scheduling needs no job). */
export function publicArticles(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('articles')
    .where('articles.status', 'in', ['published', 'scheduled'])
    .where('articles.published_at', '<=', now.toISOString());
}

/** What the comment section needs to know about an article, by id or slug; only public articles. */
const articleForComments = preparedQuery<{ idOrSlug: string; now: string }>()((db, arg) => db
  .selectFrom('articles')
  .select(['id', 'slug', 'title', 'published_at', 'comments_open', 'comments_close_after_days', 'premoderate'])
  .where('articles.status', 'in', ['published', 'scheduled'])
  .where('articles.published_at', '<=', arg('now'))
  .where((eb) => eb.or([eb('id', '=', arg('idOrSlug')), eb('slug', '=', arg('idOrSlug'))])));

/** Asked on every comment posted and read: compiled once (same visibility rule as `publicArticles`). */
export async function findArticleForComments(db: Kysely<Database>, idOrSlug: string, now: Date) {
  const [row] = await articleForComments(db, { idOrSlug, now: now.toISOString() });
  return row;
}

const TEASER_COLUMNS = [
  'articles.id', 'articles.slug', 'articles.title', 'articles.media_tag', 'articles.summary',
  'articles.featured_image_url', 'articles.featured_image_alt', 'articles.published_at',
  'articles.author_id', 'users.display_name as author_name',
] as const;

/** Public articles with their author, newest first, for every list on the site (pages are in none). */
export function publicTeasers(db: Kysely<Database>, now: Date) {
  return publicArticles(db, now)
    .where('articles.kind', '=', 'article')
    .innerJoin('users', 'users.id', 'articles.author_id')
    .select(TEASER_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc');
}

export type TeaserRow = Awaited<ReturnType<ReturnType<typeof publicTeasers>['executeTakeFirstOrThrow']>>;

export function listPublicTeasers(
  db: Kysely<Database>,
  now: Date,
  options: { limit: number; offset?: number; topicId?: string; authorId?: string; before?: string; stickyFirst?: boolean },
) {
  // Pinned articles open the home page; the order stays total, so pages never repeat or skip one.
  let query = options.stickyFirst
    ? publicArticles(db, now).where('articles.kind', '=', 'article').innerJoin('users', 'users.id', 'articles.author_id').select(TEASER_COLUMNS)
      .orderBy('articles.sticky', 'desc').orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc')
    : publicTeasers(db, now);
  if (options.topicId) {
    const topicId = options.topicId;
    query = query.where('articles.id', 'in', (eb) =>
      eb.selectFrom('article_topics').select('article_topics.article_id').where('article_topics.topic_id', '=', topicId));
  }
  if (options.authorId) {
    const authorId = options.authorId;
    query = query.where((eb) => eb.or([
      eb('articles.author_id', '=', authorId),
      eb('articles.id', 'in', eb.selectFrom('article_bylines').select('article_bylines.article_id').where('article_bylines.user_id', '=', authorId)),
    ]));
  }
  if (options.before) query = query.where('articles.published_at', '<', options.before);
  return query.limit(options.limit).offset(options.offset ?? 0).execute();
}

/** Up to `limit` public articles sharing the most topics with this one; ties go to the newest. */
export function relatedTeasers(db: Kysely<Database>, articleId: string, now: Date, limit: number) {
  return db
    .selectFrom('article_topics as mine')
    .innerJoin('article_topics as other', (join) =>
      join.onRef('other.topic_id', '=', 'mine.topic_id').onRef('other.article_id', '<>', 'mine.article_id'))
    .innerJoin('articles', 'articles.id', 'other.article_id')
    .innerJoin('users', 'users.id', 'articles.author_id')
    .where('mine.article_id', '=', articleId)
    .where('articles.kind', '=', 'article')
    .where('articles.status', 'in', ['published', 'scheduled'])
    .where('articles.published_at', '<=', now.toISOString())
    .select(TEASER_COLUMNS)
    .select((eb) => eb.fn.countAll<number>().as('shared'))
    .groupBy(['articles.id', 'articles.slug', 'articles.title', 'articles.media_tag', 'articles.summary', 'articles.featured_image_url',
      'articles.featured_image_alt', 'articles.published_at', 'articles.author_id', 'users.display_name'])
    .orderBy('shared', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
}

const articleRowQuery = (db: Db) => db
  .selectFrom('articles')
  .innerJoin('users', 'users.id', 'articles.author_id')
  .selectAll('articles')
  .select('users.display_name as author_name');
// Every article page reads its article by slug, and every save by id: both compiled once.
const articleRowById = preparedQuery<{ id: string }>()((db, arg) => articleRowQuery(db).where('articles.id', '=', arg('id')));
const articleRowBySlug = preparedQuery<{ slug: string }>()((db, arg) => articleRowQuery(db).where('articles.slug', '=', arg('slug')));

export async function findArticleRow(db: Db, by: { id: string } | { slug: string }) {
  const [row] = await ('id' in by ? articleRowById(db, by) : articleRowBySlug(db, by));
  return row;
}

export type ArticleRow = NonNullable<Awaited<ReturnType<typeof findArticleRow>>>;

const topicsQuery = (db: Db) => db
  .selectFrom('article_topics')
  .innerJoin('topics', 'topics.id', 'article_topics.topic_id')
  .select(['article_topics.article_id', 'topics.id', 'topics.slug', 'topics.name'])
  .orderBy('topics.name');
const topicsOfOne = preparedQuery<{ articleId: string }>()((db, arg) => topicsQuery(db).where('article_topics.article_id', '=', arg('articleId')));

export function topicsOfArticles(db: Db, articleIds: string[]) {
  if (articleIds.length === 0) return Promise.resolve([]);
  // One article (its page) is the common case: a statement of fixed shape.
  if (articleIds.length === 1) return topicsOfOne(db, { articleId: articleIds[0]! });
  return topicsQuery(db).where('article_topics.article_id', 'in', articleIds).execute();
}

const bylines = preparedQuery<{ articleId: string }>()((db, arg) => db
  .selectFrom('article_bylines')
  .innerJoin('users', 'users.id', 'article_bylines.user_id')
  .select(['users.id', 'users.display_name as name'])
  .where('article_bylines.article_id', '=', arg('articleId'))
  .orderBy('article_bylines.position'));

/** Co-authors of an article in byline order. */
export function bylinesOfArticle(db: Db, articleId: string) {
  return bylines(db, { articleId });
}

export async function replaceArticleBylines(db: Db, articleId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom('article_bylines').where('article_id', '=', articleId).execute();
  if (userIds.length > 0) {
    await db.insertInto('article_bylines').values(userIds.map((userId, index) => ({ article_id: articleId, user_id: userId, position: index + 1 }))).execute();
  }
}

const sources = preparedQuery<{ articleId: string }>()((db, arg) =>
  db.selectFrom('article_sources').select(['name', 'url']).where('article_id', '=', arg('articleId')).orderBy('position'));

export function sourcesOfArticle(db: Db, articleId: string) {
  return sources(db, { articleId });
}

export async function slugTaken(db: Db, table: 'articles' | 'topics', slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom(table).select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertArticle(db: Db, row: NewRow<'articles'>): Promise<void> {
  await db.insertInto('articles').values(row).execute();
}

export async function updateArticle(db: Db, id: string, values: RowUpdate<'articles'>): Promise<void> {
  await db.updateTable('articles').set(values).where('id', '=', id).execute();
}

export async function replaceArticleTopics(db: Db, articleId: string, topicIds: string[]): Promise<void> {
  await db.deleteFrom('article_topics').where('article_id', '=', articleId).execute();
  if (topicIds.length > 0) {
    await db.insertInto('article_topics').values(topicIds.map((topicId) => ({ article_id: articleId, topic_id: topicId }))).execute();
  }
}

export async function replaceArticleSources(db: Db, articleId: string, sources: { id: string; name: string; url: string }[]): Promise<void> {
  await db.deleteFrom('article_sources').where('article_id', '=', articleId).execute();
  if (sources.length > 0) {
    await db.insertInto('article_sources').values(sources.map((source, position) => ({ ...source, article_id: articleId, position }))).execute();
  }
}

export async function deleteArticle(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Flips due scheduled articles in one statement; only the instance whose update changed a row gets it back. */
export function publishDue(db: Kysely<Database>, now: Date): Promise<{ id: string; slug: string }[]> {
  return db
    .updateTable('articles')
    .set({ status: 'published' })
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .returning(['id', 'slug'])
    .execute();
}

/**
 * When the next scheduled article goes live on its own (no event announces it), or null: pages cached
 * before then must not outlive that moment.
 */
export async function nextScheduledPublication(db: Kysely<Database>, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('at'))
    .where('status', '=', 'scheduled')
    .where('published_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

export interface AdminFilters {
  /** Articles, or the static pages (listed apart, at /admin/pages). */
  kind?: ArticleKind;
  status?: ArticleStatus;
  topicId?: string;
  authorId?: string;
  text?: string;
  limit: number;
  offset: number;
}

/** Every article for the newsroom's list, most recently edited first, with the total for paging. */
export async function listForAdmin(db: Kysely<Database>, filters: AdminFilters) {
  let query = db.selectFrom('articles').innerJoin('users', 'users.id', 'articles.author_id').where('articles.kind', '=', filters.kind ?? 'article');
  if (filters.status) query = query.where('articles.status', '=', filters.status);
  if (filters.authorId) query = query.where('articles.author_id', '=', filters.authorId);
  if (filters.topicId) {
    const topicId = filters.topicId;
    query = query.where('articles.id', 'in', (eb) =>
      eb.selectFrom('article_topics').select('article_topics.article_id').where('article_topics.topic_id', '=', topicId));
  }
  if (filters.text) {
    const pattern = `%${filters.text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    // SQLite's LIKE has no escape character unless one is named; PostgreSQL's LIKE is case-sensitive.
    query = query.where(sql<boolean>`(lower(articles.title) like ${pattern} escape '\\' or articles.slug like ${pattern} escape '\\')`);
  }
  const [rows, total] = await Promise.all([
    query
      .select(['articles.id', 'articles.slug', 'articles.title', 'articles.media_tag', 'articles.status', 'articles.published_at',
        'articles.updated_at', 'articles.author_id', 'users.display_name as author_name'])
      .orderBy('articles.updated_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count) };
}

export async function countByStatus(db: Kysely<Database>) {
  const rows = await db.selectFrom('articles').select(['status', (eb) => eb.fn.countAll<number>().as('count')]).where('kind', '=', 'article').groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Partial<Record<ArticleStatus, number>>;
}
