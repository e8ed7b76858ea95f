import type { Kysely } from 'kysely';
import {
  addOldAddresses, articleIdsBySlug, ensureTopics, fillImportedArticle, importSlug, insertImportedArticle, MAX_IMPORTED_BODY_LENGTH, MAX_TOPICS,
  oldAddress, RESERVED_PAGE_SUFFIX, type ImportedArticle, type OldAddress, type SlugStyle,
} from '../../articles/index.js';
import type { ArticleStatus, Database } from '../../db/schema.js';
import type { CommentImporter } from '../comment-import.js';
import { parseHtml, textContent } from '../html-tree.js';
import { forgetDisqusStub, isDisqusStub, knownIds, rememberIds, type ImportRun, type KnownId } from '../import-ids.js';
import { ALREADY_IMPORTED, type ImportReport } from '../report.js';
import type { WordPressAuthors } from './authors.js';
import { wordpressContent } from './content.js';
import type { WpPost, WpTerm } from './records.js';

export const POSTS = 'posts';
export const TOPICS = 'topics';
export const TOPIC_LINKS = 'topics on posts';
export const PROTECTED = 'password-protected posts, imported as drafts (publish one only if it may be public)';
export const UNDATED = 'published posts without a date, imported as drafts';
export const PAGES = 'pages';

/** A post written (now or by an earlier run) whose images the media pass may bring in once the file has ended. */
export interface LandedPost {
  articleId: string;
  postId: string;
  line: number;
  thumbnailId: string;
}

/** Statuses that never were content: WordPress's trash, its autosaves and revisions. */
const NOT_CONTENT: Record<string, string> = { trash: 'in the WordPress trash', 'auto-draft': 'WordPress autosaves', inherit: 'revisions and attachments' };
const CONTENT_TYPES = new Set(['post', 'page']);

/**
 * WordPress posts as articles and pages as pages: authors and co-authors become staff bylines,
 * categories and tags topics; dates, status, stickiness and the comments' open state are kept, and the
 * old permalinks are remembered so they answer 301. Attachments and menu items are skipped with their comments.
 */
export class WordPressPostImporter {
  private buffer: WpPost[] = [];
  baseUrl: string | undefined;
  /** The old site's host (`old.example.org`): where `/?p=ID` was answered. */
  host = '';

  constructor(
    private readonly options: {
      db: Kysely<Database>; run: ImportRun; report: ImportReport; comments: CommentImporter; authors: WordPressAuthors; slugStyle: SlugStyle; batchSize?: number;
      /** Told of each post with a featured image or uploads in its content, imported now or before. */
      landed?: (post: LandedPost) => void;
    },
  ) {}

  async addTerms(terms: WpTerm[]): Promise<void> {
    const { created, unusable } = await ensureTopics(this.options.db, this.options.run.now, terms, this.options.slugStyle);
    this.options.report.imported(TOPICS, created);
    if (unusable > 0) this.options.report.skipped(TOPICS, 'no letters or digits in the name to make an address from', unusable);
    if (created + unusable < terms.length) this.options.report.skipped(TOPICS, 'a topic with that slug already exists', terms.length - created - unusable);
  }

  async add(post: WpPost): Promise<void> {
    this.buffer.push(post);
    if (this.buffer.length >= (this.options.batchSize ?? 50)) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return;
    const { db, run, report } = this.options;
    const byId = new Map(batch.map((post) => [post.id, post]));
    const known = await knownIds(db, run, 'post', batch.map((post) => post.id), (legacy) => this.samePosts(legacy, byId));
    const landed: string[] = [];
    const seen = new Set<string>();
    for (const post of batch) {
      const earlier = known.get(post.id);
      if (seen.has(post.id) || earlier?.runId === run.runId) {
        report.failed(POSTS, post.line, post.id, 'the same id appears earlier in the file; this copy is skipped');
        continue;
      }
      seen.add(post.id);
      if (earlier) {
        report.skipped(POSTS, ALREADY_IMPORTED);
        // Runs from before old addresses were kept leave them now; an address already taken is left alone.
        if (earlier.localId) {
          await addOldAddresses(db, earlier.localId, this.oldAddresses(post), 'wordpress', run.now()).catch(() => {});
          this.tellLanded(post, earlier.localId);
        }
        continue;
      }
      const reason = leftOut(post);
      if (reason) {
        // Remembered as left out, so their comments are skipped quietly rather than reported as lost.
        await rememberIds(db, run, 'post', [{ externalId: post.id, localId: '' }]);
        report.skipped(POSTS, reason);
        continue;
      }
      try {
        await this.importPost(post);
        landed.push(post.id);
      } catch (error) {
        report.failed(POSTS, post.line, post.id, (error as Error).message);
      }
    }
    await this.options.comments.threadsLanded(landed);
  }

  /** One post, in its own transaction: it carries its topics, and may fill in a Disqus stub. */
  private async importPost(post: WpPost): Promise<void> {
    const { db, run, report, authors, slugStyle } = this.options;
    const { body, videoUrl } = wordpressContent(post.content, this.baseUrl);
    if (body.length > MAX_IMPORTED_BODY_LENGTH) throw new Error(`the post is longer than ${MAX_IMPORTED_BODY_LENGTH.toLocaleString('en-US')} characters once converted`);
    const authorId = await authors.idFor(post.creator || 'wordpress', post.line);
    const coAuthorIds: string[] = [];
    for (const login of post.coAuthors) if (login !== post.creator) coAuthorIds.push(await authors.idFor(login, post.line));
    const created = post.date ?? run.now().toISOString();
    const { status, publishedAt, list } = publication(post, run.now());
    const article: ImportedArticle = {
      kind: post.type === 'page' ? 'page' : 'article',
      title: post.title || `Untitled post ${post.id}`,
      slug: post.slug || post.title,
      summary: textContent(parseHtml(post.excerpt)).replace(/\s+/g, ' ').trim(),
      body,
      authorId,
      status,
      publishedAt,
      createdAt: created,
      updatedAt: post.modified && post.modified > created ? post.modified : created,
      commentsOpen: post.commentsOpen,
      topicIds: [],
      videoUrl,
      sticky: post.sticky,
      coAuthorIds,
      oldAddresses: this.oldAddresses(post),
      source: 'wordpress',
      importedAt: run.now().toISOString(),
    };
    const wantedSlug = importSlug(article.slug, slugStyle) || importSlug(article.title, slugStyle);
    const [existing] = (await articleIdsBySlug(db, [wantedSlug])).values();
    const stub = existing ? await isDisqusStub(db, existing) : false;
    let articleId = '';
    const { newTopics, droppedTopics } = await db.transaction().execute(async (trx) => {
      const topics = await ensureTopics(trx, run.now, post.terms, slugStyle);
      article.topicIds = post.terms.flatMap((term) => topics.ids.get(term.slug) ?? []);
      let written;
      if (existing && stub) {
        // Disqus came first and held this address with a placeholder: the post fills it, comments and all.
        written = await fillImportedArticle(trx, existing, article);
        await forgetDisqusStub(trx, existing);
      } else {
        written = await insertImportedArticle(trx, article, slugStyle);
        if (existing) report.notice(POSTS, post.line, post.id, `the slug "${wantedSlug}" belongs to another article; imported as "${written.slug}"`);
        else if (written.slug === `${wantedSlug}${RESERVED_PAGE_SUFFIX}`) {
          report.notice(PAGES, post.line, post.id, `"/${wantedSlug}" is one of Tribune's own addresses; the page was imported as "/${written.slug}"`);
        }
      }
      await rememberIds(trx, run, 'post', [{ externalId: post.id, localId: written.id }]);
      articleId = written.id;
      return { newTopics: topics.created, droppedTopics: written.droppedTopics + topics.unusable };
    });
    if (newTopics > 0) report.imported(TOPICS, newTopics);
    if (article.topicIds.length > 0) report.imported(TOPIC_LINKS, Math.min(new Set(article.topicIds).size, MAX_TOPICS));
    if (droppedTopics > 0) {
      report.skipped(TOPIC_LINKS, `beyond the ${MAX_TOPICS} topics an article carries, or with no letters to make an address from`, droppedTopics);
      report.notice(POSTS, post.line, post.id, `${droppedTopics} of its ${post.terms.length} categories and tags were not attached (an article carries at most ${MAX_TOPICS} topics)`);
    }
    if (list) report.listed(list, { line: post.line, id: post.id, text: article.title });
    report.imported(post.type === 'page' ? PAGES : POSTS);
    this.tellLanded(post, articleId);
  }

  private tellLanded(post: WpPost, articleId: string): void {
    if (post.thumbnailId || post.content.includes('/wp-content/uploads/')) {
      this.options.landed?.({ articleId, postId: post.id, line: post.line, thumbnailId: post.thumbnailId });
    }
  }

  /** The permalink, the guid when it is an address, and WordPress's own `/?p=ID` (`/?page_id=ID` for pages). */
  private oldAddresses(post: WpPost): OldAddress[] {
    const addresses: OldAddress[] = [];
    for (const url of [post.link, post.guid]) {
      const address = /^https?:\/\//i.test(url) ? oldAddress(url) : null;
      if (address) addresses.push(address);
    }
    if (/^\d+$/.test(post.id)) {
      addresses.push({ host: this.host, path: `/?p=${post.id}` });
      if (post.type === 'page') addresses.push({ host: this.host, path: `/?page_id=${post.id}` });
    }
    return addresses;
  }

  /**
   * Posts an unscoped earlier import brought in that are this file's: the article has the post's title, or
   * the post was left out then and would be now. Another site's post 101 has another title.
   */
  private async samePosts(legacy: Map<string, KnownId>, byId: Map<string, WpPost>): Promise<Set<string>> {
    const ids = [...legacy.values()].map((row) => row.localId).filter(Boolean);
    const titles = new Map<string, string>();
    if (ids.length > 0) {
      for (const row of await this.options.db.selectFrom('articles').select(['id', 'title']).where('id', 'in', ids).execute()) titles.set(row.id, row.title);
    }
    const same = new Set<string>();
    for (const [externalId, row] of legacy) {
      const post = byId.get(externalId);
      if (!post) continue;
      const title = post.title || `Untitled post ${post.id}`;
      if (row.localId ? titles.get(row.localId) === title.slice(0, 300).trim() : leftOut(post) !== undefined) same.add(externalId);
    }
    return same;
  }
}

/** Why a record of the file is not an article here (an attachment, the trash), or undefined. */
function leftOut(post: WpPost): string | undefined {
  return !CONTENT_TYPES.has(post.type) ? `not a post (${post.type.slice(0, 30)})` : NOT_CONTENT[post.status];
}

/**
 * WordPress status → ours, for posts and pages alike. Published stays published with its date and future
 * is scheduled — unless the post was password-protected or has no date: those are drafts, listed for an editor to decide.
 * Drafts, pending review and private posts are drafts.
 */
function publication(post: WpPost, now: Date): { status: ArticleStatus; publishedAt: string | null; list?: string } {
  const date = post.date;
  const live = post.status === 'publish' || post.status === 'future';
  if (live && post.password) return { status: 'draft', publishedAt: date, list: PROTECTED };
  if (live && !date) return { status: 'draft', publishedAt: null, list: UNDATED };
  if (post.status === 'publish' && date) return { status: 'published', publishedAt: date };
  if (post.status === 'future' && date) return date > now.toISOString() ? { status: 'scheduled', publishedAt: date } : { status: 'published', publishedAt: date };
  return { status: 'draft', publishedAt: null };
}
