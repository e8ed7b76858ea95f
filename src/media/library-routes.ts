import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { adminPage } from '../web/admin-layout.js';
import { isFormPost } from '../web/form-post.js';
import { csrfOnlyForm, mediaEditForm, mediaIdParams, mediaListQuery } from './contract.js';
import { LIBRARY_STYLE, libraryPage, type LibraryPageInput } from './library-page.js';
import { readUpload } from './routes.js';
import { deleteMedia, editMedia, searchMedia, storeUpload } from './service.js';
import type { MediaDeps, MediaOwner } from './types.js';

const EDITORS = requireRole('admin', 'editor');

/** The media library screens (forms post here; refusals are drawn on the page with the reason). */
export function mediaLibraryRoutes(deps: MediaDeps): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();

    async function show(request: FastifyRequest, reply: FastifyReply, extra: Partial<LibraryPageInput> & { q?: string } = {}, status = 200) {
      const settings = await deps.settings.get();
      const csrf = csrfToken(request, reply);
      const q = extra.q ?? '';
      const body = libraryPage({ items: await searchMedia(deps, q), q, csrf, maxUploadMegabytes: settings.media.maxUploadMegabytes, ...extra });
      return reply.code(status).type('text/html; charset=utf-8').send(adminPage({ title: 'Media', settings, viewer: request.viewer, csrf, body, head: LIBRARY_STYLE, section: 'media' }).value);
    }

    /** A refusal on the page for a browser's form; `{error, message}` for anything else. */
    function refused(request: FastifyRequest, reply: FastifyReply, error: unknown, itemId?: string) {
      if (!(error instanceof AppError) || error.status >= 500 || !isFormPost(request)) throw error;
      const usedBy = (error.detail?.usedBy as MediaOwner[] | undefined) ?? undefined;
      return show(request, reply, { error: { field: error.field, message: error.message, usedBy, itemId } }, error.status);
    }

    app.get('/admin/media', { preHandler: EDITORS, schema: { querystring: mediaListQuery } }, (request, reply) => show(request, reply, { q: request.query.q ?? '' }));

    app.post('/admin/media', { preHandler: EDITORS }, async (request, reply) => {
      try {
        const item = await storeUpload(deps, await readUpload(deps, request));
        return reply.redirect(`/admin/media#media-${item.id}`, 303);
      } catch (error) {
        return refused(request, reply, error);
      }
    });

    app.post('/admin/media/:id', { preHandler: EDITORS, schema: { params: mediaIdParams, body: mediaEditForm } }, async (request, reply) => {
      try {
        const { alt, caption, credit, decorative } = request.body;
        await editMedia(deps, request.params.id, { alt: alt ?? '', caption: caption ?? '', credit: credit ?? '', decorative: decorative === '1' });
        return reply.redirect(`/admin/media#media-${request.params.id}`, 303);
      } catch (error) {
        return refused(request, reply, error, request.params.id);
      }
    });

    app.post('/admin/media/:id/delete', { preHandler: EDITORS, schema: { params: mediaIdParams, body: csrfOnlyForm } }, async (request, reply) => {
      try {
        await deleteMedia(deps, request.params.id);
        return show(request, reply, { notice: 'Image deleted.' });
      } catch (error) {
        return refused(request, reply, error, request.params.id);
      }
    });
  };
}
