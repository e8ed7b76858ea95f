import type { Kysely } from 'kysely';
import { deleteImportedStub, importSlug, moveOldAddresses, oldAddress } from '../articles/index.js';
import { moveArticleComments } from '../comments/index.js';
import type { Database } from '../db/schema.js';
import { transferErrors } from './errors.js';
import { forgetDisqusStub, isDisqusStub } from './import-ids.js';

type Db = Kysely<Database>;

/** A draft standing in for a Disqus thread whose page matched no article. */
export interface ThreadStub {
  id: string;
  title: string;
  /** The thread's page on the old site, as the export named it (host and path). */
  oldAddress: string | null;
  comments: number;
  createdAt: string;
}

/** Every stand-in still waiting for its article, oldest thread first. */
export async function listThreadStubs(db: Db): Promise<ThreadStub[]> {
  const rows = await db
    .selectFrom('import_ids')
    .innerJoin('articles', 'articles.id', 'import_ids.local_id')
    .select(['articles.id', 'articles.title', 'articles.created_at'])
    .where('import_ids.source', '=', 'disqus')
    .where('import_ids.kind', '=', 'stub')
    .orderBy('articles.created_at')
    .orderBy('articles.id')
    .limit(1_000)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const counts = await db.selectFrom('comments').select(['article_id', (eb) => eb.fn.countAll<number>().as('n')]).where('article_id', 'in', ids).groupBy('article_id').execute();
  const addresses = await db.selectFrom('article_redirects').select(['article_id', 'host', 'path']).where('article_id', 'in', ids).orderBy('created_at').execute();
  return rows.map((row) => {
    const address = addresses.find((candidate) => candidate.article_id === row.id);
    return {
      id: row.id,
      title: row.title,
      oldAddress: address ? `${address.host}${address.path}` : null,
      comments: Number(counts.find((count) => count.article_id === row.id)?.n ?? 0),
      createdAt: row.created_at,
    };
  });
}

/**
 * Gives a stand-in's comments to the article they belong to, in one transaction: the threads move whole,
 * later Disqus runs place the thread's new posts there too, the thread's old address leads there, and the
 * stand-in goes. `target` is how an editor names the article: its slug, its address here, or its old address.
 */
export async function attachThreadStub(db: Db, stubId: string, target: string): Promise<{ articleId: string; slug: string; comments: number }> {
  return db.transaction().execute(async (trx) => {
    if (!(await isDisqusStub(trx, stubId))) throw transferErrors.raise('STUB_NOT_FOUND');
    const article = await resolveArticle(trx, target);
    if (!article || article.id === stubId) throw transferErrors.raise('ATTACH_TARGET_UNKNOWN', undefined, 'target');
    if (await isDisqusStub(trx, article.id)) throw transferErrors.raise('ATTACH_TARGET_IS_STUB', undefined, 'target');
    const comments = await moveArticleComments(trx, stubId, article.id);
    await trx.updateTable('import_ids').set({ local_id: article.id }).where('source', '=', 'disqus').where('kind', '=', 'thread').where('local_id', '=', stubId).execute();
    await moveOldAddresses(trx, stubId, article.id);
    await forgetDisqusStub(trx, stubId);
    await deleteImportedStub(trx, stubId);
    return { articleId: article.id, slug: article.slug, comments };
  });
}

async function resolveArticle(db: Db, target: string): Promise<{ id: string; slug: string } | undefined> {
  const text = target.trim();
  if (!text || text.length > 2000) return undefined;
  const bySlug = (slug: string) => (slug ? db.selectFrom('articles').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst() : Promise.resolve(undefined));
  const address = /^(https?:\/\/|\/)/i.test(text) ? oldAddress(text) : null;
  const here = address && /^\/articles\/([^/?]+)$/.exec(address.path);
  if (here) return bySlug(here[1]);
  if (address) {
    const row = await db
      .selectFrom('article_redirects')
      .innerJoin('articles', 'articles.id', 'article_redirects.article_id')
      .select(['articles.id', 'articles.slug'])
      .where('article_redirects.path', '=', address.path)
      .orderBy('article_redirects.created_at')
      .executeTakeFirst();
    if (row) return row;
    return bySlug(importSlug(address.path.split('/').filter(Boolean).pop() ?? ''));
  }
  return bySlug(importSlug(text));
}
