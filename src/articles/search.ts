import { sql } from 'kysely';
import { ARTICLE_SEARCH_VECTOR_PG } from '../db/migrations/0002-articles.js';
import type { Deps } from '../runtime.js';
import { publicTeasers, type TeaserRow } from './queries.js';

type SearchDeps = Pick<Deps, 'db' | 'dialect' | 'now'>;

const MAX_TERMS = 8;

/** The words of a reader's query; everything else (quotes, operators, brackets) is dropped. */
export function searchTerms(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/**
 * An FTS5 query that matches every word, the last also as a prefix. Each word is a quoted string, so
 * FTS5 operators typed by a reader (AND, NEAR, column filters, `"`) are plain words.
 */
export function fts5Query(terms: string[]): string {
  return terms.map((term, index) => `"${term}"${index === terms.length - 1 && term.length > 1 ? '*' : ''}`).join(' ');
}

/** Public articles matching `text` over title, summary and body, best match first. */
export async function searchArticles(deps: SearchDeps, text: string, page: { limit: number; offset: number }): Promise<TeaserRow[]> {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  const base = publicTeasers(deps.db, deps.now()).clearOrderBy();
  if (deps.dialect === 'postgres') {
    // websearch_to_tsquery never fails on user input; the expression matches the GIN index's.
    const vector = sql.raw(`(${ARTICLE_SEARCH_VECTOR_PG})`);
    const query = sql`websearch_to_tsquery('english'::regconfig, ${terms.join(' ')})`;
    return base
      .where(sql<boolean>`${vector} @@ ${query}`)
      .orderBy(sql`ts_rank(${vector}, ${query})`, 'desc')
      .orderBy('articles.published_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  }
  // Column weights: the id (unindexed) 0, title 10, summary 4, body 1; bm25 is lower for better.
  const hits = sql<{ article_id: string; rank: number }>`(select article_id, bm25(articles_fts, 0, 10, 4, 1) as rank
    from articles_fts where articles_fts match ${fts5Query(terms)})`.as('hits');
  return base
    .innerJoin(hits, 'hits.article_id', 'articles.id')
    .orderBy('hits.rank')
    .orderBy('articles.published_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
