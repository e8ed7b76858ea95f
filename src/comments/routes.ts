import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import type { FlagReason } from '../db/schema.js';
import { actorFor, ensureGuestActor, networkOf, reactionNetworkKey } from './guest.js';
import { perIp } from './limits.js';
import { actorKey, loadPresentContext, presentComment } from './present.js';
import { ownComments, publishedCounts, reactedOnArticle } from './queries.js';
import { FLAG_REASONS, flagComment, toggleReaction } from './reactions.js';
import { listReplies, listThreads, MAX_REPLIES_PER_THREAD, MAX_THREADS_PER_PAGE } from './read.js';
import { closedReason } from './rules.js';
import { deleteComment, editComment, findCommentableArticle, postComment } from './service.js';
import { reviewFirstNotice, viewerSanction } from './sanction.js';
import { COMMENT_SORTS, type CommentActor, type CommentSort, type CommentsDeps } from './types.js';
import type { SiteSettings } from '../settings/index.js';
import { sanctionText } from '../web/sanction-text.js';

export interface CommentRouteOptions extends CommentsDeps {
  secureCookies: boolean;
  readerLimit: preHandlerAsyncHookHandler;
  /** `reactionSalt(secret)`: keys what guests' likes remember of their network. */
  networkSalt: Buffer;
}

/** Room for the longest allowed comment in any script (up to 4 bytes a character) — and no more. */
export const COMMENT_BODY_LIMIT = 24 * 1024;

const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-z]{10,40}$' } } } as const;
const articleParam = { type: 'object', required: ['article'], properties: { article: { type: 'string', minLength: 1, maxLength: 200 } } } as const;
const textBody = { type: 'string', maxLength: 1_000_000 } as const;

export const commentApiRoutes: FastifyPluginAsync<CommentRouteOptions> = async (app, deps) => {
  const actions = { config: perIp(deps.settings, 'actionsPerMinutePerIp') };
  // Why this viewer cannot comment, for the widget to show where the form would be.
  const sanctionFor = async (actor: CommentActor, ip: string, site: SiteSettings['site']) => {
    const sanction = await viewerSanction(deps, actor, networkOf(ip));
    return sanction ? { ...sanction, message: sanctionText(sanction, site) } : null;
  };

  app.get<{ Params: { article: string }; Querystring: { sort?: CommentSort; cursor?: string; limit?: number; replies?: number; thread?: string } }>(
    '/api/articles/:article/comments',
    {
      schema: {
        params: articleParam,
        querystring: {
          type: 'object',
          properties: {
            sort: { type: 'string', enum: [...COMMENT_SORTS] },
            cursor: { type: 'string', maxLength: 300 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_THREADS_PER_PAGE },
            replies: { type: 'integer', minimum: 0, maximum: MAX_REPLIES_PER_THREAD },
            thread: { type: 'string', pattern: '^[0-9a-z]{10,40}$' },
          },
        },
      },
    },
    async (request) => {
      const article = await findCommentableArticle(deps, request.params.article);
      const settings = await deps.settings.get();
      const actor = actorFor(request);
      const { sort, cursor, limit, replies, thread } = request.query;
      const listed = await listThreads(deps, { article, actor, sort, cursor, limit, replies, ...(thread ? { pin: { rootId: thread } } : {}) });
      const closed = closedReason(article, settings.comments, deps.now());
      return {
        article: { id: article.id, slug: article.slug, title: article.title, url: `${deps.baseUrl}/articles/${encodeURIComponent(article.slug)}`, closed: closed !== null, closedMessage: closed },
        viewer: {
          signedIn: actor.userId !== null, name: actor.displayName, sanction: await sanctionFor(actor, request.ip, settings.site),
          reviewFirst: await reviewFirstNotice(deps, actor, { premoderate: article.premoderate === 1 }, settings.moderation),
        },
        rules: { guestsAllowed: settings.comments.guestsAllowed, maxLength: settings.comments.maxLength, editWindowMinutes: settings.comments.editWindowMinutes },
        count: (await publishedCounts(deps.db, [article.id])).get(article.id) ?? 0,
        ...listed,
      };
    },
  );

  // What the server-rendered page cannot know about a guest: their own comments (held ones too) and reactions.
  app.get<{ Params: { article: string } }>('/api/articles/:article/comments/mine', { schema: { params: articleParam } }, async (request) => {
    const article = await findCommentableArticle(deps, request.params.article);
    const actor = actorFor(request);
    const key = actorKey(actor);
    if (!key) return { mine: [], reacted: [] };
    const rows = await ownComments(deps.db, article.id, actor);
    const { comments: settings } = await deps.settings.get();
    const context = await loadPresentContext(deps.db, rows, { actor, slug: article.slug, baseUrl: deps.baseUrl, editWindowMinutes: settings.editWindowMinutes, now: deps.now() });
    return { mine: rows.map((row) => presentComment(row, context)), reacted: await reactedOnArticle(deps.db, article.id, key) };
  });

  app.post<{ Params: { article: string }; Body: { text: string; parentId?: string | null; name?: string; email?: string; postAnyway?: boolean } }>(
    '/api/articles/:article/comments',
    {
      bodyLimit: COMMENT_BODY_LIMIT,
      config: perIp(deps.settings, 'postsPerMinutePerIp'),
      preHandler: deps.readerLimit,
      schema: {
        params: articleParam,
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: textBody,
            parentId: { anyOf: [{ type: 'string', pattern: '^[0-9a-z]{10,40}$' }, { type: 'null' }] },
            name: { type: 'string', maxLength: 200 },
            email: { type: 'string', maxLength: 320 },
            postAnyway: { type: 'boolean' },
          },
        },
      },
    },
    async (request, reply) => {
      const actor = ensureGuestActor(request, reply, deps.secureCookies);
      const { text, parentId, name, email, postAnyway } = request.body;
      const posted = await postComment(deps, actor, { article: request.params.article, text, parentId, guestName: name, guestEmail: email, postAnyway, network: networkOf(request.ip) });
      return reply.code(201).send({ comment: posted.comment });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { cursor?: string; limit?: number } }>(
    '/api/comments/:id/replies',
    {
      schema: {
        params: idParam,
        querystring: { type: 'object', properties: { cursor: { type: 'string', maxLength: 20_000 }, limit: { type: 'integer', minimum: 1, maximum: MAX_REPLIES_PER_THREAD } } },
      },
    },
    async (request) => listReplies(deps, { commentId: request.params.id, actor: actorFor(request), cursor: request.query.cursor, limit: request.query.limit }),
  );

  app.patch<{ Params: { id: string }; Body: { text: string; postAnyway?: boolean } }>(
    '/api/comments/:id',
    {
      bodyLimit: COMMENT_BODY_LIMIT,
      ...actions,
      schema: { params: idParam, body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: textBody, postAnyway: { type: 'boolean' } } } },
    },
    async (request) => ({ comment: (await editComment(deps, actorFor(request), request.params.id, request.body)).comment }),
  );

  app.delete<{ Params: { id: string } }>('/api/comments/:id', { ...actions, schema: { params: idParam } }, async (request) => ({
    comment: (await deleteComment(deps, actorFor(request), request.params.id)).comment,
  }));

  app.post<{ Params: { id: string } }>('/api/comments/:id/reactions', { ...actions, schema: { params: idParam } }, async (request, reply) =>
    toggleReaction(deps, ensureGuestActor(request, reply, deps.secureCookies), request.params.id, {
      networkKey: reactionNetworkKey(deps.networkSalt, request.params.id, request.ip),
    }),
  );

  app.post<{ Params: { id: string }; Body: { reason: FlagReason; note?: string } }>(
    '/api/comments/:id/flags',
    {
      ...actions,
      schema: {
        params: idParam,
        body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', enum: [...FLAG_REASONS] }, note: { type: 'string', maxLength: 500 } } },
      },
    },
    async (request, reply) => {
      const result = await flagComment(deps, ensureGuestActor(request, reply, deps.secureCookies), request.params.id, request.body);
      return reply.code(result.alreadyFlagged ? 200 : 201).send(result);
    },
  );
};
