import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole } from '../accounts/index.js';
import { adminPage } from '../web/admin-layout.js';
import { pagesPage } from './pages-admin-page.js';
import type { PublicOptions } from './public-routes.js';
import { articleLocation, redirectTarget, requestAddress } from './redirects.js';
import { listArticles } from './service.js';
import { findPublicPage, renderStaticPage } from './static-page.js';

const slugParams = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', maxLength: 2000 } } } as const;

/**
 * Static pages at `/{slug}` (and `/{slug}/`, as WordPress and Ghost link them), and the newsroom's list
 * at /admin/pages. Every other route is static or deeper, and Fastify prefers those, so this one answers
 * only addresses no route took; for those it does what the not-found path did before it existed: an
 * old address's redirect, or the site's 404.
 */
export const pageRoutes: FastifyPluginAsync<PublicOptions> = async (app, deps) => {
  async function notAPage(request: FastifyRequest, reply: FastifyReply) {
    const address = requestAddress(request.url);
    const target = address ? await redirectTarget(deps.db, request.hostname, address.path, deps.now()) : undefined;
    if (target) return reply.code(301).header('location', articleLocation(deps.config.baseUrl, target)).send();
    return reply.callNotFound();
  }

  app.get<{ Params: { slug: string } }>('/:slug', { schema: { params: slugParams } }, async (request, reply) => {
    const found = await findPublicPage(deps, request.params.slug);
    if (!found) return notAPage(request, reply);
    return reply.type('text/html; charset=utf-8').send(await renderStaticPage(deps, request, reply, found));
  });

  app.get<{ Params: { slug: string } }>('/:slug/', { schema: { params: slugParams } }, async (request, reply) => {
    const found = await findPublicPage(deps, request.params.slug);
    if (!found) return notAPage(request, reply);
    return reply.code(301).header('location', articleLocation(deps.config.baseUrl, found)).send();
  });

  app.get<{ Querystring: { done?: string } }>(
    '/admin/pages',
    { preHandler: requireRole('editor'), schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => {
      const settings = await deps.settings.get();
      const { items } = await listArticles(deps, { kind: 'page', page: 1, pageSize: 500 });
      const notice = request.query.done === 'deleted' ? 'The page was deleted.' : undefined;
      const body = pagesPage({ items, settings, notice });
      const csrf = csrfToken(request, reply);
      return reply.type('text/html; charset=utf-8').send(adminPage({ title: 'Pages', section: 'pages', settings, viewer: request.viewer, csrf, body }).value);
    },
  );
};
