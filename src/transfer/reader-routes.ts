import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../accounts/index.js';
import { httpErrors } from '../errors.js';
import type { Html } from '../web/html.js';
import { page } from '../web/layout.js';
import { readerDataResponse } from './contract.js';
import { transferErrors } from './errors.js';
import { accountDeleted, deleteAccountForm, staffCannotDelete } from './reader-pages.js';
import { collectReaderData, deleteReader, type ReaderDataOptions } from './reader-rights.js';
import type { TransferDeps } from './types.js';

export type ReaderDataRoutesOptions = TransferDeps & ReaderDataOptions;

/** Same name as the accounts domain's session cookie: cleared once the session it names is gone. */
const SESSION_COOKIE = 'tribune_session';

/**
 * A reader's data rights: `GET /account/data.json` downloads everything held about them;
 * `GET /account/delete` explains and confirms, `POST /account/delete` (CSRF-checked like every form)
 * deletes the account. Staff are sent to an admin instead.
 */
export const readerDataRoutes: FastifyPluginAsync<ReaderDataRoutesOptions> = async (plain, options) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  async function render(request: FastifyRequest, reply: FastifyReply, title: string, body: (csrf: string) => Html, status = 200) {
    const csrf = csrfToken(request, reply);
    const settings = await options.settings.get();
    return reply.code(status).type('text/html; charset=utf-8').send(page({ title, settings, viewer: request.viewer, csrf, body: body(csrf) }).value);
  }

  app.get(
    '/account/data.json',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { response: { 200: readerDataResponse } } },
    async (request, reply) => {
      if (!request.viewer) throw httpErrors.raise('UNAUTHENTICATED');
      const data = await collectReaderData(options, request.viewer.id, options);
      if (!data) throw httpErrors.raise('UNAUTHENTICATED');
      const day = data.exportedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="tribune-data-${day}.json"`)
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        // Indented for the person reading it, and whole: the schema's serializer would drop what it does not name.
        .serializer((payload) => JSON.stringify(payload, null, 2))
        .send(data);
    },
  );

  app.get('/account/delete', async (request, reply) => {
    if (!request.viewer) return reply.redirect('/account?returnTo=%2Faccount%2Fdelete', 303);
    if (request.viewer.role !== 'reader') return render(request, reply, 'Delete your account', () => staffCannotDelete());
    const { comments } = await options.settings.get();
    return render(request, reply, 'Delete your account', (csrf) => deleteAccountForm({ csrf, mode: comments.deletedReaderComments }));
  });

  app.post(
    '/account/delete',
    {
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: { body: { type: 'object', properties: { confirm: { type: 'string', maxLength: 10 }, _csrf: { type: 'string' } } } },
    },
    async (request, reply) => {
      const viewer = request.viewer;
      if (!viewer) throw httpErrors.raise('UNAUTHENTICATED');
      if (viewer.role !== 'reader') throw transferErrors.raise('STAFF_SELF_DELETE');
      if (request.body?.confirm !== 'yes') {
        const { comments } = await options.settings.get();
        const error = transferErrors.raise('DELETE_NOT_CONFIRMED');
        if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) throw error;
        return render(request, reply, 'Delete your account', (csrf) => deleteAccountForm({ csrf, mode: comments.deletedReaderComments, error: error.message }), error.status);
      }
      await deleteReader(options, viewer.id, options);
      request.log.info({ userId: viewer.id }, 'reader deleted their account');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      request.viewer = null;
      return render(request, reply, 'Account deleted', () => accountDeleted());
    },
  );
};
