import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { httpErrors } from '../errors.js';
import type { SiteSettings } from '../settings/index.js';
import type { SettingsService } from '../settings/index.js';

type Limit = keyof Pick<SiteSettings['comments'], 'postsPerMinutePerIp' | 'actionsPerMinutePerIp'>;

/** Route config for @fastify/rate-limit: per IP per minute, the number read from settings on each request. */
export function perIp(settings: SettingsService, limit: Limit) {
  return { rateLimit: { timeWindow: 60_000, max: async () => (await settings.get()).comments[limit] } };
}

/**
 * A second limit keyed by the signed-in reader, shared by every posting route, so one account cannot
 * post faster by switching networks. Guests are held by the per-IP limit alone.
 */
export function perReaderPostLimit(app: FastifyInstance, settings: SettingsService) {
  const check = app.createRateLimit({
    timeWindow: 60_000,
    max: async () => (await settings.get()).comments.postsPerMinutePerReader,
    keyGenerator: (request) => `reader:${request.viewer?.id ?? ''}`,
  });
  return async function readerLimit(request: FastifyRequest): Promise<void> {
    if (!request.viewer) return;
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) {
      throw httpErrors.raise('RATE_LIMITED', `You are posting too fast; try again in ${result.ttlInSeconds} s.`, undefined, { retryAfter: result.ttlInSeconds });
    }
  };
}
