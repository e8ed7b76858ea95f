import { sql, type Kysely } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/schema.js';
import type { Deps } from '../runtime.js';
import { pathOf } from './page-slugs.js';
import type { ArticleKind } from './types.js';

/**
 * Old addresses that answer 301 with an article's current one: imported permalinks (`/2019/04/slug/`,
 * `/?p=101`), Disqus thread pages, and slugs an editor has since replaced. Looked up only where nothing
 * else answers (a 404, `/articles/SLUG` with no such article, the home page asked for `?p=`), so a
 * redirect never shadows a page.
 */
type Db = Kysely<Database>;

export interface OldAddress {
  /** The old site's host without `www.`; '' when the address was relative (this site's). */
  host: string;
  /** Decoded, lower case, no trailing slash; of a query only WordPress's `p` or `page_id` is kept. */
  path: string;
}

const MAX_PATH = 1_000;

/** The address an old link names (absolute, or relative to the old site); null when it is no web address. */
export function oldAddress(url: string): OldAddress | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim().startsWith('/') ? requestAddress(url.trim()) : null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const path = normalisedPath(parsed.pathname, parsed.searchParams);
  return path ? { host: hostKey(parsed.hostname), path } : null;
}

/** The address a request asks for (`request.url`: a path and a query), keyed like `oldAddress`. */
export function requestAddress(url: string): OldAddress | null {
  const query = url.indexOf('?');
  const path = normalisedPath(query < 0 ? url : url.slice(0, query), new URLSearchParams(query < 0 ? '' : url.slice(query + 1)));
  return path ? { host: '', path } : null;
}

function normalisedPath(pathname: string, params: URLSearchParams): string | null {
  let path = pathname.split('/').map(decodeSegment).join('/').normalize('NFC').toLowerCase().replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (!path.startsWith('/')) path = `/${path}`;
  const post = /^\d{1,20}$/.exec(params.get('p') ?? '')?.[0];
  const page = /^\d{1,20}$/.exec(params.get('page_id') ?? '')?.[0];
  if (post || page) path = `${path === '/index.php' ? '/' : path}?${post ? `p=${post}` : `page_id=${page}`}`;
  return path === '/' || path.length > MAX_PATH ? null : path;
}

export function hostKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Remembers old addresses of an article; an address already taken keeps its first article (imports run again). */
export async function recordRedirects(db: Db, articleId: string, addresses: readonly OldAddress[], source: string, now: Date): Promise<void> {
  const unique = new Map(addresses.map((address) => [`${address.host} ${address.path}`, address]));
  if (unique.size === 0) return;
  const createdAt = now.toISOString();
  await db
    .insertInto('article_redirects')
    .values([...unique.values()].map((address) => ({ ...address, article_id: articleId, source, created_at: createdAt })))
    .onConflict((conflict) => conflict.columns(['path', 'host']).doNothing())
    .execute();
}

/** An editor changed the slug: the old address now leads to the article, the new one answers by itself. */
export async function recordSlugChange(db: Db, articleId: string, from: string, to: string, now: Date, kind: ArticleKind = 'article'): Promise<void> {
  const pathFor = kind === 'page' ? pagePath : articlePath;
  const old = pathFor(from);
  await db.deleteFrom('article_redirects').where('path', '=', pathFor(to)).where('host', '=', '').execute();
  await db
    .insertInto('article_redirects')
    .values({ path: old, host: '', article_id: articleId, source: 'slug', created_at: now.toISOString() })
    .onConflict((conflict) => conflict.columns(['path', 'host']).doUpdateSet({ article_id: articleId, source: 'slug', created_at: now.toISOString() }))
    .execute();
}

export function articlePath(slug: string): string {
  return `/articles/${slug.normalize('NFC').toLowerCase()}`;
}

/** A static page's address, keyed like `articlePath`. */
export function pagePath(slug: string): string {
  return `/${slug.normalize('NFC').toLowerCase()}`;
}

/** Where an old address leads: an article's or a page's current slug. */
export interface RedirectTarget {
  slug: string;
  kind: ArticleKind;
}

/**
 * The current slug of the public article an old address leads to. The same path may come from two old
 * sites: the one whose host the request names wins, then this site's own, then the oldest.
 */
export async function redirectTarget(db: Db, host: string, path: string, now: Date): Promise<RedirectTarget | undefined> {
  const row = await db
    .selectFrom('article_redirects')
    .innerJoin('articles', 'articles.id', 'article_redirects.article_id')
    .select(['articles.slug', 'articles.kind'])
    .where('article_redirects.path', '=', path)
    .where('articles.status', 'in', ['published', 'scheduled'])
    .where('articles.published_at', '<=', now.toISOString())
    .orderBy(sql`case when article_redirects.host = ${hostKey(host)} then 0 when article_redirects.host = '' then 1 else 2 end`)
    .orderBy('article_redirects.created_at')
    .limit(1)
    .executeTakeFirst();
  return row;
}

export function articleLocation(baseUrl: string, target: RedirectTarget | string): string {
  return typeof target === 'string' ? `${baseUrl}${pathOf('article', target)}` : `${baseUrl}${pathOf(target.kind, target.slug)}`;
}

const WORDPRESS_QUERY = /[?&](?:p|page_id)=\d/;

/**
 * An `onRequest` hook for the whole app: a GET that found no route, or the home page asked for a
 * WordPress `?p=ID`/`?page_id=ID`, is answered 301 when an article took that address over. The home
 * page with any other query, or with an id nothing was imported under, is served as usual.
 */
export function oldAddressRedirects(deps: Pick<Deps, 'db' | 'now'> & { baseUrl: string }) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const query = request.url.indexOf('?');
    const pathname = query < 0 ? request.url : request.url.slice(0, query);
    const home = (pathname === '/' || pathname === '/index.php') && WORDPRESS_QUERY.test(request.url);
    if (!request.is404 && !home) return;
    const address = requestAddress(request.url);
    if (!address) return;
    const target = await redirectTarget(deps.db, request.hostname, address.path, deps.now());
    if (target) return reply.code(301).header('location', articleLocation(deps.baseUrl, target)).send();
  };
}
