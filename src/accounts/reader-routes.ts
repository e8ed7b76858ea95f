import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { accountChangesBody, linkSentResponse, okResponse, profileResponse } from './contract.js';
import { AppError, httpErrors } from '../errors.js';
import type { Mailer } from '../mail/index.js';
import type { Deps } from '../runtime.js';
import { html, type Html } from '../web/html.js';
import { isFormPost } from '../web/form-post.js';
import { page } from '../web/layout.js';
import { csrfToken } from './http.js';
import { consumeMagicLink, requestMagicLink, safeReturnTo } from './magic-links.js';
import { accountForm, messagePage, signInByEmailForm } from './reader-pages.js';
import { normaliseEmail, readerProfile, updateReaderProfile, verifyUnsubscribeToken } from './readers.js';
import { signInCompleter } from './sign-in.js';

/** A part of the reader's account page drawn by another domain (e.g. comments not published, and why). */
/** Forms in it post with `csrf`. */
export type AccountSection = (userId: string, csrf: string) => Promise<Html>;

/** The address the last sign-in link went to, for the "check your inbox" page (signed, 15 minutes). */
const LINK_SENT_COOKIE = 'tribune_link_sent';

type Options = Pick<Deps, 'db' | 'now' | 'settings' | 'config'> & { mailer: Mailer; accountSections?: AccountSection[] };

const magicLinkBody = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', maxLength: 320 }, returnTo: { type: 'string', maxLength: 2000 }, _csrf: { type: 'string' } },
} as const;

/** Readers: sign-in by emailed link, the profile page, and the one-click unsubscribe from reply mails. */
export const readerRoutes: FastifyPluginAsync<Options> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const completeSignIn = signInCompleter({ ...deps, secureCookies: deps.config.baseUrl.startsWith('https:') });
  // Per IP; each request also sends a mail, so this is the brake on using the site to spam inboxes.
  const magicLinkLimit = { rateLimit: { max: 5, timeWindow: '15 minutes' } };

  async function render(request: FastifyRequest, reply: FastifyReply, title: string, body: (csrf: string) => Html, status = 200) {
    const csrf = csrfToken(request, reply);
    const settings = await deps.settings.get();
    return reply.code(status).type('text/html; charset=utf-8').send(page({ title, settings, viewer: request.viewer, csrf, body: body(csrf) }).value);
  }

  async function sendLink(email: string, returnTo: string | null | undefined) {
    const settings = await deps.settings.get();
    await requestMagicLink({ ...deps, baseUrl: deps.config.baseUrl, siteName: settings.site.name }, { email, returnTo });
  }

  app.post(
    '/api/auth/magic-link',
    { config: magicLinkLimit, schema: { body: magicLinkBody, response: { 202: linkSentResponse } } },
    async (request, reply) => {
      await sendLink(request.body.email, request.body.returnTo);
      // The same answer whether or not the address has an account.
      return reply.code(202).send({ ok: true, message: 'Check your inbox for a sign-in link.' });
    },
  );

  app.post(
    '/auth/magic-link',
    { config: magicLinkLimit, schema: { body: magicLinkBody } },
    async (request, reply) => {
      const returnTo = safeReturnTo(request.body.returnTo);
      try {
        await sendLink(request.body.email, returnTo);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || !isFormPost(request)) throw error;
        return render(request, reply, 'Sign in', (csrf) => signInByEmailForm({ csrf, returnTo, error: error.message }), error.status);
      }
      // The page after the redirect names the address (so a typo shows), without putting it in the URL.
      reply.setCookie(LINK_SENT_COOKIE, normaliseEmail(request.body.email), { path: '/account', httpOnly: true, sameSite: 'lax', secure: deps.config.baseUrl.startsWith('https:'), signed: true, maxAge: 15 * 60 });
      return reply.redirect(`/account?sent=1${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`, 303);
    },
  );

  app.get(
    '/auth/magic/:token',
    { config: { rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { params: { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 200 } } } } },
    async (request, reply) => {
      let signedIn: { userId: string; returnTo: string | null };
      try {
        signedIn = await consumeMagicLink(deps, request.params.token);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return render(request, reply, 'Sign in', (csrf) => signInByEmailForm({ csrf, error: error.message }), error.status);
      }
      await completeSignIn(request, reply, signedIn.userId);
      return reply.redirect(signedIn.returnTo ?? '/account', 303);
    },
  );

  const accountQuery = {
    type: 'object',
    properties: { sent: { type: 'string', maxLength: 5 }, saved: { type: 'string', maxLength: 5 }, returnTo: { type: 'string', maxLength: 2000 } },
  } as const;
  app.get('/account', { schema: { querystring: accountQuery } }, async (request, reply) => {
    const profile = request.viewer ? await readerProfile(deps, request.viewer.id) : undefined;
    if (!profile) {
      const returnTo = safeReturnTo(request.query.returnTo);
      const sent = request.query.sent === '1';
      const sentTo = sent ? request.unsignCookie(request.cookies[LINK_SENT_COOKIE] ?? '') : undefined;
      return render(request, reply, 'Sign in', (csrf) => signInByEmailForm({ csrf, returnTo, sent, sentTo: sentTo?.valid ? sentTo.value ?? undefined : undefined }));
    }
    const viewerId = request.viewer!.id;
    const accountCsrf = csrfToken(request, reply);
    const extra = html`${await Promise.all((deps.accountSections ?? []).map((section) => section(viewerId, accountCsrf)))}`;
    return render(request, reply, 'Your account', (csrf) => accountForm({ csrf, profile, saved: request.query.saved === '1', extra }));
  });

  app.post(
    '/account',
    { schema: { body: { type: 'object', properties: { displayName: { type: 'string', maxLength: 400 }, notifyReplies: { type: 'string', maxLength: 10 }, _csrf: { type: 'string' } } } } },
    async (request, reply) => {
      if (!request.viewer) return reply.redirect('/account', 303);
      const settings = await deps.settings.get();
      try {
        await updateReaderProfile(deps, request.viewer.id, { displayName: request.body.displayName ?? request.viewer.displayName, notifyReplies: request.body.notifyReplies === '1' }, { siteName: settings.site.name });
      } catch (error) {
        if (!(error instanceof AppError) || !isFormPost(request)) throw error;
        const profile = (await readerProfile(deps, request.viewer.id))!;
        return render(request, reply, 'Your account', (csrf) => accountForm({ csrf, profile, error: error.message, displayName: request.body.displayName }), error.status);
      }
      return reply.redirect('/account?saved=1', 303);
    },
  );

  app.get('/api/account', { schema: { response: { 200: profileResponse } } }, async (request) => {
    const profile = request.viewer ? await readerProfile(deps, request.viewer.id) : undefined;
    if (!profile) throw httpErrors.raise('UNAUTHENTICATED');
    return profile;
  });

  app.patch(
    '/api/account',
    { schema: { body: accountChangesBody, response: { 200: profileResponse } } },
    async (request) => {
      if (!request.viewer) throw httpErrors.raise('UNAUTHENTICATED');
      const settings = await deps.settings.get();
      await updateReaderProfile(deps, request.viewer.id, request.body, { siteName: settings.site.name });
      return readerProfile(deps, request.viewer.id);
    },
  );

  const unsubscribeQuery = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 300 } } } as const;

  async function unsubscribe(token: string): Promise<boolean> {
    const userId = verifyUnsubscribeToken(deps.config.secret, token);
    if (!userId) return false;
    await updateReaderProfile(deps, userId, { notifyReplies: false });
    return true;
  }

  // A link in a mail: one click (GET) unsubscribes, and mail clients' one-click POST (RFC 8058) does too.
  app.get('/notifications/unsubscribe', { schema: { querystring: unsubscribeQuery } }, async (request, reply) => {
    const done = await unsubscribe(request.query.token);
    return render(request, reply, 'Notifications', () => done
      ? messagePage('Unsubscribed', 'You will get no more emails about replies. You can turn them back on in your account.', { href: '/account', label: 'Your account' })
      : messagePage('Link not valid', 'This unsubscribe link is not valid. You can change notifications in your account.', { href: '/account', label: 'Your account' }), done ? 200 : 400);
  });

  app.post('/notifications/unsubscribe', { config: { csrf: false }, schema: { querystring: unsubscribeQuery, response: { 200: okResponse } } }, async (request, reply) => {
    if (!(await unsubscribe(request.query.token))) throw httpErrors.raise('NOT_FOUND', 'This unsubscribe link is not valid.');
    return reply.send({ ok: true });
  });
};
