import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Mailer } from '../mail/index.js';
import type { Deps } from '../runtime.js';
import type { Html } from '../web/html.js';
import { page } from '../web/layout.js';
import { csrfToken } from './http.js';
import { acceptInvite, openInvite, ROLE_WORDS } from './invites.js';
import { openReset, requestPasswordReset, resetPassword } from './password-reset.js';
import { normaliseEmail } from './readers.js';
import { acceptInviteForm, forgotPasswordForm, linkProblemPage, resetPasswordForm } from './recovery-pages.js';
import type { CompleteSignIn } from './sign-in.js';

type Options = Pick<Deps, 'db' | 'dialect' | 'now' | 'settings' | 'config' | 'log'> & { mailer: Mailer; completeSignIn: CompleteSignIn };

const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 200 } } } as const;
const passwordBody = {
  type: 'object',
  required: ['password'],
  properties: {
    password: { type: 'string', maxLength: 1000 }, passwordConfirm: { type: 'string', maxLength: 1000 },
    username: { type: 'string', maxLength: 320 }, _csrf: { type: 'string' },
  },
} as const;
// Per address; the tokens are 256 bits, so this is hygiene rather than the defence.
const tokenLimit = { rateLimit: { max: 30, timeWindow: '15 minutes' } };

/** "Forgot password?", the emailed reset link, and the emailed invitation to join the staff. */
export const recoveryRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  // Reset mails go out after the answer, so how long it takes does not tell whether the address has an account.
  const pending = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pending]);
  });

  async function render(request: FastifyRequest, reply: FastifyReply, title: string, body: (csrf: string) => Html, status = 200) {
    const csrf = csrfToken(request, reply);
    const settings = await deps.settings.get();
    reply.header('cache-control', 'no-store');
    return reply.code(status).type('text/html; charset=utf-8').send(page({ title, settings, viewer: request.viewer, csrf, body: body(csrf) }).value);
  }

  const isForm = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const refused = (error: unknown): error is AppError => error instanceof AppError && error.status < 500;

  app.get('/login/forgot', async (request, reply) => render(request, reply, 'Forgot password', (csrf) => forgotPasswordForm({ csrf })));

  app.post(
    '/login/forgot',
    {
      config: { rateLimit: { max: 5, timeWindow: '15 minutes' } },
      schema: { body: { type: 'object', required: ['email'], properties: { email: { type: 'string', maxLength: 320 }, _csrf: { type: 'string' } } } },
    },
    async (request, reply) => {
      let email: string;
      try {
        email = normaliseEmail(request.body.email);
      } catch (error) {
        if (!refused(error) || !isForm(request)) throw error;
        return render(request, reply, 'Forgot password', (csrf) => forgotPasswordForm({ csrf, error: error.message, email: request.body.email }), error.status);
      }
      const { site } = await deps.settings.get();
      const work = requestPasswordReset({ ...deps, log: request.log, baseUrl: deps.config.baseUrl, siteName: site.name }, email)
        .catch((error: unknown) => request.log.error({ err: error }, 'password reset mail failed'))
        .finally(() => pending.delete(work));
      pending.add(work);
      if (!isForm(request)) return reply.code(202).send({ ok: true, message: 'If this address belongs to a staff account, a reset link is on its way.' });
      return render(request, reply, 'Forgot password', (csrf) => forgotPasswordForm({ csrf, sent: true }));
    },
  );

  const resetProblem = (request: FastifyRequest, reply: FastifyReply, error: AppError) =>
    render(request, reply, 'Reset password', () => linkProblemPage('Link not valid', error.message, { href: '/login/forgot', label: 'Ask for a new link' }), error.status);

  app.get('/login/reset/:token', { config: tokenLimit, schema: { params: tokenParams } }, async (request, reply) => {
    try {
      const { email } = await openReset(deps, request.params.token);
      return render(request, reply, 'Reset password', (csrf) => resetPasswordForm({ csrf, token: request.params.token, email }));
    } catch (error) {
      if (!refused(error)) throw error;
      return resetProblem(request, reply, error);
    }
  });

  app.post(
    '/login/reset/:token',
    { config: tokenLimit, schema: { params: tokenParams, body: passwordBody } },
    async (request, reply) => {
      const { token } = request.params;
      try {
        await resetPassword(deps, token, request.body.password, request.body.passwordConfirm);
      } catch (error) {
        if (!refused(error) || !isForm(request)) throw error;
        if (error.code === 'RESET_INVALID') return resetProblem(request, reply, error);
        const { email } = await openReset(deps, token);
        return render(request, reply, 'Reset password', (csrf) => resetPasswordForm({ csrf, token, email, error: error.message }), error.status);
      }
      // Signing in again, rather than being signed in here, keeps every sign-in behind the same steps (a second factor too).
      if (!isForm(request)) return { ok: true, message: 'Password changed. Sign in with the new one.' };
      return reply.redirect('/login?reset=done', 303);
    },
  );

  const inviteProblem = (request: FastifyRequest, reply: FastifyReply, error: AppError) =>
    render(request, reply, 'Invitation', () => linkProblemPage('Invitation not valid', error.message, { href: '/login', label: 'Sign in' }), error.status);

  app.get('/invite/:token', { config: tokenLimit, schema: { params: tokenParams } }, async (request, reply) => {
    try {
      const invite = await openInvite(deps, request.params.token);
      return render(request, reply, 'Join the staff', (csrf) => acceptInviteForm({
        csrf, token: request.params.token, email: invite.email, role: ROLE_WORDS[invite.role] ?? invite.role, displayName: invite.suggestedName,
      }));
    } catch (error) {
      if (!refused(error)) throw error;
      return inviteProblem(request, reply, error);
    }
  });

  app.post(
    '/invite/:token',
    { config: tokenLimit, schema: { params: tokenParams, body: { ...passwordBody, properties: { ...passwordBody.properties, displayName: { type: 'string', maxLength: 400 } } } } },
    async (request, reply) => {
      const { token } = request.params;
      let userId: string;
      try {
        const invite = await openInvite(deps, token);
        userId = await acceptInvite(deps, token, { displayName: request.body.displayName ?? invite.suggestedName, password: request.body.password, passwordConfirm: request.body.passwordConfirm });
      } catch (error) {
        if (!refused(error) || !isForm(request)) throw error;
        if (error.code === 'INVITE_INVALID' || error.code === 'EMAIL_TAKEN') return inviteProblem(request, reply, error);
        const invite = await openInvite(deps, token);
        return render(request, reply, 'Join the staff', (csrf) => acceptInviteForm({
          csrf, token, email: invite.email, role: ROLE_WORDS[invite.role] ?? invite.role, displayName: request.body.displayName ?? invite.suggestedName, error: error.message,
        }), error.status);
      }
      await deps.completeSignIn(request, reply, userId);
      if (!isForm(request)) return { ok: true };
      return reply.redirect('/admin', 303);
    },
  );
};
