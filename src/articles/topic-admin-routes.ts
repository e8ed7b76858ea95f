import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole } from '../accounts/index.js';
import { AppError } from '../errors.js';
import type { Deps } from '../runtime.js';
import { adminPage } from '../web/admin-layout.js';
import { topicsPage, type TopicsPageInput } from './topics-page.js';
import { isFormPost } from '../web/form-post.js';
import { sendHtml } from './public-routes.js';
import { idParams } from './schemas.js';
import { createTopic, deleteTopic, listTopicsWithCounts, updateTopic } from './topics.js';

type Options = Pick<Deps, 'db' | 'now' | 'settings'>;
type TopicForm = { name?: string; slug?: string; description?: string };

const NOTICES: Record<string, string> = { added: 'Topic added.', saved: 'Topic saved.', deleted: 'Topic deleted.' };
const formSchema = {
  type: 'object',
  properties: {
    _csrf: { type: 'string' },
    name: { type: 'string', maxLength: 2000 },
    slug: { type: 'string', maxLength: 2000 },
    description: { type: 'string', maxLength: 5000 },
  },
} as const;

/** /admin/topics: add, rename, describe and delete topics (editors and admins). */
export const topicAdminRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('editor'));

  async function show(request: FastifyRequest, reply: FastifyReply, extra: Pick<TopicsPageInput, 'notice' | 'failed'>, status = 200) {
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const body = topicsPage({ topics: await listTopicsWithCounts(deps.db), csrf, ...extra });
    return sendHtml(reply, adminPage({ title: 'Topics', section: 'topics', settings, viewer: request.viewer, csrf, body }).value, status);
  }

  async function attempt(request: FastifyRequest, reply: FastifyReply, target: string, form: TopicForm, run: () => Promise<string>) {
    try {
      return reply.redirect(`/admin/topics?done=${await run()}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 400 || !isFormPost(request)) throw error;
      const values = { name: form.name ?? '', slug: form.slug ?? '', description: form.description ?? '' };
      return show(request, reply, { failed: { target, values, error: { field: error.field, message: error.message } } }, 400);
    }
  }

  app.get(
    '/admin/topics',
    { schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => show(request, reply, { notice: NOTICES[request.query.done ?? ''] }),
  );

  app.post('/admin/topics', { schema: { body: formSchema } }, async (request, reply) =>
    attempt(request, reply, 'new', request.body, async () => {
      await createTopic(deps, request.body);
      return 'added';
    }));

  app.post('/admin/topics/:id', { schema: { params: idParams, body: formSchema } }, async (request, reply) =>
    attempt(request, reply, request.params.id, request.body, async () => {
      await updateTopic(deps, request.params.id, request.body);
      return 'saved';
    }));

  app.post(
    '/admin/topics/:id/delete',
    { schema: { params: idParams, body: { type: 'object', properties: { _csrf: { type: 'string' } } } } },
    async (request, reply) => {
      await deleteTopic(deps, request.params.id);
      return reply.redirect('/admin/topics?done=deleted', 303);
    },
  );
};
