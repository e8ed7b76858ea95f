import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { adminPage } from '../web/admin-layout.js';
import { isFormPost } from '../web/form-post.js';
import { stubPage, type StubPageInput } from './stub-page.js';
import { attachThreadStub, listThreadStubs } from './stubs.js';
import type { TransferDeps } from './types.js';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;

/** `/admin/imported-threads`: Disqus threads kept as drafts, each attached to its article in one step (editors, admins). */
export const threadStubRoutes: FastifyPluginAsync<TransferDeps> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('editor'));

  async function show(request: FastifyRequest, reply: FastifyReply, extra: Pick<StubPageInput, 'notice' | 'failed'>, status = 200) {
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const body = stubPage({ stubs: await listThreadStubs(deps.db), csrf, settings, ...extra });
    return reply.code(status).type('text/html; charset=utf-8').send(adminPage({ title: 'Imported threads', section: 'articles', settings, viewer: request.viewer, csrf, body }).value);
  }

  app.get(
    '/admin/imported-threads',
    { schema: { querystring: { type: 'object', properties: { moved: { type: 'string', maxLength: 12, pattern: '^\\d+$' } } } } },
    async (request, reply) => show(request, reply, { notice: request.query.moved === undefined ? undefined : `Attached: ${request.query.moved} comment(s) moved to their article.` }),
  );

  app.post(
    '/admin/imported-threads/:id/attach',
    { schema: { params: idParams, body: { type: 'object', properties: { _csrf: { type: 'string' }, target: { type: 'string', maxLength: 2000 } } } } },
    async (request, reply) => {
      const target = request.body?.target ?? '';
      try {
        const attached = await attachThreadStub(deps.db, request.params.id, target);
        if (!isFormPost(request)) return attached;
        return reply.redirect(`/admin/imported-threads?moved=${attached.comments}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400 || !isFormPost(request)) throw error;
        return show(request, reply, { failed: { id: request.params.id, target, message: error.message } }, 400);
      }
    },
  );
};
