import type { FastifyPluginAsync } from 'fastify';
import { eventStreams } from '../web/sse.js';
import { articleChannel } from './events.js';
import { findCommentableArticle } from './service.js';
import type { CommentsDeps } from './types.js';

export interface LiveOptions extends CommentsDeps {
  /** Comment lines keep proxies from closing a quiet stream. */
  heartbeatMs: number;
}

/**
 * `GET /api/articles/:article/live`: Server-Sent Events for one article — comment.created (published
 * only), comment.updated, comment.deleted, reaction.changed. Each stream holds one subscription on the
 * event bus and gives it back when the connection closes, however it closes.
 */
export const liveRoutes: FastifyPluginAsync<LiveOptions> = async (app, deps) => {
  const openStream = eventStreams(app, { heartbeatMs: deps.heartbeatMs });

  app.get<{ Params: { article: string } }>(
    '/api/articles/:article/live',
    { schema: { params: { type: 'object', required: ['article'], properties: { article: { type: 'string', minLength: 1, maxLength: 200 } } } } },
    async (request, reply) => {
      const article = await findCommentableArticle(deps, request.params.article);
      const stream = openStream(reply);
      stream.onClose(deps.events.subscribe(articleChannel(article.id), (event) => stream.send(event)));
    },
  );
};
