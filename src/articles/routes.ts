import type { FastifyPluginAsync } from 'fastify';
import { articleAdminRoutes } from './admin-routes.js';
import { articleApiRoutes } from './api-routes.js';
import { feedRoutes } from './feed-routes.js';
import { pageRoutes } from './page-routes.js';
import { publicRoutes, type PublicOptions } from './public-routes.js';
import { topicAdminRoutes } from './topic-admin-routes.js';

export type ArticlesPluginOptions = PublicOptions;

/** Publishing: public pages, feeds and sitemap, the newsroom's screens and its JSON API. */
export const articlesPlugin: FastifyPluginAsync<ArticlesPluginOptions> = async (app, options) => {
  await app.register(publicRoutes, options);
  await app.register(feedRoutes, options);
  await app.register(articleAdminRoutes, options);
  await app.register(topicAdminRoutes, options);
  await app.register(articleApiRoutes, { ...options, prefix: '/api/admin' });
  await app.register(pageRoutes, options);
};
