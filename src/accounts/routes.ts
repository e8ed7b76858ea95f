import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.js';
import type { Mailer } from '../mail/index.js';
import type { Deps } from '../runtime.js';
import { page } from '../web/layout.js';
import { safeRedirect } from '../web/safe-redirect.js';
import { clearSessionCookie, csrfToken, SESSION_COOKIE } from './http.js';
import { loginForm } from './pages.js';
import { authenticate, endSession } from './service.js';
import { recoveryRoutes } from './recovery-routes.js';
import { signInCompleter } from './sign-in.js';
import { staffAccountRoutes } from './staff-account-routes.js';
import { divertToSecondStep } from './two-factor/index.js';

type Options = Pick<Deps, 'db' | 'dialect' | 'now' | 'settings' | 'config' | 'log'> & { mailer: Mailer };

/** Only same-site paths, so a crafted `next` cannot send someone elsewhere after signing in. */
function safeNext(next: unknown): string {
  return safeRedirect(next, '/admin');
}

export const accountRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const secureCookies = deps.config.baseUrl.startsWith('https:');
  const completeSignIn = signInCompleter({ ...deps, secureCookies });
  await app.register(recoveryRoutes, { ...deps, completeSignIn });
  await app.register(staffAccountRoutes, deps);

  app.get(
    '/login',
    { schema: { querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 }, reset: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => {
      const csrf = csrfToken(request, reply);
      const settings = await deps.settings.get();
      const notice = request.query.reset === 'done' ? 'Your password is changed and every session was signed out. Sign in with the new password.' : undefined;
      const body = loginForm({ csrf, next: safeNext(request.query.next), notice });
      return reply.type('text/html; charset=utf-8').send(page({ title: 'Sign in', settings, viewer: request.viewer, csrf, body }).value);
    },
  );

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        body: {
          type: 'object',
          required: ['email', 'password'],
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 320 },
            password: { type: 'string', minLength: 1, maxLength: 1000 },
            next: { type: 'string', maxLength: 2000 },
            _csrf: { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const next = safeNext(request.body.next);
      try {
        const userId = await authenticate({ ...deps, log: request.log }, email, password, request.ip);
        // A second step (two-factor) diverts here, before any session starts.
        if (await divertToSecondStep(deps, request, reply, userId, next)) return reply;
        await completeSignIn(request, reply, userId);
      } catch (error) {
        if (!(error instanceof AppError) || !request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) throw error;
        if (typeof error.detail?.retryAfter === 'number') reply.header('retry-after', String(error.detail.retryAfter));
        const csrf = csrfToken(request, reply);
        const settings = await deps.settings.get();
        const body = loginForm({ csrf, next, email, error: error.message });
        return reply.code(error.status).type('text/html; charset=utf-8').send(page({ title: 'Sign in', settings, viewer: null, csrf, body }).value);
      }
      if (request.headers['content-type']?.startsWith('application/json')) return { ok: true };
      return reply.redirect(next, 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(deps, token);
    clearSessionCookie(reply);
    return reply.redirect('/', 303);
  });
};
