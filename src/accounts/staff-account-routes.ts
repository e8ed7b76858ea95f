import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Deps } from '../runtime.js';
import { adminPage } from '../web/admin-layout.js';
import { accountErrors } from './errors.js';
import { csrfToken, requireRole, sessionIdOf } from './http.js';
import { findUserById } from './queries.js';
import { endUserSessions, listSessions, revokeSession } from './sessions.js';
import { changePassword } from './staff-account.js';
import { staffAccountPage, type StaffAccountPageInput } from './staff-account-page.js';
import { isJsonPost } from '../web/form-post.js';

type Options = Pick<Deps, 'db' | 'now' | 'settings'>;

const NOTICES: Record<string, string> = {
  password: 'Password changed. Every other place you were signed in has been signed out.',
  revoked: 'That session is signed out.',
  others: 'Signed out everywhere else.',
};
const csrfOnly = { type: 'object', properties: { _csrf: { type: 'string' } } } as const;

/** /admin/account: every staff member's own password and sessions. */
export const staffAccountRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('admin', 'editor', 'moderator'));

  // Only staff with a session pass the guard, so there is always one.
  const currentSessionId = (request: FastifyRequest) => sessionIdOf(request)!;

  async function show(request: FastifyRequest, reply: FastifyReply, extra: Partial<StaffAccountPageInput>, status = 200) {
    const viewer = request.viewer!;
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const user = await findUserById(deps.db, viewer.id);
    const sessions = await listSessions(deps.db, viewer.id, deps.now(), currentSessionId(request));
    const body = staffAccountPage({ email: user?.email ?? null, displayName: viewer.displayName, role: viewer.role, sessions, settings, csrf, ...extra });
    reply.header('cache-control', 'no-store');
    return reply.code(status).type('text/html; charset=utf-8').send(adminPage({ title: 'Your account', section: 'account', settings, viewer, csrf, body }).value);
  }


  app.get(
    '/admin/account',
    { schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => show(request, reply, { notice: NOTICES[request.query.done ?? ''] }),
  );

  app.post(
    '/admin/account/password',
    {
      schema: {
        body: {
          type: 'object',
          required: ['currentPassword', 'password'],
          properties: {
            currentPassword: { type: 'string', maxLength: 1000 }, password: { type: 'string', maxLength: 1000 }, passwordConfirm: { type: 'string', maxLength: 1000 },
            username: { type: 'string', maxLength: 320 }, _csrf: { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      try {
        await changePassword({ ...deps, log: request.log }, { userId: request.viewer!.id, sessionId: currentSessionId(request), ip: request.ip, ...request.body });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || isJsonPost(request)) throw error;
        if (typeof error.detail?.retryAfter === 'number') reply.header('retry-after', String(error.detail.retryAfter));
        return show(request, reply, { error: { field: error.field, message: error.message } }, error.status);
      }
      if (isJsonPost(request)) return { ok: true };
      return reply.redirect('/admin/account?done=password', 303);
    },
  );

  app.post(
    '/admin/account/sessions/:handle/revoke',
    { schema: { params: { type: 'object', required: ['handle'], properties: { handle: { type: 'string', maxLength: 64 } } }, body: csrfOnly } },
    async (request, reply) => {
      if (!(await revokeSession(deps.db, request.viewer!.id, request.params.handle))) throw accountErrors.raise('SESSION_NOT_FOUND');
      if (isJsonPost(request)) return { ok: true };
      return reply.redirect('/admin/account?done=revoked', 303);
    },
  );

  app.post('/admin/account/sessions/revoke-others', { schema: { body: csrfOnly } }, async (request, reply) => {
    await endUserSessions(deps.db, request.viewer!.id, currentSessionId(request));
    if (isJsonPost(request)) return { ok: true };
    return reply.redirect('/admin/account?done=others', 303);
  });
};
