import { LISTINGS_TAG } from './page-cache-events.js';
import type { PageCachePluginOptions } from './page-cache-plugin.js';

/**
 * Which answers the page cache keeps, and what may change them. Article pages and comment JSON tag
 * themselves with their article (and related stories) as they render; listings show comment counts,
 * so comments on any article drop them; feeds and the sitemap change only with articles and settings
 * (which drop everything).
 */
export const PAGE_CACHE_ROUTES: Pick<PageCachePluginOptions, 'cachedRoutes' | 'validatedRoutes' | 'personalCookies' | 'announcedWrites'> = {
  cachedRoutes: {
    '/': [LISTINGS_TAG],
    '/topics/:slug': [LISTINGS_TAG],
    '/authors/:id': [LISTINGS_TAG],
    '/articles/:slug': [],
    '/api/articles/:article/comments': [],
    '/feed.xml': [],
    '/atom.xml': [],
    '/topics/:slug/feed.xml': [],
    '/topics/:slug/atom.xml': [],
    '/sitemap.xml': [],
    // Static pages (src/articles/page-routes.ts); the navigation is on every page, and its settings drop all.
    '/:slug': [],
  },
  validatedRoutes: ['/api/comments/:id/replies', '/search'],
  // The signed-in viewer's session, and a guest's identity (their own comments, held ones, likes).
  personalCookies: ['tribune_session', 'tribune_guest'],
  // Comment and reaction writes publish on the article's channel (comments/events.ts, reactions.ts);
  // flags reach only the moderation queue; donations move the meter through their drive's channel.
  announcedWrites: [
    '/api/articles/:article/comments', '/api/comments/:id', '/api/comments/:id/reactions', '/api/comments/:id/flags',
    '/comments', '/comments/:id/edit', '/comments/:id/flag', '/comments/:id/react', '/comments/:id/delete',
    '/donate', '/donate/demo', '/api/donations/stripe/webhook',
  ],
};
