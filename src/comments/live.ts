import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync } from 'fastify';
import { publicArticles } from '../articles/index.js';
import { followChannels, resumeFrom, type FollowedChannel } from '../web/live-follow.js';
import { eventStreams } from '../web/sse.js';
import { articleParams } from './contract.js';
import { articleChannel } from './events.js';
import { findCommentableArticle } from './service.js';
import type { CommentsDeps } from './types.js';

export interface LiveOptions extends CommentsDeps {
  /** Comment lines keep proxies from closing a quiet stream. */
  heartbeatMs: number;
}

const SINCE = { type: 'string', maxLength: 40 } as const;

/**
 * `GET /api/articles/:article/live`: Server-Sent Events for one article — comment.created (published
 * only), comment.updated, comment.deleted, reaction.changed, each with an id; a reconnect replays what it
 * missed. Kept for widgets embedded before the site-wide stream (`/api/live`), which pages now share.
 */
export const liveRoutes: FastifyPluginAsync<LiveOptions> = async (plain, deps) => {
  const openStream = eventStreams(plain, { heartbeatMs: deps.heartbeatMs });
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();

  app.get(
    '/api/articles/:article/live',
    {
      schema: {
        params: articleParams,
        querystring: { type: 'object', properties: { since: SINCE } },
      },
    },
    async (request, reply) => {
      const article = await findCommentableArticle(deps, request.params.article);
      const after = resumeFrom(request, request.query.since, deps.now());
      const stream = openStream(reply);
      await followChannels(stream, deps.events, [{ channel: articleChannel(article.id) }], after);
    },
  );
};

/**
 * For the site-wide stream: the channels of those ids that are public articles, each event marked with
 * its article so one stream can carry several. Unknown ids are left out, not refused, so one tab on an
 * unpublished story does not cut the live updates of every other tab sharing the stream.
 */
export function liveArticleChannels(deps: Pick<CommentsDeps, 'db' | 'now'>) {
  return async (ids: readonly string[]): Promise<FollowedChannel[]> => {
    if (ids.length === 0) return [];
    const rows = await publicArticles(deps.db, deps.now()).select('id').where('id', 'in', ids).execute();
    return rows.map(({ id }) => ({ channel: articleChannel(id), extra: { articleId: id } }));
  };
}
