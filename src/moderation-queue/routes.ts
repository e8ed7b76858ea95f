import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { adminPage } from '../web/admin-layout.js';
import { assetUrl } from '../web/assets.js';
import { html, type Html } from '../web/html.js';
import { isSafeRedirect } from '../web/safe-redirect.js';
import { actOnCommentRoute, actOnReaderRoute, bulkRoute, type ActionBody } from './dispatch.js';
import { moderationErrors } from './errors.js';
import { readerPage } from './pages/reader-page.js';
import { NOTICES, queuePage } from './pages/queue-page.js';
import { actionBody, bulkBody, commentActionParams, cursorQuery, idParams, queueQuery, readerActionParams } from './schemas.js';
import { listQueue, queueCounts, readerRecord } from './service.js';
import type { QueueDeps, QueueTab } from './types.js';

type FormBody = ActionBody & { returnTo?: string; _csrf?: string };

/** The notice a page shows after a form post came back: what was done, or why not. */
export function notice(query: { done?: string; error?: string }): string | undefined {
  if (query.error && query.error in moderationErrors.specs) return moderationErrors.specs[query.error as keyof typeof moderationErrors.specs].message;
  return query.done ? NOTICES[query.done] : undefined;
}

/** Only pages of the moderation screens are valid places to come back to. */
export function backTo(returnTo: string | undefined, fallback: string): URL {
  const url = new URL(isSafeRedirect(returnTo) && returnTo.startsWith('/admin/moderation') ? returnTo : fallback, 'http://tribune.invalid');
  if (url.origin !== 'http://tribune.invalid' || !url.pathname.startsWith('/admin/moderation')) return new URL(fallback, 'http://tribune.invalid');
  url.searchParams.delete('done');
  url.searchParams.delete('error');
  return url;
}

export function location(url: URL): string {
  return `${url.pathname}${url.search}`;
}

/**
 * The moderators' screens as plain HTML: tabs of the queue, one comment, one reader, and form posts
 * for every action, so moderation works with JavaScript off. The script enhances the same pages.
 */
export const moderationPages: FastifyPluginAsync<QueueDeps> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('moderator'));

  async function send(request: FastifyRequest, reply: FastifyReply, title: string, body: (csrf: string) => Html, status = 200) {
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const head = html`<link rel="stylesheet" href="${assetUrl('moderation.css')}">`;
    const page = adminPage({ title, section: 'moderation', settings, viewer: request.viewer, csrf, head, body: body(csrf), scripts: ['moderation.js'], bodyClass: 'moderation' });
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.value);
  }


  app.get(
    '/admin/moderation',
    { schema: { querystring: queueQuery } },
    async (request, reply) => {
      const tab = request.query.tab ?? 'pending';
      const page = await listQueue(deps, { tab, cursor: request.query.cursor, limit: request.query.limit });
      const { site } = await deps.settings.get();
      return send(request, reply, 'Moderation', (csrf) =>
        queuePage(page, { site, csrf, returnTo: request.url, notice: notice(request.query), cursor: request.query.cursor, limit: request.query.limit }),
      );
    },
  );

  app.get(
    '/admin/moderation/readers/:id',
    { schema: { params: idParams, querystring: cursorQuery } },
    async (request, reply) => {
      const record = await readerRecord(deps, request.params.id, request.query.cursor);
      if (!record) throw moderationErrors.raise('MOD_READER_NOT_FOUND');
      const { site } = await deps.settings.get();
      const counts = await queueCounts(deps);
      return send(request, reply, record.reader.name, (csrf) =>
        readerPage({ ...record, counts, cursor: request.query.cursor }, { site, csrf, returnTo: request.url, notice: notice(request.query) }),
      );
    },
  );

  /** Runs a form's action and sends the browser back where it came from, with a notice or the error. */
  async function formAction(reply: FastifyReply, body: FormBody, fallback: string, done: string, run: () => Promise<unknown>) {
    const url = backTo(body.returnTo, fallback);
    try {
      await run();
      url.searchParams.set('done', done);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 401) throw error;
      url.searchParams.set('error', error.code);
    }
    return reply.redirect(location(url), 303);
  }

  app.post(
    '/admin/moderation/comments/:id/:action',
    { schema: { params: commentActionParams, body: actionBody } },
    async (request, reply) =>
      formAction(reply, request.body ?? {}, '/admin/moderation', request.params.action, () =>
        actOnCommentRoute(deps, request.viewer!, request.params.id, request.params.action, request.body ?? {}),
      ),
  );

  app.post(
    '/admin/moderation/readers/:id/:action',
    { schema: { params: readerActionParams, body: actionBody } },
    async (request, reply) =>
      formAction(reply, request.body ?? {}, `/admin/moderation/readers/${request.params.id}`, request.params.action, () =>
        actOnReaderRoute(deps, request.viewer!, request.params.id, request.params.action, request.body ?? {}),
      ),
  );

  app.post(
    '/admin/moderation/bulk',
    { schema: { body: bulkBody } },
    async (request, reply) => formAction(reply, request.body ?? {}, '/admin/moderation', 'bulk', () => bulkRoute(deps, request.viewer!, request.body ?? {})),
  );
};
