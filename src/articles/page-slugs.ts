/**
 * Pages are served at `/{slug}`, beside every other top-level address. A page may not take the first
 * segment of a route (its page could never be reached, or it would hide the route), nor a name a
 * newsroom will want for one later. `src/articles/pages-routes.test.ts` checks every registered route
 * against this list, so a new top-level route fails that test until its segment is added here.
 */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([
  // Routes registered today.
  'account', 'admin', 'api', 'articles', 'assets', 'auth', 'authors', 'comments', 'donate', 'donor', 'embed', 'healthz', 'invite',
  'live', 'login', 'logout', 'media', 'members', 'metrics', 'n', 'newsletters', 'notifications', 'reader', 'readers', 'search',
  'topics', 'unsubscribe',
  // Addresses other software and crawlers expect, and names kept for later.
  'feed', 'rss', 'atom', 'sitemap', 'robots', 'favicon', 'index', 'static', 'well-known', 'wp-admin', 'wp-content', 'wp-login',
  'signup', 'register', 'subscribe', 'settings', 'tags', 'tag', 'category', 'page', 'pages', 'amp',
]);

export function isReservedPageSlug(slug: string): boolean {
  return RESERVED_PAGE_SLUGS.has(slug);
}

/** Where a page, or an article, is read. */
export function pathOf(kind: 'article' | 'page', slug: string): string {
  return kind === 'page' ? `/${encodeURIComponent(slug)}` : `/articles/${encodeURIComponent(slug)}`;
}
