import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { isReservedPageSlug, pathOf } from './page-slugs.js';
import { recordRedirects, type OldAddress } from './redirects.js';
import { recordMediaUsage, requireArticle } from './service.js';
import type { ArticleKind } from './types.js';
import { isSlug, slugFrom, type SlugStyle } from './slugs.js';
import { MAX_BODY_LENGTH, MAX_SLUG_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH, MAX_TOPICS } from './validate.js';

/**
 * The articles side of importing another site: articles and topics written as they were there (dates,
 * status, author), bypassing the editor's checks that only make sense for new writing (a published
 * date in the past, for one). Limits that protect pages (lengths, slug shape) still hold.
 */
type Db = Kysely<Database>;

export { MAX_BODY_LENGTH as MAX_IMPORTED_BODY_LENGTH, MAX_TOPICS, type OldAddress, type SlugStyle };

export interface ImportedArticle {
  /** `page`: served at `/{slug}`; a slug Tribune keeps for its own addresses gets `-page` (`RESERVED_PAGE_SUFFIX`). */
  kind?: ArticleKind;
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
  /** Open or closed as the old site had it; an open discussion stays open (no auto-close for old posts). */
  commentsOpen: boolean;
  topicIds: string[];
  videoUrl?: string | null;
  sticky?: boolean;
  /** Co-authors after `authorId`, in byline order. */
  coAuthorIds?: string[];
  /** Where the article lived before; each answers 301 with its address here once it is public. */
  oldAddresses?: OldAddress[];
  /** Who recorded `oldAddresses` (`wordpress`, `disqus`), and when. */
  source?: string;
  importedAt?: string;
}

export interface WrittenArticle {
  id: string;
  slug: string;
  /** Topics beyond what an article carries (`MAX_TOPICS`), left off it. */
  droppedTopics: number;
}

export const RESERVED_PAGE_SUFFIX = '-page';

/**
 * A valid slug from a WordPress `post_name` or a URL segment (percent-encoded, any case, any alphabet),
 * or ''. `unicode` keeps the old site's words (its permalinks were those words); `ascii` spells them in a–z.
 */
export function importSlug(raw: string, style: SlugStyle = 'unicode'): string {
  let text = raw.trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    // Not percent-encoded after all: use it as it is.
  }
  const lower = text.normalize('NFC').toLowerCase();
  if (style === 'unicode' && isSlug(lower, MAX_SLUG_LENGTH)) return lower;
  return slugFrom(text, style, MAX_SLUG_LENGTH);
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

/**
 * Topic ids by slug (as given, and as made valid), creating the missing ones; `created` counts those,
 * `unusable` the topics no slug can be made for (a name of symbols only).
 */
export async function ensureTopics(
  db: Db,
  now: () => Date,
  topics: readonly { slug: string; name: string; description?: string }[],
  style: SlugStyle = 'unicode',
): Promise<{ ids: Map<string, string>; created: number; unusable: number }> {
  const wanted = new Map<string, { name: string; description: string }>();
  const slugOf = (topic: { slug: string; name: string }) => importSlug(topic.slug, style) || importSlug(topic.name, style);
  let unusable = 0;
  for (const topic of topics) {
    const slug = slugOf(topic);
    if (!slug) unusable += 1;
    else if (!wanted.has(slug)) wanted.set(slug, { name: clip(topic.name.trim() || slug, 80), description: clip(topic.description?.trim() ?? '', 500) });
  }
  const result = new Map<string, string>();
  if (wanted.size === 0) return { ids: result, created: 0, unusable };
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
    const id = result.get(slugOf(topic));
    if (id) result.set(topic.slug, id);
  }
  return { ids: result, created, unusable };
}

/** Inserts an imported article, `slug` made valid (in `style`) and unique. */
export async function insertImportedArticle(db: Db, article: ImportedArticle, style: SlugStyle = 'unicode'): Promise<WrittenArticle> {
  const id = newId(new Date(article.createdAt));
  const wanted = importSlug(article.slug, style) || importSlug(article.title, style) || `${article.kind ?? 'article'}-${id.slice(-6)}`;
  const slug = await freeSlug(db, article.kind === 'page' && isReservedPageSlug(wanted) ? `${wanted}${RESERVED_PAGE_SUFFIX}` : wanted);
  await db
    .insertInto('articles')
    .values({ id, slug, ...columns(article), created_at: article.createdAt })
    .execute();
  return { id, slug, ...(await attach(db, id, slug, article)) };
}

/** Gives a placeholder article (a Disqus thread's stub) the real content, keeping its id, slug and comments. */
export async function fillImportedArticle(db: Db, id: string, article: ImportedArticle): Promise<WrittenArticle> {
  await db.updateTable('articles').set({ ...columns(article), created_at: article.createdAt }).where('id', '=', id).execute();
  await db.deleteFrom('article_topics').where('article_id', '=', id).execute();
  await db.deleteFrom('article_bylines').where('article_id', '=', id).execute();
  const { slug } = await db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, slug, ...(await attach(db, id, slug, article)) };
}

/** Old addresses of an article imported earlier (a run before redirects were kept, or a second file naming it). */
export async function addOldAddresses(db: Db, articleId: string, addresses: readonly OldAddress[], source: string, now: Date): Promise<void> {
  const row = await db.selectFrom('articles').select(['slug', 'kind']).where('id', '=', articleId).executeTakeFirst();
  if (row) await recordRedirects(db, articleId, withoutOwnPath(addresses, row.slug, row.kind), source, now);
}

async function attach(db: Db, id: string, slug: string, article: ImportedArticle): Promise<{ droppedTopics: number }> {
  const droppedTopics = await setTopics(db, id, article.topicIds);
  const coAuthors = [...new Set(article.coAuthorIds ?? [])].filter((userId) => userId !== article.authorId);
  if (coAuthors.length > 0) {
    await db.insertInto('article_bylines').values(coAuthors.map((user_id, index) => ({ article_id: id, user_id, position: index + 1 }))).execute();
  }
  const addresses = withoutOwnPath(article.oldAddresses ?? [], slug, article.kind);
  if (addresses.length > 0) await recordRedirects(db, id, addresses, article.source ?? 'import', new Date(article.importedAt ?? article.updatedAt));
  return { droppedTopics };
}

/** An old address that is the article's own address here needs no redirect (and must not make a loop). */
function withoutOwnPath(addresses: readonly OldAddress[], slug: string, kind: ArticleKind = 'article'): OldAddress[] {
  const own = decodeURIComponent(pathOf(kind, slug));
  return addresses.filter((address) => address.path !== own);
}

function columns(article: ImportedArticle) {
  return {
    kind: article.kind ?? 'article',
    // A page shows "More on this topic" only when an editor asks for it, as in the editor.
    show_related: article.kind === 'page' ? 0 : 1,
    title: clip(article.title.trim() || 'Untitled', MAX_TITLE_LENGTH),
    media_tag: null,
    summary: clip(article.summary.trim(), MAX_SUMMARY_LENGTH),
    body_md: article.body,
    video_url: article.videoUrl ?? null,
    featured_image_url: null,
    featured_image_alt: null,
    author_id: article.authorId,
    status: article.status,
    published_at: article.publishedAt,
    updated_at: article.updatedAt,
    comments_open: article.commentsOpen ? 1 : 0,
    // 0 days is "never": the site's auto-close counts from publication, and would close every old discussion.
    comments_close_after_days: 0,
    premoderate: 0,
    sticky: article.sticky ? 1 : 0,
  };
}

/** Links the first `MAX_TOPICS` topics; returns how many were left off. */
async function setTopics(db: Db, articleId: string, topicIds: readonly string[]): Promise<number> {
  const all = [...new Set(topicIds)];
  const unique = all.slice(0, MAX_TOPICS);
  if (unique.length > 0) await db.insertInto('article_topics').values(unique.map((topic_id) => ({ article_id: articleId, topic_id }))).execute();
  return all.length - unique.length;
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

/**
 * Images an import brought into the media library after the article was written (attachments may come
 * after their posts in the file): the body with `/media/ID` images and the featured image, then the
 * library told of the article's images as the editor's save does.
 */
export async function setImportedImages(
  deps: { db: Db; now: () => Date },
  id: string,
  images: { body: string; featuredImageUrl?: string; featuredImageAlt?: string },
): Promise<void> {
  await deps.db
    .updateTable('articles')
    .set({
      body_md: images.body,
      ...(images.featuredImageUrl ? { featured_image_url: images.featuredImageUrl, featured_image_alt: images.featuredImageAlt ?? '' } : {}),
    })
    .where('id', '=', id)
    .execute();
  await recordMediaUsage(deps, await requireArticle(deps.db, id));
}

/** Removes a stand-in article an import created, once its comments have gone to their real article. */
export async function deleteImportedStub(db: Db, id: string): Promise<void> {
  await db.deleteFrom('article_topics').where('article_id', '=', id).execute();
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

/** Re-points an article's old addresses at another article (a stand-in's thread address goes with its comments). */
export async function moveOldAddresses(db: Db, fromArticleId: string, toArticleId: string): Promise<void> {
  await db.updateTable('article_redirects').set({ article_id: toArticleId }).where('article_id', '=', fromArticleId).execute();
}
