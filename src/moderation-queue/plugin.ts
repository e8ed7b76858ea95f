import type { FastifyPluginAsync } from 'fastify';
import { moderationApi, readerRejectionsApi } from './api-routes.js';
import { startAuditRecorder } from './audit.js';
import { moderationLive } from './live.js';
import { moderationLogRoutes } from './log-routes.js';
import { editorialRoutes } from './editorial-routes.js';
import { moderationPages } from './routes.js';
import type { QueueDeps } from './types.js';

export interface ModerationQueueOptions extends QueueDeps {
  heartbeatMs?: number;
  countsDebounceMs?: number;
}

/**
 * The moderators' half of moderation: queue pages and forms, the JSON API, the live stream, and the
 * recorder that writes readers' reports into the audit log (the pipeline's holds and rejects are written
 * by the comments domain, in the transaction that stores the comment).
 */
export const moderationQueuePlugin: FastifyPluginAsync<ModerationQueueOptions> = async (app, options) => {
  const deps: QueueDeps = {
    db: options.db, now: options.now, settings: options.settings, events: options.events, log: options.log,
    baseUrl: options.baseUrl, mailer: options.mailer,
  };
  const recorder = startAuditRecorder(deps);
  app.addHook('onClose', async () => {
    recorder.stop();
    await recorder.idle();
  });
  await app.register(moderationPages, deps);
  await app.register(moderationApi, deps);
  await app.register(moderationLogRoutes, deps);
  await app.register(editorialRoutes, deps);
  await app.register(moderationLive, { ...deps, heartbeatMs: options.heartbeatMs ?? 25_000, countsDebounceMs: options.countsDebounceMs ?? 200 });
  await app.register(readerRejectionsApi, deps);
};
