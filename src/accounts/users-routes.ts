import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, requireRole, sessionIdOf } from './http.js';
import { inviteStaff, listPendingInvites, resendInvite, revokeInvite } from './invites.js';
import { listStaff } from './queries.js';
import { createStaffUser } from './service.js';
import { changeStaffRole, removeStaff, signOutStaffEverywhere } from './staff.js';
import { resetTwoFactor } from './two-factor/index.js';
import type { Role } from '../db/schema.js';
import { AppError, httpErrors } from '../errors.js';
import type { Mailer } from '../mail/index.js';
import type { Deps } from '../runtime.js';
import { adminPage } from '../web/admin-layout.js';
import { isFormPost } from '../web/form-post.js';
import { usersPage, type UsersPageInput } from './users-page.js';

type Options = Pick<Deps, 'db' | 'dialect' | 'now' | 'settings' | 'config'> & { mailer: Mailer };

const NOTICES: Record<string, string> = {
  added: 'Staff member added.', changed: 'Role changed.', removed: 'Removed from the staff.', invited: 'Invitation sent.',
  resent: 'Invitation sent again, with a new link; the old one no longer works.', revoked: 'Invitation withdrawn.', 'signed-out': 'Signed out everywhere.',
  'two-factor-reset': 'Two-factor sign-in reset: they sign in with their password and set it up again.',
};
const inviteBody = {
  type: 'object',
  properties: { _csrf: { type: 'string' }, email: { type: 'string', maxLength: 320 }, displayName: { type: 'string', maxLength: 100 }, role: { type: 'string', maxLength: 20 } },
} as const;
const csrfOnly = { type: 'object', properties: { _csrf: { type: 'string' } } } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
const roleBody = { type: 'object', properties: { _csrf: { type: 'string' }, role: { type: 'string', maxLength: 20 } } } as const;

/** /admin/users: the staff list, invitations, adding staff, changing roles, signing out, removing staff. Admins only. */
export const usersRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.addHook('preHandler', requireRole('admin'));

  async function show(request: FastifyRequest, reply: FastifyReply, extra: Partial<UsersPageInput>, status = 200) {
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const invites = { invites: await listPendingInvites(deps.db, deps.now()), ...extra.invites };
    const body = usersPage({ staff: await listStaff(deps.db), viewerId: request.viewer!.id, settings, csrf, ...extra, invites });
    return reply.code(status).type('text/html; charset=utf-8').send(adminPage({ title: 'Staff', section: 'users', settings, viewer: request.viewer, csrf, body }).value);
  }

  function refused(error: unknown): error is AppError {
    return error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 403 && error.status !== 401;
  }

  app.get(
    '/admin/users',
    { schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => show(request, reply, { notice: NOTICES[request.query.done ?? ''] }),
  );

  app.post(
    '/admin/users',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            _csrf: { type: 'string' }, email: { type: 'string', maxLength: 320 }, displayName: { type: 'string', maxLength: 100 },
            role: { type: 'string', maxLength: 20 }, password: { type: 'string', maxLength: 1000 },
          },
        },
      },
    },
    async (request, reply) => {
      const { email = '', displayName = '', role = '', password = '' } = request.body;
      try {
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
          throw httpErrors.raise('VALIDATION_FAILED', 'Enter a valid email address.', 'email');
        }
        await createStaffUser(deps, { email, displayName, role: role as Role, password });
        return reply.redirect('/admin/users?done=added', 303);
      } catch (error) {
        if (!refused(error) || !isFormPost(request)) throw error;
        return show(request, reply, { addValues: { email, displayName, role }, addError: { field: error.field, message: error.message } }, error.status);
      }
    },
  );

  app.post(
    '/admin/users/:id/role',
    { schema: { params: idParams, body: roleBody } },
    async (request, reply) => {
      try {
        await changeStaffRole(deps, request.params.id, (request.body.role ?? '') as Role);
        return reply.redirect('/admin/users?done=changed', 303);
      } catch (error) {
        if (!refused(error) || !isFormPost(request)) throw error;
        return show(request, reply, { rowError: { userId: request.params.id, message: error.message } }, error.status);
      }
    },
  );

  app.post(
    '/admin/users/:id/remove',
    { schema: { params: idParams, body: { type: 'object', properties: { _csrf: { type: 'string' } } } } },
    async (request, reply) => {
      try {
        await removeStaff(deps, request.params.id);
        return reply.redirect('/admin/users?done=removed', 303);
      } catch (error) {
        if (!refused(error) || !isFormPost(request)) throw error;
        return show(request, reply, { rowError: { userId: request.params.id, message: error.message } }, error.status);
      }
    },
  );

  const inviteDeps = async () => ({ ...deps, baseUrl: deps.config.baseUrl, siteName: (await deps.settings.get()).site.name });

  app.post('/admin/users/invites', { schema: { body: inviteBody } }, async (request, reply) => {
    const { email = '', displayName = '', role = '' } = request.body;
    try {
      await inviteStaff(await inviteDeps(), { email, role, displayName, invitedBy: request.viewer!.id });
      return reply.redirect('/admin/users?done=invited', 303);
    } catch (error) {
      if (!refused(error) || !isFormPost(request)) throw error;
      const invites = { invites: await listPendingInvites(deps.db, deps.now()), values: { email, displayName, role }, error: { field: error.field, message: error.message } };
      return show(request, reply, { invites }, error.status);
    }
  });

  for (const [action, done] of [['resend', 'resent'], ['revoke', 'revoked']] as const) {
    app.post(`/admin/users/invites/:id/${action}`, { schema: { params: idParams, body: csrfOnly } }, async (request, reply) => {
      try {
        if (action === 'resend') await resendInvite(await inviteDeps(), request.params.id);
        else await revokeInvite(deps, request.params.id);
        return reply.redirect(`/admin/users?done=${done}`, 303);
      } catch (error) {
        if (!refused(error) || !isFormPost(request)) throw error;
        const invites = { invites: await listPendingInvites(deps.db, deps.now()), rowError: { inviteId: request.params.id, message: error.message } };
        return show(request, reply, { invites }, error.status);
      }
    });
  }

  app.post('/admin/users/:id/sign-out', { schema: { params: idParams, body: csrfOnly } }, async (request, reply) => {
    try {
      // An admin signing themselves out everywhere keeps this browser's session, like "everywhere else".
      await signOutStaffEverywhere(deps, request.params.id, request.params.id === request.viewer!.id ? sessionIdOf(request) : undefined);
      return reply.redirect('/admin/users?done=signed-out', 303);
    } catch (error) {
      if (!refused(error) || !isFormPost(request)) throw error;
      return show(request, reply, { rowError: { userId: request.params.id, message: error.message } }, error.status);
    }
  });

  // For someone who lost their phone and their recovery codes. Their sessions end too, so whoever holds a
  // lost device that is still signed in is out as well.
  app.post('/admin/users/:id/reset-two-factor', { schema: { params: idParams, body: csrfOnly } }, async (request, reply) => {
    if (request.params.id === request.viewer!.id) throw httpErrors.raise('FORBIDDEN', 'Change your own two-factor sign-in on your account page.');
    const user = (await listStaff(deps.db)).find((staff) => staff.id === request.params.id);
    if (!user) throw httpErrors.raise('NOT_FOUND', 'No staff member has this id.');
    await resetTwoFactor(deps, user.id);
    await signOutStaffEverywhere(deps, user.id);
    request.log.warn({ event: 'two_factor_reset', userId: user.id, by: request.viewer!.id }, 'two-factor sign-in reset by an admin');
    return reply.redirect('/admin/users?done=two-factor-reset', 303);
  });
};
