import type { Kysely } from 'kysely';
import { findUserById, STAFF_ROLES } from '../accounts/index.js';
import { newId } from '../db/ids.js';
import type { Database, NewRow, RowUpdate } from '../db/schema.js';
import type { Deps } from '../runtime.js';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.js';
import { articleErrors } from './errors.js';
import * as queries from './queries.js';
import { isReservedPageSlug } from './page-slugs.js';
import { assertImagesDescribed, mediaIdOf, setMediaUsage } from '../media/index.js';
import { articleMediaIds } from './article-media.js';
import { recordSlugChange } from './redirects.js';
import { resolveTopicIds } from './topics.js';
import { isPublic, MEDIA_TAGS, type Article, type ArticleInput, type ArticleKind, type ArticleStatus, type MediaTag } from './types.js';
import {
  assertSlug, limitedText, MAX_BODY_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH, MAX_TOPICS, optionalHttpUrl,
  optionalIsoTime, requiredText, slugify, validSources,
} from './validate.js';
import { assertVideoUrl } from './video.js';

export type ArticleDeps = Pick<Deps, 'db' | 'now'>;

export function toArticle(row: queries.ArticleRow, topics: Article['topics'], sources: Article['sources'], coAuthors: Article['coAuthors'] = []): Article {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    mediaTag: row.media_tag,
    summary: row.summary,
    body: row.body_md,
    videoUrl: row.video_url,
    featuredImageUrl: row.featured_image_url,
    featuredImageAlt: row.featured_image_alt,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    commentsOpen: row.comments_open === 1,
    commentsCloseAfterDays: row.comments_close_after_days,
    premoderate: row.premoderate === 1,
    sticky: row.sticky === 1,
    author: { id: row.author_id, name: row.author_name },
    coAuthors,
    topics,
    sources,
    kind: row.kind,
    showRelated: row.show_related === 1,
  };
}

export async function getArticle(db: Kysely<Database>, by: { id: string } | { slug: string }): Promise<Article | undefined> {
  const row = await queries.findArticleRow(db, by);
  if (!row) return undefined;
  const [topics, sources, coAuthors] = await Promise.all([queries.topicsOfArticles(db, [row.id]), queries.sourcesOfArticle(db, row.id), queries.bylinesOfArticle(db, row.id)]);
  return toArticle(row, topics.map(({ id, slug, name }) => ({ id, slug, name })), sources, coAuthors);
}

export async function requireArticle(db: Kysely<Database>, id: string): Promise<Article> {
  const article = await getArticle(db, { id });
  if (!article) throw articleErrors.raise('ARTICLE_NOT_FOUND');
  return article;
}

/** The article a reader may see at /articles/:slug, or undefined for a draft, a future one or none. */
export async function findPublicArticle({ db, now }: ArticleDeps, slug: string): Promise<Article | undefined> {
  const article = await getArticle(db, { slug });
  return article && isPublic(article, now()) ? article : undefined;
}

export async function createArticle(deps: ArticleDeps, defaultAuthorId: string, input: ArticleInput): Promise<Article> {
  const prepared = await prepare(deps, input, undefined, defaultAuthorId);
  const time = deps.now().toISOString();
  const id = newId(deps.now());
  await deps.db.transaction().execute(async (trx) => {
    await queries.insertArticle(trx, {
      ...(prepared.values as NewRow<'articles'>),
      id,
      created_at: time,
      updated_at: time,
    }).catch(slugRace);
    await queries.replaceArticleTopics(trx, id, prepared.topicIds ?? []);
    await queries.replaceArticleSources(trx, id, (prepared.sources ?? []).map((source) => ({ id: newId(deps.now()), ...source })));
    await queries.replaceArticleBylines(trx, id, prepared.coAuthors ?? []);
  });
  return recordMediaUsage(deps, await requireArticle(deps.db, id));
}

/** Applies the fields present in `input`; every check runs before the first write. */
export async function updateArticle(deps: ArticleDeps, id: string, input: ArticleInput): Promise<Article> {
  const current = await requireArticle(deps.db, id);
  const prepared = await prepare(deps, input, current, current.author.id);
  await deps.db.transaction().execute(async (trx) => {
    await queries.updateArticle(trx, id, { ...prepared.values, updated_at: deps.now().toISOString() }).catch(slugRace);
    if (prepared.topicIds) await queries.replaceArticleTopics(trx, id, prepared.topicIds);
    if (prepared.sources) {
      await queries.replaceArticleSources(trx, id, prepared.sources.map((source) => ({ id: newId(deps.now()), ...source })));
    }
    if (prepared.coAuthors) await queries.replaceArticleBylines(trx, id, prepared.coAuthors);
    // The old address keeps leading here: links and search results out there still name it.
    if (prepared.values.slug && prepared.values.slug !== current.slug) await recordSlugChange(trx, id, current.slug, prepared.values.slug, deps.now(), current.kind);
  });
  return recordMediaUsage(deps, await requireArticle(deps.db, id));
}

export async function deleteArticle({ db }: ArticleDeps, id: string): Promise<void> {
  let deleted: boolean;
  try {
    deleted = await queries.deleteArticle(db, id);
    // The media library's count of what uses each image (src/media): this article no longer does.
    if (deleted) for (const kind of ['article', 'page']) await setMediaUsage({ db, now: () => new Date() }, { kind, id, title: '', url: '' }, []);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw articleErrors.raise('ARTICLE_IN_USE');
    throw error;
  }
  if (!deleted) throw articleErrors.raise('ARTICLE_NOT_FOUND');
}

/** Tells the media library which images this article uses now (its usage count, and refused deletions). */
export async function recordMediaUsage(deps: ArticleDeps, article: Article): Promise<Article> {
  const owner = { kind: article.kind, id: article.id, title: article.title, url: `/admin/${article.kind === 'page' ? 'pages' : 'articles'}/${article.id}` };
  await setMediaUsage(deps, owner, articleMediaIds(article.featuredImageUrl, article.body));
  return article;
}

function slugRace(error: unknown): never {
  throw isUniqueViolation(error) ? articleErrors.raise('SLUG_TAKEN', undefined, 'slug') : error;
}

async function prepare(deps: ArticleDeps, input: ArticleInput, current: Article | undefined, defaultAuthorId: string) {
  const { db } = deps;
  const values: RowUpdate<'articles'> = {};
  // Size first: an oversized body is refused as such (413), whatever else is wrong with the request.
  if (input.body !== undefined) {
    if (input.body.length > MAX_BODY_LENGTH) {
      throw articleErrors.raise('ARTICLE_TOO_LONG', `The article body is too long: at most ${MAX_BODY_LENGTH.toLocaleString('en-US')} characters.`, 'body', { limit: MAX_BODY_LENGTH });
    }
    values.body_md = input.body;
  } else if (!current) values.body_md = '';

  if (input.title !== undefined || !current) values.title = requiredText(input.title, 'title', MAX_TITLE_LENGTH, 'TITLE_REQUIRED');
  const kind = current?.kind ?? input.kind ?? 'article';
  if (!current) values.kind = kind;
  const slug = input.slug?.trim();
  if (slug) {
    assertSlug(slug);
    if (kind === 'page' && isReservedPageSlug(slug)) throw articleErrors.raise('SLUG_RESERVED', undefined, 'slug');
    if (slug !== current?.slug && (await queries.slugTaken(db, 'articles', slug, current?.id))) throw articleErrors.raise('SLUG_TAKEN', undefined, 'slug');
    values.slug = slug;
  } else if (!current) {
    values.slug = await freeSlug(db, slugify(values.title!) || kind, kind);
  }
  // A page shows neither comments nor related stories unless the editor turns them on.
  if (input.showRelated !== undefined || !current) values.show_related = (input.showRelated ?? kind === 'article') ? 1 : 0;
  if (input.mediaTag !== undefined) values.media_tag = mediaTag(input.mediaTag);
  else if (!current) values.media_tag = null;
  if (input.summary !== undefined || !current) values.summary = limitedText((input.summary ?? '').trim(), 'summary', MAX_SUMMARY_LENGTH);
  if (input.videoUrl !== undefined || !current) values.video_url = assertVideoUrl(input.videoUrl);
  if (input.featuredImageUrl !== undefined || !current) {
    // A library image is named `/media/ID` (src/media); any other value stays a full http(s) address.
    const mediaId = mediaIdOf(input.featuredImageUrl);
    values.featured_image_url = mediaId ? `/media/${mediaId}` : optionalHttpUrl(input.featuredImageUrl, 'featuredImageUrl');
  }
  if (input.featuredImageAlt !== undefined || !current) {
    values.featured_image_alt = limitedText((input.featuredImageAlt ?? '').trim(), 'featuredImageAlt', 300) || null;
  }
  if (input.authorId !== undefined || !current) values.author_id = await staffAuthor(db, input.authorId?.trim() || defaultAuthorId);
  if (input.commentsOpen !== undefined || !current) values.comments_open = (input.commentsOpen ?? kind === 'article') ? 1 : 0;
  if (input.premoderate !== undefined || !current) values.premoderate = input.premoderate ? 1 : 0;
  if (input.sticky !== undefined || !current) values.sticky = input.sticky ? 1 : 0;
  if (input.commentsCloseAfterDays !== undefined || !current) {
    const days = input.commentsCloseAfterDays ?? null;
    if (days !== null && (!Number.isInteger(days) || days < 0 || days > 3650)) {
      throw articleErrors.raise('VALUE_INVALID', 'Comments close after 0 to 3650 days, or the site default.', 'commentsCloseAfterDays');
    }
    values.comments_close_after_days = days;
  }

  const topicIds = input.topics !== undefined ? await resolveTopicIds(db, input.topics) : undefined;
  if (topicIds && topicIds.length > MAX_TOPICS) throw articleErrors.raise('TOPIC_UNKNOWN', `At most ${MAX_TOPICS} topics.`, 'topics');
  const sources = input.sources !== undefined ? validSources(input.sources) : undefined;
  const author = values.author_id ?? current?.author.id;
  const coAuthors = input.coAuthors !== undefined ? await coAuthorIds(db, input.coAuthors, author) : undefined;
  Object.assign(values, publication(input, current, deps.now()));
  if (values.status !== 'draft') {
    await assertImagesDescribed(deps, {
      featuredImageUrl: values.featured_image_url !== undefined ? values.featured_image_url : current?.featuredImageUrl ?? null,
      featuredImageAlt: values.featured_image_alt !== undefined ? values.featured_image_alt : current?.featuredImageAlt ?? null,
      body: values.body_md ?? current?.body ?? '',
    });
  }
  return { values, topicIds, sources, coAuthors };
}

function mediaTag(value: MediaTag | '' | null): MediaTag | null {
  if (!value) return null;
  if (!MEDIA_TAGS.includes(value)) throw articleErrors.raise('MEDIA_TAG_INVALID', undefined, 'mediaTag');
  return value;
}

async function staffAuthor(db: Kysely<Database>, userId: string, field = 'authorId'): Promise<string> {
  const user = await findUserById(db, userId);
  if (!user || !STAFF_ROLES.includes(user.role)) throw articleErrors.raise('AUTHOR_UNKNOWN', undefined, field);
  return user.id;
}

const MAX_CO_AUTHORS = 10;

/** Staff ids for further bylines, each once, the author left out (their byline comes first anyway). */
async function coAuthorIds(db: Kysely<Database>, ids: string[], authorId: string | undefined): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.trim()).filter(Boolean))].filter((id) => id !== authorId);
  if (unique.length > MAX_CO_AUTHORS) throw articleErrors.raise('AUTHOR_UNKNOWN', `At most ${MAX_CO_AUTHORS} co-authors.`, 'coAuthors');
  for (const id of unique) await staffAuthor(db, id, 'coAuthors');
  return unique;
}

/** A unique slug from a title: `water-rates`, then `water-rates-2`, `water-rates-3`… */
async function freeSlug(db: Kysely<Database>, base: string, kind: 'article' | 'page' = 'article'): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (kind === 'page' && isReservedPageSlug(candidate)) continue;
    if (!(await queries.slugTaken(db, 'articles', candidate))) return candidate;
  }
  return `${base}-${newId().slice(-6)}`;
}

/**
 * Status and time together. Published means live now (a past time is kept, for backdating); scheduled
 * needs a future time, except an article already scheduled whose time came while it was being edited.
 */
function publication(input: ArticleInput, current: Article | undefined, now: Date): { status: ArticleStatus; published_at: string | null } {
  const nowIso = now.toISOString();
  const given = input.publishedAt === undefined ? undefined : optionalIsoTime(input.publishedAt, 'publishedAt');
  const status = input.status ?? current?.status ?? 'draft';
  const time = given !== undefined ? given : current?.publishedAt ?? null;
  if (status === 'published') {
    if (given && given > nowIso) {
      throw articleErrors.raise('DATE_INVALID', 'A published article cannot have a future time; schedule it instead.', 'publishedAt');
    }
    if (given) return { status, published_at: given };
    const keep = current?.publishedAt;
    return { status, published_at: keep && keep <= nowIso ? keep : nowIso };
  }
  if (status === 'scheduled') {
    if (!time) throw articleErrors.raise('DATE_INVALID', 'A scheduled article needs the time it goes live.', 'publishedAt');
    if (time <= nowIso) {
      const explicit = input.status === 'scheduled' || given !== undefined;
      if (explicit) throw articleErrors.raise('SCHEDULE_IN_PAST', undefined, 'publishedAt');
      return { status: 'published', published_at: time };
    }
    return { status, published_at: time };
  }
  return { status: 'draft', published_at: time };
}

export interface ArticleListFilters {
  kind?: ArticleKind;
  status?: ArticleStatus;
  /** A topic id or slug. */
  topic?: string;
  authorId?: string;
  text?: string;
  page: number;
  pageSize: number;
}

export interface ArticleListItem {
  id: string;
  slug: string;
  title: string;
  mediaTag: MediaTag | null;
  status: ArticleStatus;
  public: boolean;
  publishedAt: string | null;
  updatedAt: string;
  author: { id: string; name: string };
}

/** The newsroom's article list: every status, filtered, most recently edited first. */
export async function listArticles({ db, now }: ArticleDeps, filters: ArticleListFilters): Promise<{ items: ArticleListItem[]; total: number }> {
  const [topicId] = filters.topic ? await resolveTopicIds(db, [filters.topic], 'topic') : [];
  const { rows, total } = await queries.listForAdmin(db, {
    kind: filters.kind,
    status: filters.status,
    topicId,
    authorId: filters.authorId || undefined,
    text: filters.text?.trim() || undefined,
    limit: filters.pageSize,
    offset: (filters.page - 1) * filters.pageSize,
  });
  const items = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    mediaTag: row.media_tag,
    status: row.status,
    public: isPublic({ status: row.status, publishedAt: row.published_at }, now()),
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    author: { id: row.author_id, name: row.author_name },
  }));
  return { items, total };
}
