import type { Kysely } from 'kysely';
import { archiveAuthor } from '../../accounts/index.js';
import { addOldAddresses, articleIdsBySlug, hostKey, importSlug, insertImportedArticle, oldAddress } from '../../articles/index.js';
import type { Database } from '../../db/schema.js';
import type { CommentImporter } from '../comment-import.js';
import { knownIds, lookupIds, rememberIds, type ImportRun, type KnownId } from '../import-ids.js';
import { ALREADY_IMPORTED, type ImportReport } from '../report.js';
import type { DisqusThread } from './records.js';

export const THREADS = 'threads';
export const STUBS = 'draft articles for unmatched threads';
export const UNMATCHED = 'threads matching no article, kept as drafts (attach each to its article at /admin/imported-threads)';

/**
 * The article slugs a thread's address may point at: `/articles/SLUG`, or the last segment of a
 * permalink, as the WordPress import would have made it (in its own alphabet, or spelled in a–z).
 */
export function slugsFromLink(link: string): string[] {
  let path = link.trim();
  try {
    path = new URL(path).pathname;
  } catch {
    path = path.split(/[?#]/)[0];
  }
  const segments = path.split('/').filter(Boolean);
  const at = segments.indexOf('articles');
  const segment = at >= 0 && segments[at + 1] ? segments[at + 1] : segments[segments.length - 1];
  if (!segment) return [];
  const bare = segment.replace(/\.(html?|php|aspx?)$/i, '');
  return [...new Set([importSlug(bare, 'unicode'), importSlug(bare, 'ascii')].filter(Boolean))];
}

/** WordPress's post id when the thread names one (`?p=123` links, the plugin's `123 https://…` identifiers), and where. */
export function wordpressPostRef(thread: Pick<DisqusThread, 'link' | 'identifier'>): { id: string; url: string } | null {
  const fromIdentifier = /^(\d+)\s+(\S+)/.exec(thread.identifier);
  if (fromIdentifier) return { id: fromIdentifier[1], url: fromIdentifier[2] };
  try {
    const id = new URL(thread.link).searchParams.get('p');
    return id && /^\d+$/.test(id) ? { id, url: thread.link } : null;
  } catch {
    return null;
  }
}

/**
 * Maps Disqus threads to articles: a WordPress post imported earlier (of the site the thread's address
 * names), else an article with the slug the link points at, else a new draft article standing in for the
 * page (see docs/importing.md for why drafts), listed for an editor to attach. Threads deleted in Disqus
 * get no stand-in; their posts are skipped. The thread's address is kept as an old address of its article.
 */
export class DisqusThreadImporter {
  private buffer: DisqusThread[] = [];
  private stubAuthor: string | undefined;
  private wordpressSites: string[] | undefined;

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
    const slugs = new Map(batch.map((thread) => [thread.id, slugsFromLink(thread.link)]));
    const matched = await articleIdsBySlug(db, [...slugs.values()].flat());
    const wordpress = await this.wordpressPosts(batch);
    const byId = new Map(batch.map((thread) => [thread.id, thread]));
    const known = await knownIds(db, run, 'thread', batch.map((thread) => thread.id), (legacy) => this.sameThreads(legacy, byId, slugs, matched, wordpress));
    const fresh: DisqusThread[] = [];
    const seen = new Set<string>();
    for (const thread of batch) {
      const earlier = known.get(thread.id);
      if (seen.has(thread.id) || earlier?.runId === run.runId) report.failed(THREADS, thread.line, thread.id, 'the same id appears earlier in the file; this copy is skipped');
      else if (earlier) report.skipped(THREADS, ALREADY_IMPORTED);
      else {
        fresh.push(thread);
        seen.add(thread.id);
      }
    }
    if (fresh.length === 0) return;

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
      if (outcome.stub) {
        report.imported(STUBS);
        const thread = byId.get(outcome.threadId)!;
        report.listed(UNMATCHED, { line: thread.line, id: thread.id, text: `${thread.title || '(no title)'} — ${thread.link || 'no address'}` });
      }
      report.imported(THREADS);
      landed.push(outcome.threadId);
    }
    await this.options.comments.threadsLanded(landed);
  }

  /**
   * WordPress posts the threads name by id. Ids are per WordPress site: the thread's address says which
   * (the imported site whose address it starts with; the only one, when just one was imported).
   */
  private async wordpressPosts(threads: DisqusThread[]): Promise<Map<string, string>> {
    const { db } = this.options;
    this.wordpressSites ??= (await db.selectFrom('import_ids').select('scope').distinct().where('source', '=', 'wordpress').where('kind', '=', 'post').execute())
      .map((row) => row.scope);
    const sites = this.wordpressSites;
    const named = sites.filter(Boolean);
    const refs = new Map<string, { id: string; scopes: string[] }>();
    const idsByScope = new Map<string, string[]>();
    for (const thread of threads) {
      const ref = wordpressPostRef(thread);
      if (!ref) continue;
      // Unscoped rows ('') are WordPress imports from before ids were scoped: the site they came from is unknown.
      const scopes = [siteOf(ref.url, named), ''].filter((scope): scope is string => scope !== undefined && sites.includes(scope));
      refs.set(thread.id, { id: ref.id, scopes });
      for (const scope of scopes) (idsByScope.get(scope) ?? idsByScope.set(scope, []).get(scope)!).push(ref.id);
    }
    const posts = new Map<string, Map<string, KnownId>>();
    for (const [scope, ids] of idsByScope) posts.set(scope, await lookupIds(db, { source: 'wordpress', scope }, 'post', ids));
    const found = new Map<string, string>();
    for (const [threadId, ref] of refs) {
      const localId = ref.scopes.map((scope) => posts.get(scope)?.get(ref.id)?.localId).find(Boolean);
      if (localId) found.set(threadId, localId);
    }
    return found;
  }

  /** Threads an unscoped earlier import placed that are this file's: on the article this thread maps to now. */
  private async sameThreads(
    legacy: Map<string, KnownId>, byId: Map<string, DisqusThread>, slugs: Map<string, string[]>, matched: Map<string, string>, wordpress: Map<string, string>,
  ): Promise<Set<string>> {
    const ids = [...legacy.values()].map((row) => row.localId).filter(Boolean);
    const titles = new Map<string, string>();
    if (ids.length > 0) for (const row of await this.options.db.selectFrom('articles').select(['id', 'title']).where('id', 'in', ids).execute()) titles.set(row.id, row.title);
    const same = new Set<string>();
    for (const [threadId, row] of legacy) {
      const thread = byId.get(threadId);
      if (!thread) continue;
      const mapsTo = wordpress.get(threadId) ?? slugs.get(threadId)!.map((slug) => matched.get(slug)).find(Boolean);
      const stubTitle = (thread.title || thread.link).slice(0, 300).trim();
      if (row.localId ? row.localId === mapsTo || titles.get(row.localId) === stubTitle : thread.isDeleted) same.add(threadId);
    }
    return same;
  }

  private async place(trx: Kysely<Database>, thread: DisqusThread, slugs: string[], bySlug: Map<string, string>, wordpress: Map<string, string>): Promise<Outcome> {
    const { run } = this.options;
    let articleId = wordpress.get(thread.id) ?? slugs.map((slug) => bySlug.get(slug)).find(Boolean);
    if (!articleId && thread.isDeleted) {
      await rememberIds(trx, run, 'thread', [{ externalId: thread.id, localId: '' }]);
      return { threadId: thread.id, stub: false, skipped: 'deleted in Disqus and matching no article (its posts are skipped)' };
    }
    const address = thread.link ? oldAddress(thread.link) : null;
    let stub = false;
    if (articleId) {
      if (address) await addOldAddresses(trx, articleId, [address], 'disqus', run.now());
      // Closed in Disqus: the discussion stays closed, on articles the imports brought in (not the newsroom's own).
      if (thread.isClosed && (wordpress.has(thread.id) || (await isImportedArticle(trx, articleId)))) await closeComments(trx, articleId);
    } else {
      this.stubAuthor ??= await archiveAuthor({ db: trx, now: run.now });
      const createdAt = thread.createdAt ?? run.now().toISOString();
      const created = await insertImportedArticle(trx, {
        title: thread.title || thread.link,
        slug: slugs[0] || thread.title,
        summary: `Comments imported from Disqus for ${thread.link || thread.title}.`,
        body: '',
        authorId: this.stubAuthor,
        status: 'draft',
        publishedAt: null,
        createdAt,
        updatedAt: createdAt,
        commentsOpen: !thread.isClosed,
        topicIds: [],
        oldAddresses: address ? [address] : [],
        source: 'disqus',
        importedAt: run.now().toISOString(),
      });
      articleId = created.id;
      stub = true;
      // Found again by slug by the next thread with the same address (http and https twins).
      for (const slug of slugs) bySlug.set(slug, created.id);
      await rememberIds(trx, run, 'stub', [{ externalId: created.id, localId: created.id }]);
    }
    await rememberIds(trx, run, 'thread', [{ externalId: thread.id, localId: articleId }]);
    return { threadId: thread.id, stub };
  }
}

/** The imported WordPress site (by scope) an address belongs to: the longest whose address it starts with, or the only one. */
function siteOf(url: string, sites: string[]): string | undefined {
  let key: string;
  try {
    const parsed = new URL(url);
    key = `${hostKey(parsed.hostname)}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname.toLowerCase()}`;
  } catch {
    return sites.length === 1 ? sites[0] : undefined;
  }
  const matches = sites.filter((site) => key === site || key.startsWith(`${site}/`) || key.startsWith(`${site}?`));
  if (matches.length > 0) return matches.sort((a, b) => b.length - a.length)[0];
  return sites.length === 1 ? sites[0] : undefined;
}

async function isImportedArticle(db: Kysely<Database>, articleId: string): Promise<boolean> {
  const row = await db.selectFrom('import_ids').select('kind').where('local_id', '=', articleId).where('kind', 'in', ['post', 'stub']).limit(1).executeTakeFirst();
  return row !== undefined;
}

async function closeComments(db: Kysely<Database>, articleId: string): Promise<void> {
  await db.updateTable('articles').set({ comments_open: 0 }).where('id', '=', articleId).execute();
}

interface Outcome {
  threadId: string;
  stub: boolean;
  skipped?: string;
}
