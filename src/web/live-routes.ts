import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import { httpErrors } from '../errors.js';
import { eventIdAt, type EventBus } from '../events/index.js';
import { followChannels, resumeFrom, type FollowedChannel } from './live-follow.js';
import { eventStreams, type EventStream } from './sse.js';

/** Articles one stream may follow: every open tab of a browser shares one stream, so this is its tabs. */
export const MAX_LIVE_ARTICLES = 50;
/**
 * Connections one address may open a minute. A browser reconnects when its set of tabs changes or its
 * network drops; each reconnect may read the replay window, so a loop of them is refused (429).
 */
export const LIVE_CONNECTS_PER_MINUTE = 120;

export interface SiteLiveOptions {
  events: Pick<EventBus, 'subscribe' | 'replay'>;
  heartbeatMs: number;
  now: () => Date;
  /** The followable ones among these article ids, each with its channel (comments domain). */
  articleChannels(ids: readonly string[]): Promise<FollowedChannel[]>;
  /** Keeps the stream's meter current (donations domain). */
  meter(stream: EventStream, log: FastifyBaseLogger): void;
}

/** Other instances' and Redis's clocks may run a little behind this one's. */
const POSITION_MARGIN_MS = 5_000;

interface LiveQuery {
  articles?: string;
  meter?: '0' | '1';
  since?: string;
}

const ID = '[0-9a-z]{1,40}';

/**
 * `GET /api/live?articles=ID,ID&meter=1`: one Server-Sent Events stream for everything live that a
 * browser's open pages show — each article's comment events (marked with `articleId`, each with an id)
 * and the donation meter. Pages elect one tab to hold it and share its events (client/live/hub.ts); a
 * reconnect (Last-Event-ID, or `since` for a new set of articles) replays what was missed.
 *
 * It carries only what any reader may see, so any site may read it (`access-control-allow-origin: *`,
 * no credentials): an embedded widget follows it the same way.
 */
export const siteLiveRoutes: FastifyPluginAsync<SiteLiveOptions> = async (plain, options) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const openStream = eventStreams(app, { heartbeatMs: options.heartbeatMs, headers: { 'access-control-allow-origin': '*' } });

  app.get(
    '/api/live',
    {
      config: { rateLimit: { max: LIVE_CONNECTS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            articles: { type: 'string', maxLength: MAX_LIVE_ARTICLES * 41, pattern: `^${ID}(,${ID}){0,${MAX_LIVE_ARTICLES - 1}}$` },
            meter: { type: 'string', enum: ['0', '1'] },
            since: { type: 'string', maxLength: 40, pattern: '^\\d{1,15}-\\d{1,12}$' },
          },
        },
      },
    },
    async (request, reply) => {
      const ids = [...new Set(request.query.articles?.split(',') ?? [])];
      const meter = request.query.meter === '1';
      if (ids.length === 0 && !meter) {
        throw httpErrors.raise('VALIDATION_FAILED', 'Say what to follow: ?articles=ID,ID (up to 50) and/or ?meter=1.', 'articles');
      }
      const channels = await options.articleChannels(ids);
      const after = resumeFrom(request, request.query.since, options.now());
      const stream = openStream(reply);
      if (stream.closed) return;
      if (meter) options.meter(stream, request.log);
      const caughtUp = await followChannels(stream, options.events, channels, after);
      // Where this stream stands, so a reconnect for a new set of tabs resumes here even if nothing
      // has happened yet. Without a cursor: a little before now, as a page names its own moment.
      stream.send({ type: 'live.at' }, caughtUp ?? eventIdAt(options.now().getTime() - POSITION_MARGIN_MS));
    },
  );
};
