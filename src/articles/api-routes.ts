import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../accounts/index.js';
import type { Deps } from '../runtime.js';
import { renderMarkdown } from '../text/markdown.js';
import { articleErrors } from './errors.js';
import {
  articleBody, articleListQuery, articleListResponse, articleResponse, idParams, topicBody, topicResponse,
} from './schemas.js';
import { createArticle, deleteArticle, listArticles, requireArticle, updateArticle, type ArticleListFilters } from './service.js';
import { createTopic, deleteTopic, listTopics, updateTopic } from './topics.js';
import { isPublic, type Article, type ArticleInput, type TopicInput } from './types.js';
import { MAX_BODY_LENGTH } from './validate.js';

type ApiOptions = Pick<Deps, 'db' | 'now' | 'config'>;

/** The newsroom's JSON API (`/api/admin/…`): editors and admins only, every body checked by a schema. */
export const articleApiRoutes: FastifyPluginAsync<ApiOptions> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('editor'));
  const view = (article: Article) => ({ ...article, url: `${deps.config.baseUrl}/articles/${encodeURIComponent(article.slug)}`, public: isPublic(article, deps.now()) });

  app.get(
    '/articles',
    { schema: { querystring: articleListQuery, response: { 200: articleListResponse } } },
    async (request) => {
      const { q, author, ...filters } = request.query;
      const { items, total } = await listArticles(deps, { ...filters, text: q, authorId: author });
      return { total, page: filters.page, pageSize: filters.pageSize, articles: items };
    },
  );

  app.post(
    '/articles',
    { schema: { body: articleBody, response: { 201: articleResponse } } },
    async (request, reply) => reply.code(201).send(view(await createArticle(deps, request.viewer!.id, request.body))),
  );

  app.get('/articles/:id', { schema: { params: idParams, response: { 200: articleResponse } } }, async (request) =>
    view(await requireArticle(deps.db, request.params.id)));

  app.patch(
    '/articles/:id',
    { schema: { params: idParams, body: articleBody, response: { 200: articleResponse } } },
    async (request) => view(await updateArticle(deps, request.params.id, request.body)),
  );

  app.delete('/articles/:id', { schema: { params: idParams } }, async (request, reply) => {
    await deleteArticle(deps, request.params.id);
    return reply.code(204).send();
  });

  // The body is optional for publish (no body: now), so null is allowed beside the object.
  const timeBody = { type: ['object', 'null'], additionalProperties: false, properties: { publishedAt: { type: 'string', maxLength: 64 } } } as const;
  app.post(
    '/articles/:id/publish',
    { schema: { params: idParams, body: timeBody, response: { 200: articleResponse } } },
    async (request) => view(await updateArticle(deps, request.params.id, { status: 'published', publishedAt: request.body?.publishedAt })),
  );
  app.post(
    '/articles/:id/schedule',
    { schema: { params: idParams, body: { ...timeBody, type: 'object', required: ['publishedAt'] }, response: { 200: articleResponse } } },
    async (request) => view(await updateArticle(deps, request.params.id, { status: 'scheduled', publishedAt: request.body.publishedAt })),
  );
  app.post(
    '/articles/:id/unpublish',
    { schema: { params: idParams, response: { 200: articleResponse } } },
    async (request) => view(await updateArticle(deps, request.params.id, { status: 'draft' })),
  );

  app.post(
    '/preview',
    {
      schema: {
        body: { type: 'object', required: ['body'], properties: { body: { type: 'string' }, _csrf: { type: 'string' } } },
        response: { 200: { type: 'object', additionalProperties: false, properties: { html: { type: 'string' } } } },
      },
    },
    async (request) => {
      if (request.body.body.length > MAX_BODY_LENGTH) throw articleErrors.raise('ARTICLE_TOO_LONG', undefined, 'body', { limit: MAX_BODY_LENGTH });
      return { html: renderMarkdown(request.body.body, 'article').value };
    },
  );

  app.get('/topics', { schema: { response: { 200: { type: 'object', additionalProperties: false, properties: { topics: { type: 'array', items: topicResponse } } } } } }, async () => ({
    topics: await listTopics(deps.db),
  }));
  app.post('/topics', { schema: { body: topicBody, response: { 201: topicResponse } } }, async (request, reply) =>
    reply.code(201).send(await createTopic(deps, request.body)));
  app.patch(
    '/topics/:id',
    { schema: { params: idParams, body: topicBody, response: { 200: topicResponse } } },
    async (request) => updateTopic(deps, request.params.id, request.body),
  );
  app.delete('/topics/:id', { schema: { params: idParams } }, async (request, reply) => {
    await deleteTopic(deps, request.params.id);
    return reply.code(204).send();
  });
};
