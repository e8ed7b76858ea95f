import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { EDITORIAL_ACTIONS, editorialAction } from './editorial.js';
import { csrfToken } from '../accounts/index.js';
import { adminPage } from '../web/admin-layout.js';
import { assetUrl } from '../web/assets.js';
import { html } from '../web/html.js';
import { moderationErrors } from './errors.js';
import { commentPage } from './pages/reader-page.js';
import { backTo, location, notice } from './routes.js';
import { editorialActionResponse } from './contract.js';
import { actionBody, cursorQuery, idParams } from './schemas.js';
import { queueCounts, queueItems } from './service.js';
import type { QueueDeps } from './types.js';

/**
 * Featuring comments and closing or reopening an article's comments, from a queue item: moderators,
 * and editors too (it is an editorial choice), as plain forms and as JSON.
 */
export const editorialRoutes: FastifyPluginAsync<QueueDeps> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('moderator', 'editor'));

  // One comment's page: moderators get every action; editors, who do not moderate, only the editorial ones.
  app.get(
    '/admin/moderation/comments/:id',
    { schema: { params: idParams, querystring: cursorQuery } },
    async (request, reply) => {
      const [item] = await queueItems(deps, [request.params.id]);
      if (!item) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
      const settings = await deps.settings.get();
      const counts = await queueCounts(deps);
      const csrf = csrfToken(request, reply);
      const editorial = request.viewer!.role === 'editor';
      const body = commentPage(item, counts, { site: settings.site, csrf, returnTo: request.url, notice: notice(request.query), editorial });
      const head = html`<link rel="stylesheet" href="${assetUrl('moderation.css')}">`;
      const page = adminPage({
        title: `Comment by ${item.comment.authorName}`, section: 'moderation', settings, viewer: request.viewer, csrf, head, body,
        // Editors get plain forms: the queue script's keys and live stream are for moderators.
        scripts: editorial ? [] : ['moderation.js'], bodyClass: 'moderation',
      });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.value);
    },
  );
  for (const action of EDITORIAL_ACTIONS) {
    app.post(
      `/admin/moderation/comments/:id/${action}`,
      { schema: { params: idParams, body: actionBody } },
      async (request, reply) => {
        const url = backTo(request.body?.returnTo, `/admin/moderation/comments/${request.params.id}`);
        try {
          await editorialAction(deps, request.viewer!, request.params.id, action);
          url.searchParams.set('done', action);
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500 || error.status === 401) throw error;
          url.searchParams.set('error', error.code);
        }
        return reply.redirect(location(url), 303);
      },
    );
    app.post(
      `/api/admin/moderation/comments/:id/${action}`,
      { schema: { params: idParams, body: actionBody, response: { 200: editorialActionResponse } } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        // Not `comment`: the queue script would take the item as decided and drop it from its tab.
        return { editorial: await editorialAction(deps, request.viewer!, request.params.id, action), counts: await queueCounts(deps) };
      },
    );
  }
};
