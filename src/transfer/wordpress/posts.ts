import type { Kysely } from 'kysely';
import { importedStaffAuthor } from '../../accounts/reader-data.js';
import {
  articleIdsBySlug, ensureTopics, fillImportedArticle, importSlug, insertImportedArticle, MAX_IMPORTED_BODY_LENGTH, type ImportedArticle,
} from '../../articles/import-writer.js';
import type { ArticleStatus, Database } from '../../db/schema.js';
import { parseHtml, textContent } from '../html-tree.js';
import type { CommentImporter } from '../comment-import.js';
import { forgetId, lookupIds, rememberIds, type ImportRun } from '../import-ids.js';
import type { ImportReport } from '../report.js';
import { wordpressMarkdown, type WpAuthor, type WpPost, type WpTerm } from './records.js';

export const POSTS = 'posts';
export const AUTHORS = 'authors';
export const TOPICS = 'topics';

/** Statuses that never were content: WordPress's trash, its autosaves and revisions. */
const NOT_CONTENT: Record<string, string> = { trash: 'in the WordPress trash', 'auto-draft': 'WordPress autosaves', inherit: 'revisions and attachments' };

/**
 * WordPress posts as articles: authors become staff without a password (an admin gives them one if they
 * still write), categories and tags become topics, dates and status are kept. Pages, attachments and
 * menu items are not articles and are skipped, as are their comments.
 */
export class WordPressPostImporter {
  private buffer: WpPost[] = [];
  /** WordPress logins seen in this file: a site has a handful of authors. */
  private readonly authors = new Map<string, string>();
  baseUrl: string | undefined;

  constructor(private readonly options: { db: Kysely<Database>; run: ImportRun; report: ImportReport; comments: CommentImporter; batchSize?: number }) {}

  async addAuthor(author: WpAuthor): Promise<void> {
    await this.authorId(author.login, author);
  }

  async addTerms(terms: WpTerm[]): Promise<void> {
    const { created } = await ensureTopics(this.options.db, this.options.run.now, terms);
    this.options.report.imported(TOPICS, created);
    if (created < terms.length) this.options.report.skipped(TOPICS, 'a topic with that slug already exists', terms.length - created);
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
    const known = await lookupIds(db, run.source, 'post', batch.map((post) => post.id));
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
        report.skipped(POSTS, 'already imported by an earlier run');
        continue;
      }
      const reason = post.type !== 'post' ? `not a post (${post.type.slice(0, 30)})` : NOT_CONTENT[post.status];
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
    const { db, run, report } = this.options;
    const body = wordpressMarkdown(post.content, this.baseUrl);
    if (body.length > MAX_IMPORTED_BODY_LENGTH) throw new Error(`the post is longer than ${MAX_IMPORTED_BODY_LENGTH.toLocaleString('en-US')} characters once converted`);
    const authorId = await this.authorId(post.creator || 'wordpress', undefined, post.line);
    const created = post.date ?? run.now().toISOString();
    const article: ImportedArticle = {
      title: post.title || `Untitled post ${post.id}`,
      slug: post.slug || post.title,
      summary: textContent(parseHtml(post.excerpt)).replace(/\s+/g, ' ').trim(),
      body,
      authorId,
      ...publication(post, run.now()),
      createdAt: created,
      updatedAt: post.modified && post.modified > created ? post.modified : created,
      commentsOpen: post.commentsOpen,
      topicIds: [],
    };
    const wantedSlug = importSlug(article.slug) || importSlug(article.title);
    const [existing] = (await articleIdsBySlug(db, [wantedSlug])).values();
    const stub = existing ? (await lookupIds(db, 'disqus', 'stub', [existing])).get(existing) : undefined;
    const newTopics = await db.transaction().execute(async (trx) => {
      const topics = await ensureTopics(trx, run.now, post.terms);
      article.topicIds = post.terms.flatMap((term) => topics.ids.get(term.slug) ?? []);
      let articleId: string;
      if (existing && stub) {
        // Disqus came first and held this address with a placeholder: the post fills it, comments and all.
        await fillImportedArticle(trx, existing, article);
        await forgetId(trx, 'disqus', 'stub', existing);
        articleId = existing;
      } else {
        const inserted = await insertImportedArticle(trx, article);
        if (existing) report.notice(POSTS, post.line, post.id, `the slug "${wantedSlug}" belongs to another article; imported as "${inserted.slug}"`);
        articleId = inserted.id;
      }
      await rememberIds(trx, run, 'post', [{ externalId: post.id, localId: articleId }]);
      return topics.created;
    });
    if (newTopics > 0) report.imported(TOPICS, newTopics);
    report.imported(POSTS);
  }

  private async authorId(login: string, author?: WpAuthor, line = author?.line ?? 0): Promise<string> {
    const cached = this.authors.get(login);
    if (cached) return cached;
    const { db, run, report } = this.options;
    const known = (await lookupIds(db, run.source, 'staff', [login])).get(login);
    let userId = known?.localId;
    if (userId) {
      if (author) report.skipped(AUTHORS, 'already imported by an earlier run');
    } else {
      const created = await importedStaffAuthor({ db, now: run.now }, { email: author?.email ?? null, name: author?.displayName ?? login });
      userId = created.userId;
      if (created.note) report.notice(AUTHORS, line, login, created.note);
      await rememberIds(db, run, 'staff', [{ externalId: login, localId: userId }]);
      report.imported(AUTHORS);
    }
    this.authors.set(login, userId);
    return userId;
  }
}

/** WordPress status → ours: published stays published with its date; future is scheduled; the rest are drafts. */
function publication(post: WpPost, now: Date): { status: ArticleStatus; publishedAt: string | null } {
  const date = post.date;
  if (post.status === 'publish') return { status: 'published', publishedAt: date ?? now.toISOString() };
  if (post.status === 'future' && date) return date > now.toISOString() ? { status: 'scheduled', publishedAt: date } : { status: 'published', publishedAt: date };
  // draft, pending review, private: not public here either.
  return { status: 'draft', publishedAt: null };
}
