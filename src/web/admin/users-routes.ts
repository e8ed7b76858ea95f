import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { changeStaffRole, createStaffUser, csrfToken, listStaff, removeStaff, requireRole } from '../../accounts/index.js';
import type { Role } from '../../db/schema.js';
import { AppError, httpErrors } from '../../errors.js';
import type { Deps } from '../../runtime.js';
import { adminPage } from '../admin-layout.js';
import { usersPage, type UsersPageInput } from './users-page.js';

type Options = Pick<Deps, 'db' | 'dialect' | 'now' | 'settings'>;

const NOTICES: Record<string, string> = { added: 'Staff member added.', changed: 'Role changed.', removed: 'Removed from the staff.' };
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
const roleBody = { type: 'object', properties: { _csrf: { type: 'string' }, role: { type: 'string', maxLength: 20 } } } as const;

/** /admin/users: the staff list, adding staff, changing roles, removing staff. Admins only. */
export const usersRoutes: FastifyPluginAsync<Options> = async (app, deps) => {
  app.addHook('preHandler', requireRole('admin'));

  async function show(request: FastifyRequest, reply: FastifyReply, extra: Partial<UsersPageInput>, status = 200) {
    const settings = await deps.settings.get();
    const csrf = csrfToken(request, reply);
    const body = usersPage({ staff: await listStaff(deps.db), viewerId: request.viewer!.id, settings, csrf, ...extra });
    return reply.code(status).type('text/html; charset=utf-8').send(adminPage({ title: 'Staff', section: 'users', settings, viewer: request.viewer, csrf, body }).value);
  }

  function refused(error: unknown): error is AppError {
    return error instanceof AppError && error.status >= 400 && error.status < 500 && error.status !== 403 && error.status !== 401;
  }

  app.get<{ Querystring: { done?: string } }>(
    '/admin/users',
    { schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => show(request, reply, { notice: NOTICES[request.query.done ?? ''] }),
  );

  app.post<{ Body: { email?: string; displayName?: string; role?: string; password?: string } }>(
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
        if (!refused(error)) throw error;
        return show(request, reply, { addValues: { email, displayName, role }, addError: { field: error.field, message: error.message } }, error.status);
      }
    },
  );

  app.post<{ Params: { id: string }; Body: { role?: string } }>(
    '/admin/users/:id/role',
    { schema: { params: idParams, body: roleBody } },
    async (request, reply) => {
      try {
        await changeStaffRole(deps, request.params.id, (request.body.role ?? '') as Role);
        return reply.redirect('/admin/users?done=changed', 303);
      } catch (error) {
        if (!refused(error)) throw error;
        return show(request, reply, { rowError: { userId: request.params.id, message: error.message } }, error.status);
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/remove',
    { schema: { params: idParams, body: { type: 'object', properties: { _csrf: { type: 'string' } } } } },
    async (request, reply) => {
      try {
        await removeStaff(deps, request.params.id);
        return reply.redirect('/admin/users?done=removed', 303);
      } catch (error) {
        if (!refused(error)) throw error;
        return show(request, reply, { rowError: { userId: request.params.id, message: error.message } }, error.status);
      }
    },
  );
};
