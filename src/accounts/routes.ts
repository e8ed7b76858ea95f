import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.js';
import type { Deps } from '../runtime.js';
import { page } from '../web/layout.js';
import { clearSessionCookie, csrfToken, setSessionCookie, SESSION_COOKIE } from './http.js';
import { loginForm } from './pages.js';
import { authenticate, endSession, startSession } from './service.js';

type Options = Pick<Deps, 'db' | 'now' | 'settings' | 'config'>;

/** Only same-site paths, so a crafted `next` cannot send someone elsewhere after signing in. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[^\\]*$/.test(next) ? next : '/admin';
}

export const accountRoutes: FastifyPluginAsync<Options> = async (app, deps) => {
  const secureCookies = deps.config.baseUrl.startsWith('https:');

  app.get<{ Querystring: { next?: string } }>(
    '/login',
    { schema: { querystring: { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } } } },
    async (request, reply) => {
      const csrf = csrfToken(request, reply);
      const settings = await deps.settings.get();
      const body = loginForm({ csrf, next: safeNext(request.query.next) });
      return reply.type('text/html; charset=utf-8').send(page({ title: 'Sign in', settings, viewer: request.viewer, csrf, body }).value);
    },
  );

  app.post<{ Body: { email: string; password: string; next?: string } }>(
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
        const userId = await authenticate(deps, email, password);
        setSessionCookie(reply, await startSession(deps, userId), secureCookies);
      } catch (error) {
        if (!(error instanceof AppError) || !request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) throw error;
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
