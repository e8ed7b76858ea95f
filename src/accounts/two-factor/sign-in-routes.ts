import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../errors.js';
import type { Deps } from '../../runtime.js';
import { page } from '../../web/layout.js';
import { safeRedirect } from '../../web/safe-redirect.js';
import { csrfToken } from '../http.js';
import { signInCompleter } from '../sign-in.js';
import { secondStepDoneResponse } from '../contract.js';
import { emptyBody, passkeyBody } from './body-schemas.js';
import { twoFactorErrors } from './errors.js';
import { relyingParty, passkeySignInOptions, verifyPasskeySignIn } from './passkeys.js';
import { answerPendingSignIn, clearPendingCookie, readPendingSignIn, requirePendingSignIn, type PendingSignIn } from './pending.js';
import { TWO_FACTOR_SIGN_IN_PATH } from './paths.js';
import * as queries from './queries.js';
import { redeemRecoveryCode, verifyTotpCode } from './service.js';
import { signInExpiredPage, signInStepPage } from './sign-in-page.js';
import { twoFactorHead } from './styles.js';
import { isJsonPost } from '../../web/form-post.js';

type Options = Pick<Deps, 'db' | 'now' | 'settings' | 'config'>;

const P = TWO_FACTOR_SIGN_IN_PATH;
/** Per address, on top of the per-sign-in and per-account limits: a brake on spraying many accounts. */
const rateLimit = { rateLimit: { max: 30, timeWindow: '15 minutes' } };
const codeBody = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 100 }, _csrf: { type: 'string' } },
} as const;

/** /login/two-factor: the second step after a right password, for staff who have set one up. */
export const twoFactorSignInRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const secure = deps.config.baseUrl.startsWith('https:');
  const twoFactor = { db: deps.db, now: deps.now, secret: deps.config.secret };
  const completeSignIn = signInCompleter({ db: deps.db, now: deps.now, secureCookies: secure });

  async function methodsOf(userId: string) {
    const [totp, passkeys] = await Promise.all([queries.findTotp(deps.db, userId), queries.listPasskeys(deps.db, userId)]);
    return { totp: Boolean(totp?.confirmed_at), passkey: passkeys.length > 0 };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, status: number, body: (csrf: string) => ReturnType<typeof signInStepPage>) {
    const csrf = csrfToken(request, reply);
    const settings = await deps.settings.get();
    reply.header('cache-control', 'no-store');
    return reply.code(status).type('text/html; charset=utf-8').send(page({ title: 'Two-step sign-in', settings, viewer: request.viewer, csrf, body: body(csrf), scripts: ['two-factor.js'], head: twoFactorHead() }).value);
  }

  /** Runs one answer; on success the session starts and the browser goes on to where it was headed. */
  async function finish(request: FastifyRequest, reply: FastifyReply, pending: PendingSignIn, check: () => Promise<void>): Promise<string> {
    const done = await answerPendingSignIn(twoFactor, pending, check);
    clearPendingCookie(reply, secure);
    await completeSignIn(request, reply, done.userId);
    return safeRedirect(done.next, '/admin');
  }

  /**
   * A code from the form: on a refusal the step is shown again with the reason, or, once it is gone,
   * a way back. A JSON client gets `{ok, next}` or the error as JSON.
   */
  async function codeAnswer(request: FastifyRequest, reply: FastifyReply, recovery: boolean, check: (pending: PendingSignIn) => Promise<void>) {
    const json = isJsonPost(request);
    const pending = json ? await requirePendingSignIn(twoFactor, request) : await readPendingSignIn(twoFactor, request);
    if (!pending) return render(request, reply, 401, () => signInExpiredPage(expiredMessage));
    try {
      const next = await finish(request, reply, pending, () => check(pending));
      return json ? { ok: true, next } : reply.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || json) throw error;
      if (error.code === 'TWO_FACTOR_ATTEMPTS_EXHAUSTED' || error.code === 'TWO_FACTOR_SIGN_IN_EXPIRED') {
        clearPendingCookie(reply, secure);
        return render(request, reply, error.status, () => signInExpiredPage(error.message));
      }
      const methods = await methodsOf(pending.userId);
      return render(request, reply, error.status, (csrf) => signInStepPage({ csrf, methods, recovery, error: error.message }));
    }
  }

  app.get(
    P,
    { schema: { querystring: { type: 'object', properties: { method: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => {
      const pending = await readPendingSignIn(twoFactor, request);
      if (!pending) return render(request, reply, 401, () => signInExpiredPage(expiredMessage));
      const methods = await methodsOf(pending.userId);
      return render(request, reply, 200, (csrf) => signInStepPage({ csrf, methods, recovery: request.query.method === 'recovery' }));
    },
  );

  app.post(P, { config: rateLimit, schema: { body: codeBody } }, async (request, reply) =>
    codeAnswer(request, reply, false, (pending) => verifyTotpCode(twoFactor, pending.userId, request.body.code)),
  );

  app.post(`${P}/recovery`, { config: rateLimit, schema: { body: codeBody } }, async (request, reply) =>
    codeAnswer(request, reply, true, (pending) => redeemRecoveryCode(twoFactor, pending.userId, request.body.code)),
  );

  app.post(
    `${P}/passkey/options`,
    { config: rateLimit, schema: { body: emptyBody } },
    async (request) => {
      const pending = await requirePendingSignIn(twoFactor, request);
      const settings = await deps.settings.get();
      return passkeySignInOptions(deps, relyingParty(deps.config.baseUrl, settings.site.name), pending);
    },
  );

  // The schema bounds what the browser sends; its type is @simplewebauthn's, which verifies the rest.
  app.post<{ Body: { response: AuthenticationResponseJSON } }>(
    `${P}/passkey`,
    { config: rateLimit, schema: { body: { type: 'object', required: ['response'], properties: { response: passkeyBody('authentication') } }, response: { 200: secondStepDoneResponse } } },
    async (request, reply) => {
      const pending = await requirePendingSignIn(twoFactor, request);
      const settings = await deps.settings.get();
      const rp = relyingParty(deps.config.baseUrl, settings.site.name);
      const next = await finish(request, reply, pending, () => verifyPasskeySignIn(twoFactor, rp, pending, request.body.response));
      return { ok: true, next };
    },
  );
};

const expiredMessage = twoFactorErrors.specs.TWO_FACTOR_SIGN_IN_EXPIRED.message;
