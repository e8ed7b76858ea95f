import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../../accounts/index.js';
import { getCommentsByIds, MODERATION_CHANNEL } from '../../comments/index.js';
import type { TribuneEvent } from '../../events/index.js';
import { queueCounts } from './service.js';
import type { QueueDeps } from './types.js';

export interface LiveQueueOptions extends QueueDeps {
  heartbeatMs: number;
  /** Counts are recomputed at most this often while events pour in. */
  countsDebounceMs: number;
}

/**
 * `GET /api/admin/moderation/live`: Server-Sent Events for the queue — `comment.held` (with the status
 * it was stored in), `comment.flagged`, `moderation.action` (another moderator acted) and `counts`.
 * Events carry ids only; the page fetches what it shows. The subscription ends with the connection.
 */
export const moderationLive: FastifyPluginAsync<LiveQueueOptions> = async (app, deps) => {
  app.addHook('preHandler', requireRole('moderator'));
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });

  app.get('/api/admin/moderation/live', async (request, reply) => {
    reply.hijack();
    const stream = reply.raw;
    const headers: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value;
    stream.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    stream.write('retry: 5000\n: connected\n\n');
    let closed = false;
    const write = (event: TribuneEvent) => {
      if (!closed) stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };

    let countsTimer: NodeJS.Timeout | undefined;
    const scheduleCounts = () => {
      if (countsTimer || closed) return;
      countsTimer = setTimeout(() => {
        countsTimer = undefined;
        queueCounts(deps).then((counts) => write({ type: 'counts', ...counts }), (error: unknown) => request.log.warn({ err: error }, 'moderation live: counts failed'));
      }, deps.countsDebounceMs);
    };

    const forward = async (event: TribuneEvent) => {
      if (event.type === 'comment.held' && typeof event.commentId === 'string') {
        const [row] = await getCommentsByIds(deps, [event.commentId]);
        write({ type: 'comment.held', commentId: event.commentId, status: row?.status ?? 'unknown' });
      } else if (event.type === 'comment.flagged' && typeof event.commentId === 'string') {
        write({ type: 'comment.flagged', commentId: event.commentId, flagCount: Number(event.flagCount ?? 0) });
      } else if (event.type === 'moderation.action') {
        write({ type: 'moderation.action', action: event.action, commentIds: event.commentIds, userId: event.userId, actorId: event.actorId });
      } else {
        return;
      }
      scheduleCounts();
    };
    const unsubscribe = deps.events.subscribe(MODERATION_CHANNEL, (event) => {
      forward(event).catch((error: unknown) => request.log.warn({ err: error }, 'moderation live: event failed'));
    });
    const heartbeat = setInterval(() => stream.write(': ping\n\n'), deps.heartbeatMs);
    heartbeat.unref();
    open.add(stream);
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      if (countsTimer) clearTimeout(countsTimer);
      unsubscribe();
      open.delete(stream);
    };
    request.raw.once('close', close);
    stream.once('close', close);
    stream.once('error', close);
  });
};
