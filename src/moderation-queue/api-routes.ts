import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync } from 'fastify';
import { requireRole, requireViewer } from '../accounts/index.js';
import { rejectedCommentsFor } from './account.js';
import { actOnCommentRoute, actOnReaderRoute, bulkRoute, type ActionBody } from './dispatch.js';
import {
  bulkResponse, commentActionResponse, countsResponse, queueItemResponse, queuePageResponse, readerActionResponse, readerRecordResponse, rejectedCommentsResponse,
} from './contract.js';
import { moderationErrors } from './errors.js';
import { actionBody, bulkBody, commentActionParams, cursorQuery, idParams, queueQuery, readerActionParams } from './schemas.js';
import { listQueue, queueCounts, queueItems, readerRecord } from './service.js';
import type { QueueDeps, QueueTab } from './types.js';

/** `/api/admin/moderation/…`: the same queue and actions as JSON, for moderation.js and other tools. */
export const moderationApi: FastifyPluginAsync<QueueDeps> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('moderator'));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/admin/moderation/queue',
    { schema: { querystring: queueQuery, response: { 200: queuePageResponse } } },
    async (request) => listQueue(deps, { tab: request.query.tab ?? 'pending', cursor: request.query.cursor, limit: request.query.limit }),
  );

  app.get('/api/admin/moderation/counts', { schema: { response: { 200: countsResponse } } }, async () => queueCounts(deps));

  app.get('/api/admin/moderation/comments/:id', { schema: { params: idParams, response: { 200: queueItemResponse } } }, async (request) => {
    const [item] = await queueItems(deps, [request.params.id]);
    if (!item) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
    return item;
  });

  app.post(
    '/api/admin/moderation/comments/:id/:action',
    { schema: { params: commentActionParams, body: actionBody, response: { 200: commentActionResponse } } },
    async (request) => {
      const outcome = await actOnCommentRoute(deps, request.viewer!, request.params.id, request.params.action, request.body ?? {});
      return { ...outcome, counts: await queueCounts(deps) };
    },
  );

  app.post(
    '/api/admin/moderation/bulk',
    { schema: { body: bulkBody, response: { 200: bulkResponse } } },
    async (request) => {
      const results = await bulkRoute(deps, request.viewer!, request.body ?? {});
      return { results, counts: await queueCounts(deps) };
    },
  );

  app.get(
    '/api/admin/moderation/readers/:id',
    { schema: { params: idParams, querystring: cursorQuery, response: { 200: readerRecordResponse } } },
    async (request) => {
      const record = await readerRecord(deps, request.params.id, request.query.cursor);
      if (!record) throw moderationErrors.raise('MOD_READER_NOT_FOUND');
      return record;
    },
  );

  app.post(
    '/api/admin/moderation/readers/:id/:action',
    { schema: { params: readerActionParams, body: actionBody, response: { 200: readerActionResponse } } },
    async (request) => ({ reader: await actOnReaderRoute(deps, request.viewer!, request.params.id, request.params.action, request.body ?? {}) }),
  );
};

/** `/api/account/rejected-comments`: a signed-in reader's own rejected comments and why. */
export const readerRejectionsApi: FastifyPluginAsync<QueueDeps> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.get('/api/account/rejected-comments', { preHandler: requireViewer(), schema: { response: { 200: rejectedCommentsResponse } } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return { items: await rejectedCommentsFor(deps, request.viewer!.id) };
  });
};
