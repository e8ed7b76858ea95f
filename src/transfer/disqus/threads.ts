import type { Kysely } from 'kysely';
import { archiveAuthor } from '../../accounts/reader-data.js';
import { articleIdsBySlug, importSlug, insertImportedArticle } from '../../articles/import-writer.js';
import type { Database } from '../../db/schema.js';
import type { CommentImporter } from '../comment-import.js';
import { lookupIds, rememberIds, type ImportRun } from '../import-ids.js';
import type { ImportReport } from '../report.js';
import type { DisqusThread } from './records.js';

export const THREADS = 'threads';
export const STUBS = 'draft articles for unmatched threads';

/** The article slug a thread's address points at: `/articles/SLUG`, or the last segment of a permalink. */
export function slugFromLink(link: string): string {
  let path = link.trim();
  try {
    path = new URL(path).pathname;
  } catch {
    path = path.split(/[?#]/)[0];
  }
  const segments = path.split('/').filter(Boolean);
  const at = segments.indexOf('articles');
  const segment = at >= 0 && segments[at + 1] ? segments[at + 1] : segments[segments.length - 1];
  return segment ? importSlug(segment.replace(/\.(html?|php|aspx?)$/i, '')) : '';
}

/** WordPress's post id when the thread names one (`?p=123` links, the plugin's `123 https://…` identifiers). */
export function wordpressPostId(thread: Pick<DisqusThread, 'link' | 'identifier'>): string | null {
  const fromIdentifier = /^(\d+)\s/.exec(thread.identifier);
  if (fromIdentifier) return fromIdentifier[1];
  try {
    const id = new URL(thread.link).searchParams.get('p');
    return id && /^\d+$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * Maps Disqus threads to articles: a WordPress post imported earlier, else an article with the slug
 * the link points at, else a new draft article standing in for the page (see docs/importing.md
 * for why drafts). Threads deleted in Disqus get no stand-in; their posts are skipped.
 */
export class DisqusThreadImporter {
  private buffer: DisqusThread[] = [];
  private stubAuthor: string | undefined;

  constructor(
    private readonly options: { db: Kysely<Database>; run: ImportRun; report: ImportReport; comments: CommentImporter; batchSize?: number },
  ) {}

  async add(thread: DisqusThread): Promise<void> {
    this.buffer.push(thread);
    if (this.buffer.length >= (this.options.batchSize ?? 200)) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return;
    const { db, run, report } = this.options;
    const known = await lookupIds(db, run.source, 'thread', batch.map((thread) => thread.id));
    const fresh: DisqusThread[] = [];
    const seen = new Set<string>();
    for (const thread of batch) {
      const earlier = known.get(thread.id);
      if (seen.has(thread.id) || earlier?.runId === run.runId) report.failed(THREADS, thread.line, thread.id, 'the same id appears earlier in the file; this copy is skipped');
      else if (earlier) report.skipped(THREADS, 'already imported by an earlier run');
      else {
        fresh.push(thread);
        seen.add(thread.id);
      }
    }
    if (fresh.length === 0) return;

    const slugs = new Map(fresh.map((thread) => [thread.id, slugFromLink(thread.link)]));
    const matched = await articleIdsBySlug(db, [...slugs.values()]);
    const wordpress = await lookupIds(db, 'wordpress', 'post', fresh.flatMap((thread) => wordpressPostId(thread) ?? []));
    const place = async (trx: Kysely<Database>, threads: DisqusThread[]) => {
      const bySlug = new Map(matched);
      const outcomes: Outcome[] = [];
      for (const thread of threads) outcomes.push(await this.place(trx, thread, slugs.get(thread.id)!, bySlug, wordpress));
      return outcomes;
    };
    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction().execute((trx) => place(trx, fresh));
    } catch {
      // Find the one that fails, alone in its own transaction, and let the others in.
      this.stubAuthor = undefined;
      outcomes = [];
      for (const thread of fresh) {
        try {
          outcomes.push(...(await db.transaction().execute((trx) => place(trx, [thread]))));
        } catch (error) {
          report.failed(THREADS, thread.line, thread.id, `could not be stored: ${(error as Error).message}`);
        }
      }
    }
    const landed: string[] = [];
    for (const outcome of outcomes) {
      if (outcome.skipped) {
        report.skipped(THREADS, outcome.skipped);
        continue;
      }
      if (outcome.stub) report.imported(STUBS);
      report.imported(THREADS);
      landed.push(outcome.threadId);
    }
    await this.options.comments.threadsLanded(landed);
  }

  private async place(
    trx: Kysely<Database>,
    thread: DisqusThread,
    slug: string,
    bySlug: Map<string, string>,
    wordpress: Map<string, { localId: string }>,
  ): Promise<Outcome> {
    const { run } = this.options;
    const wordpressId = wordpressPostId(thread);
    let articleId = (wordpressId ? wordpress.get(wordpressId)?.localId : undefined) || bySlug.get(slug);
    if (!articleId && thread.isDeleted) {
      await rememberIds(trx, run, 'thread', [{ externalId: thread.id, localId: '' }]);
      return { threadId: thread.id, stub: false, skipped: 'deleted in Disqus and matching no article (its posts are skipped)' };
    }
    let stub = false;
    if (!articleId) {
      this.stubAuthor ??= await archiveAuthor({ db: trx, now: run.now });
      const createdAt = thread.createdAt ?? run.now().toISOString();
      const created = await insertImportedArticle(trx, {
        title: thread.title || thread.link,
        slug: slug || thread.title,
        summary: `Comments imported from Disqus for ${thread.link || thread.title}.`,
        body: '',
        authorId: this.stubAuthor,
        status: 'draft',
        publishedAt: null,
        createdAt,
        updatedAt: createdAt,
        commentsOpen: !thread.isClosed,
        topicIds: [],
      });
      articleId = created.id;
      stub = true;
      // Found again by slug by the next thread with the same address (http and https twins).
      if (slug) bySlug.set(slug, created.id);
      await rememberIds(trx, run, 'stub', [{ externalId: created.id, localId: created.id }]);
    }
    await rememberIds(trx, run, 'thread', [{ externalId: thread.id, localId: articleId }]);
    return { threadId: thread.id, stub };
  }
}

interface Outcome {
  threadId: string;
  stub: boolean;
  skipped?: string;
}

