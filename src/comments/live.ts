import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type { TribuneEvent } from '../events/index.js';
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
  const open = new Set<ServerResponse>();
  // Fastify waits for open connections on close; live streams never finish on their own.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });

  app.get<{ Params: { article: string } }>(
    '/api/articles/:article/live',
    { schema: { params: { type: 'object', required: ['article'], properties: { article: { type: 'string', minLength: 1, maxLength: 200 } } } } },
    async (request, reply) => {
      const article = await findCommentableArticle(deps, request.params.article);
      reply.hijack();
      const stream = reply.raw;
      const headers: Record<string, string | number | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
      stream.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      stream.write('retry: 5000\n: connected\n\n');
      const send = (event: TribuneEvent) => {
        stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const unsubscribe = deps.events.subscribe(articleChannel(article.id), send);
      const heartbeat = setInterval(() => stream.write(': ping\n\n'), deps.heartbeatMs);
      heartbeat.unref();
      open.add(stream);
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(stream);
      };
      request.raw.once('close', close);
      stream.once('close', close);
      stream.once('error', close);
    },
  );
};
