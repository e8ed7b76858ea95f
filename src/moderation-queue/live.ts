import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../accounts/index.js';
import { getCommentsByIds, MODERATION_CHANNEL } from '../comments/index.js';
import type { EventOn } from '../events/index.js';
import type { QueueLiveEvent } from './contract.js';
import { eventStreams } from '../web/sse.js';
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
  const openStream = eventStreams(app, { heartbeatMs: deps.heartbeatMs });

  app.get('/api/admin/moderation/live', async (request, reply) => {
    const stream = openStream(reply);
    const write = (event: QueueLiveEvent) => stream.send(event);

    let countsTimer: NodeJS.Timeout | undefined;
    const scheduleCounts = () => {
      if (countsTimer || stream.closed) return;
      countsTimer = setTimeout(() => {
        countsTimer = undefined;
        queueCounts(deps).then((counts) => write({ type: 'counts', ...counts }), (error: unknown) => request.log.warn({ err: error }, 'moderation live: counts failed'));
      }, deps.countsDebounceMs);
    };

    const forward = async (event: EventOn<typeof MODERATION_CHANNEL>) => {
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
    stream.onClose(unsubscribe);
    stream.onClose(() => {
      if (countsTimer) clearTimeout(countsTimer);
    });
  });
};
