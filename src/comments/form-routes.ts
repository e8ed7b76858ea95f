import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { csrfToken } from '../accounts/index.js';
import { findArticleForComments } from '../articles/index.js';
import { AppError } from '../errors.js';
import { html } from '../web/html.js';
import { page } from '../web/layout.js';
import { commentErrors } from './errors.js';
import { actorFor, ensureGuestActor, networkOf, reactionNetworkKey } from './guest.js';
import { perIp } from './limits.js';
import { findComment, isVisibleTo } from './queries.js';
import { flagComment, toggleReaction } from './reactions.js';
import { formCommentBody, formEditBody, formFlagBody, idParams } from './contract.js';
import { articlePath } from './markup/context.js';
import { COMMENT_BODY_LIMIT } from './routes.js';
import { deleteComment, editComment, postComment } from './service.js';
import type { CommentsDeps, PublicComment } from './types.js';

interface FormOptions extends CommentsDeps {
  secureCookies: boolean;
  readerLimit: preHandlerAsyncHookHandler;
  networkSalt: Buffer;
}


/** Where a comment is on its article page: its thread drawn first, so it is there even beyond page one. */
export function commentLocation(slug: string, comment: Pick<PublicComment, 'id' | 'rootId' | 'status'>): string {
  if (comment.status === 'pending') return `${articlePath(slug)}?posted=pending#comments`;
  return `${articlePath(slug)}?thread=${comment.rootId}&comment=${comment.id}#c-${comment.id}`;
}

/**
 * The comment section without JavaScript: plain form posts that answer with a redirect back to the
 * comment (303), and the permalink `/comments/:id`. Errors become the site's error page.
 */
export const commentFormRoutes: FastifyPluginAsync<FormOptions> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const actions = { config: perIp(deps.settings, 'actionsPerMinutePerIp') };

  app.get('/comments/:id', { schema: { params: idParams } }, async (request, reply) => {
    const row = await findComment(deps.db, request.params.id);
    const article = row && isVisibleTo(row, actorFor(request)) ? await findArticleForComments(deps.db, row.article_id, deps.now()) : undefined;
    if (!row || !article) throw commentErrors.raise('COMMENT_NOT_FOUND');
    return reply.redirect(commentLocation(article.slug, { id: row.id, rootId: row.root_id, status: 'published' }), 302);
  });

  app.post(
    '/comments',
    {
      bodyLimit: COMMENT_BODY_LIMIT,
      config: perIp(deps.settings, 'postsPerMinutePerIp'),
      preHandler: deps.readerLimit,
      schema: { body: formCommentBody },
    },
    async (request, reply) => {
      const actor = ensureGuestActor(request, reply, deps.secureCookies);
      const { article, text, parentId, name, email, postAnyway } = request.body;
      try {
        const posted = await postComment(deps, actor, { article, text, parentId: parentId || null, guestName: name, guestEmail: email, postAnyway: postAnyway === '1', network: networkOf(request.ip) });
        return reply.redirect(commentLocation(posted.article.slug, posted.comment), 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NUDGE') return nudgePage(request, reply, { action: '/comments', fields: { article, parentId: parentId ?? '', name: name ?? '', email: email ?? '' }, text, error });
        throw error;
      }
    },
  );

  app.post(
    '/comments/:id/edit',
    { bodyLimit: COMMENT_BODY_LIMIT, ...actions, schema: { params: idParams, body: formEditBody } },
    async (request, reply) => {
      try {
        const edited = await editComment(deps, actorFor(request), request.params.id, { text: request.body.text, postAnyway: request.body.postAnyway === '1' });
        return reply.redirect(commentLocation(edited.article.slug, edited.comment), 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NUDGE') return nudgePage(request, reply, { action: `/comments/${request.params.id}/edit`, fields: {}, text: request.body.text, error });
        throw error;
      }
    },
  );

  app.post('/comments/:id/delete', { ...actions, schema: { params: idParams } }, async (request, reply) => {
    const deleted = await deleteComment(deps, actorFor(request), request.params.id);
    return reply.redirect(commentLocation(deleted.article.slug, { ...deleted.comment, status: 'published' }), 303);
  });

  app.post('/comments/:id/react', { ...actions, schema: { params: idParams } }, async (request, reply) => {
    await toggleReaction(deps, ensureGuestActor(request, reply, deps.secureCookies), request.params.id, {
      networkKey: reactionNetworkKey(deps.networkSalt, request.params.id, request.ip),
    });
    return redirectToComment(reply, request.params.id);
  });

  app.post(
    '/comments/:id/flag',
    {
      ...actions,
      schema: { params: idParams, body: formFlagBody },
    },
    async (request, reply) => {
      await flagComment(deps, ensureGuestActor(request, reply, deps.secureCookies), request.params.id, request.body);
      return redirectToComment(reply, request.params.id);
    },
  );

  async function redirectToComment(reply: FastifyReply, id: string) {
    const row = await findComment(deps.db, id);
    const article = row ? await findArticleForComments(deps.db, row.article_id, deps.now()) : undefined;
    return reply.redirect(row && article ? commentLocation(article.slug, { id, rootId: row.root_id, status: 'published' }) : '/', 303);
  }

  /** "This may break our rules": the text back in the form, to edit it or post it anyway. */
  async function nudgePage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { action: string; fields: Record<string, string>; text: string; error: AppError },
  ) {
    const csrf = csrfToken(request, reply);
    const settings = await deps.settings.get();
    const reasons = (form.error.detail?.reasons as { message: string }[] | undefined) ?? [];
    const body = html`<section class="narrow-form">
      <h1>Before you post</h1>
      <p class="notice notice--warning" role="alert">${form.error.message}</p>
      ${reasons.length > 0 ? html`<ul>${reasons.map((reason) => html`<li>${reason.message}</li>`)}</ul>` : ''}
      <form method="post" action="${form.action}">
        <input type="hidden" name="_csrf" value="${csrf}">
        ${Object.entries(form.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
        <label for="nudge-text">Your comment</label>
        <textarea id="nudge-text" name="text" rows="6" required>${form.text}</textarea>
        <p><button type="submit">Post my edited comment</button>
        <button type="submit" name="postAnyway" value="1" class="button--quiet">Post anyway</button></p>
      </form>
    </section>`;
    return reply.code(422).type('text/html; charset=utf-8').send(page({ title: 'Before you post', settings, viewer: request.viewer, csrf, body }).value);
  }
};
