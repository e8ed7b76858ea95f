import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import {
  articleParams, commentResponse, editCommentBody, flagBody, flagResponse, idParams, mineResponse, newCommentBody, reactionResponse, repliesResponse, sectionResponse,
} from './contract.js';
import { actorFor, ensureGuestActor, networkOf, reactionNetworkKey } from './guest.js';
import { perIp } from './limits.js';
import { actorKey, loadPresentContext, presentComment } from './present.js';
import { ownComments, publishedCounts, reactedOnArticle } from './queries.js';
import { flagComment, toggleReaction } from './reactions.js';
import { listReplies, listThreads, MAX_REPLIES_PER_THREAD, MAX_THREADS_PER_PAGE } from './read.js';
import { closedReason } from './rules.js';
import { deleteComment, editComment, findCommentableArticle, postComment } from './service.js';
import { featuredComments } from './featured.js';
import { viewerNotices } from './sanction.js';
import { articleTag } from '../web/page-cache-events.js';
import { keepOutOfPageCache, tagPage } from '../web/page-cache-plugin.js';
import { COMMENT_SORTS, type CommentsDeps } from './types.js';

export interface CommentRouteOptions extends CommentsDeps {
  secureCookies: boolean;
  readerLimit: preHandlerAsyncHookHandler;
  /** `reactionSalt(secret)`: keys what guests' likes remember of their network. */
  networkSalt: Buffer;
}

/** Room for the longest allowed comment in any script (up to 4 bytes a character) — and no more. */
export const COMMENT_BODY_LIMIT = 24 * 1024;


export const commentApiRoutes: FastifyPluginAsync<CommentRouteOptions> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const actions = { config: perIp(deps.settings, 'actionsPerMinutePerIp') };

  app.get(
    '/api/articles/:article/comments',
    {
      schema: {
        params: articleParams,
        response: { 200: sectionResponse },
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
      tagPage(request, [articleTag(article.id)]);
      const settings = await deps.settings.get();
      const actor = actorFor(request);
      const { sort, cursor, limit, replies, thread } = request.query;
      const listed = await listThreads(deps, { article, actor, sort, cursor, limit, replies, ...(thread ? { pin: { rootId: thread } } : {}) });
      const closed = closedReason(article, settings.comments, deps.now());
      const viewer = await viewerNotices(deps, actor, { premoderate: article.premoderate === 1 }, settings, networkOf(request.ip), closed !== null);
      // A cookie-less guest's network may be sanctioned: that answer is theirs alone, never cached.
      if (viewer.sanction) keepOutOfPageCache(request);
      return {
        article: { id: article.id, slug: article.slug, title: article.title, url: `${deps.baseUrl}/articles/${encodeURIComponent(article.slug)}`, closed: closed !== null, closedMessage: closed },
        // What the widget shows where the form would be (the shared article page cannot know a guest).
        viewer,
        rules: { guestsAllowed: settings.comments.guestsAllowed, maxLength: settings.comments.maxLength, editWindowMinutes: settings.comments.editWindowMinutes },
        site: { locale: settings.site.locale, timeZone: settings.site.timeZone },
        count: (await publishedCounts(deps.db, [article.id])).get(article.id) ?? 0,
        featured: await featuredComments(deps, article, actor),
        ...listed,
      };
    },
  );

  // What the server-rendered page cannot know about a guest: their own comments (held ones too) and reactions.
  app.get('/api/articles/:article/comments/mine', { schema: { params: articleParams, response: { 200: mineResponse } } }, async (request) => {
    const article = await findCommentableArticle(deps, request.params.article);
    const actor = actorFor(request);
    const key = actorKey(actor);
    if (!key) return { mine: [], reacted: [] };
    const rows = await ownComments(deps.db, article.id, actor);
    const { comments: settings } = await deps.settings.get();
    const context = await loadPresentContext(deps.db, rows, { actor, slug: article.slug, baseUrl: deps.baseUrl, editWindowMinutes: settings.editWindowMinutes, now: deps.now() });
    return { mine: rows.map((row) => presentComment(row, context)), reacted: await reactedOnArticle(deps.db, article.id, key) };
  });

  app.post(
    '/api/articles/:article/comments',
    {
      bodyLimit: COMMENT_BODY_LIMIT,
      config: perIp(deps.settings, 'postsPerMinutePerIp'),
      preHandler: deps.readerLimit,
      schema: { params: articleParams, body: newCommentBody, response: { 201: commentResponse } },
    },
    async (request, reply) => {
      const actor = ensureGuestActor(request, reply, deps.secureCookies);
      const { text, parentId, name, email, postAnyway } = request.body;
      const posted = await postComment(deps, actor, { article: request.params.article, text, parentId, guestName: name, guestEmail: email, postAnyway, network: networkOf(request.ip) });
      return reply.code(201).send({ comment: posted.comment });
    },
  );

  app.get(
    '/api/comments/:id/replies',
    {
      schema: {
        params: idParams,
        response: { 200: repliesResponse },
        querystring: { type: 'object', properties: { cursor: { type: 'string', maxLength: 20_000 }, limit: { type: 'integer', minimum: 1, maximum: MAX_REPLIES_PER_THREAD } } },
      },
    },
    async (request) => listReplies(deps, { commentId: request.params.id, actor: actorFor(request), cursor: request.query.cursor, limit: request.query.limit }),
  );

  app.patch(
    '/api/comments/:id',
    {
      bodyLimit: COMMENT_BODY_LIMIT,
      ...actions,
      schema: { params: idParams, body: editCommentBody, response: { 200: commentResponse } },
    },
    async (request) => ({ comment: (await editComment(deps, actorFor(request), request.params.id, request.body)).comment }),
  );

  app.delete('/api/comments/:id', { ...actions, schema: { params: idParams, response: { 200: commentResponse } } }, async (request) => ({
    comment: (await deleteComment(deps, actorFor(request), request.params.id)).comment,
  }));

  app.post('/api/comments/:id/reactions', { ...actions, schema: { params: idParams, response: { 200: reactionResponse } } }, async (request, reply) =>
    toggleReaction(deps, ensureGuestActor(request, reply, deps.secureCookies), request.params.id, {
      networkKey: reactionNetworkKey(deps.networkSalt, request.params.id, request.ip),
    }),
  );

  app.post(
    '/api/comments/:id/flags',
    {
      ...actions,
      schema: { params: idParams, body: flagBody, response: { 200: flagResponse, 201: flagResponse } },
    },
    async (request, reply) => {
      const result = await flagComment(deps, ensureGuestActor(request, reply, deps.secureCookies), request.params.id, request.body);
      return reply.code(result.alreadyFlagged ? 200 : 201).send(result);
    },
  );
};
