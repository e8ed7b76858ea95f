import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { choiceBody, confirmQuery, okResponse, preferencesResponse, subscribeBody, subscribeResponse, tokenQuery, unsubscribeBody } from './contract.js';
import { csrfToken } from '../accounts/index.js';
import { AppError, httpErrors } from '../errors.js';
import { isFormPost } from '../web/form-post.js';
import type { Html } from '../web/html.js';
import { page } from '../web/layout.js';
import { newsletterErrors } from './errors.js';
import { findNewsletter, findSubscriber, findSubscriberByEmail, listNewsletters, subscribedNewsletterIds } from './queries.js';
import { checkEmailPage, invalidLinkPage, subscribeErrorPage, preferencesPage, subscribedPage, unsubscribeConfirmPage, unsubscribedPage } from './pages.js';
import { confirmSubscription, requestSubscription, setPreferences, subscribeVerifiedEmail, subscriberEmail, unsubscribe } from './subscriptions.js';
import { manageToken, preferencesUrl, verifyManageToken } from './tokens.js';
import type { NewslettersDeps } from './types.js';

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** Same origin by the browser's own account: a signed-in reader's form on our page, not another site's. */
function sameOrigin(request: FastifyRequest, baseUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin === new URL(baseUrl).origin;
}

/** Subscribe, confirm, unsubscribe (RFC 8058 one-click too) and the signed preferences page. */
export function publicRoutes(deps: NewslettersDeps): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    async function render(request: FastifyRequest, reply: FastifyReply, title: string, body: Html, status = 200) {
      const settings = await deps.settings.get();
      const csrf = csrfToken(request, reply);
      reply.header('cache-control', 'no-store');
      // Signed links in the address bar must not leak to the sites our pages link to.
      reply.header('referrer-policy', 'no-referrer');
      return reply.code(status).type('text/html; charset=utf-8').send(page({ title, settings, viewer: request.viewer, csrf, body }).value);
    }

    // The form sits on cached pages, so it carries no CSRF token: it only ever mails a confirmation
    // link to the address typed, which anyone could ask for anyway. Signed-in readers typing their
    // own address on our own page are subscribed at once.
    app.post(
      '/newsletters/subscribe',
      {
        config: { csrf: false, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { body: subscribeBody, response: { 200: subscribeResponse } },
      },
      async (request, reply) => {
        const newsletters = list(request.body.newsletter);
        let immediate = false;
        try {
          const email = subscriberEmail(request.body.email);
          if (request.viewer?.email === email && sameOrigin(request, deps.config.baseUrl)) {
            await subscribeVerifiedEmail(deps, email, newsletters);
            immediate = true;
          } else {
            await requestSubscription(deps, { email, newsletters });
          }
        } catch (error) {
          if (!isFormPost(request) || !(error instanceof AppError) || error.status >= 500) throw error;
          return render(request, reply, 'Subscribe', subscribeErrorPage(error.message), error.status);
        }
        if (!isFormPost(request)) return reply.send({ ok: true, confirmationSent: !immediate });
        return reply.redirect(immediate ? '/account#account-newsletters-heading' : '/newsletters/check-email', 303);
      },
    );

    app.get('/newsletters/check-email', async (request, reply) => render(request, reply, 'Check your inbox', checkEmailPage()));

    app.get('/newsletters/confirm', { schema: { querystring: confirmQuery } }, async (request, reply) => {
      let subscriberId: string;
      try {
        subscriberId = await confirmSubscription(deps, request.query.token);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NEWSLETTER_LINK_INVALID') return render(request, reply, 'Link not valid', invalidLinkPage(), 400);
        throw error;
      }
      const chosen = new Set(await subscribedNewsletterIds(deps.db, subscriberId));
      const names = (await listNewsletters(deps.db)).filter((newsletter) => chosen.has(newsletter.id)).map((newsletter) => newsletter.name);
      return render(request, reply, 'Subscribed', subscribedPage(names, preferencesUrl('', deps.config.secret, subscriberId)));
    });

    type TokenQuery = { token: string; newsletter?: string; send?: string };
    async function unsubscribeTarget(query: TokenQuery) {
      const subscriberId = verifyManageToken(deps.config.secret, query.token);
      if (!subscriberId || !(await findSubscriber(deps.db, subscriberId))) return null;
      const newsletter = query.newsletter ? await findNewsletter(deps.db, { slug: query.newsletter }) : undefined;
      return { subscriberId, newsletter };
    }

    function unsubscribeAction(query: TokenQuery): string {
      const params = new URLSearchParams({ token: query.token });
      if (query.newsletter) params.set('newsletter', query.newsletter);
      if (query.send) params.set('send', query.send);
      return `/newsletters/unsubscribe?${params.toString()}`;
    }

    // The visible link: a page with one button, because mail scanners open every GET link they see.
    app.get('/newsletters/unsubscribe', { schema: { querystring: tokenQuery } }, async (request, reply) => {
      const target = await unsubscribeTarget(request.query);
      if (!target) return render(request, reply, 'Link not valid', invalidLinkPage(), 400);
      return render(request, reply, 'Unsubscribe', unsubscribeConfirmPage(unsubscribeAction(request.query), target.newsletter?.name ?? null, preferencesUrl('', deps.config.secret, target.subscriberId)));
    });

    // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` to the header's URL, without cookies;
    // the signed token is the authentication, so there is no CSRF token to check. The page's button
    // posts here too.
    app.post(
      '/newsletters/unsubscribe',
      { config: { csrf: false }, schema: { querystring: tokenQuery, body: unsubscribeBody, response: { 200: okResponse } } },
      async (request, reply) => {
        const target = await unsubscribeTarget(request.query);
        const oneClick = request.body?.['List-Unsubscribe'] === 'One-Click';
        if (!target) {
          if (isFormPost(request) && !oneClick) return render(request, reply, 'Link not valid', invalidLinkPage(), 400);
          throw newsletterErrors.raise('NEWSLETTER_LINK_INVALID');
        }
        await unsubscribe(deps, target.subscriberId, { newsletterId: target.newsletter?.id, sendId: request.query.send });
        if (oneClick || !isFormPost(request)) return reply.send({ ok: true });
        return render(request, reply, 'Unsubscribed', unsubscribedPage(preferencesUrl('', deps.config.secret, target.subscriberId)));
      },
    );

    app.get('/newsletters/preferences', { schema: { querystring: tokenQuery } }, async (request, reply) => {
      const subscriberId = verifyManageToken(deps.config.secret, request.query.token);
      const subscriber = subscriberId ? await findSubscriber(deps.db, subscriberId) : undefined;
      if (!subscriber) return render(request, reply, 'Link not valid', invalidLinkPage(), 400);
      const chosen = subscriber.status === 'active' ? await subscribedNewsletterIds(deps.db, subscriber.id) : [];
      return render(request, reply, 'Your newsletters', preferencesPage({
        email: subscriber.email,
        newsletters: await listNewsletters(deps.db),
        chosen,
        action: `/newsletters/preferences?token=${encodeURIComponent(manageToken(deps.config.secret, subscriber.id))}`,
        saved: request.query.saved === '1',
      }));
    });

    // Authenticated by the signed link like the one-click POST: it changes only that subscriber.
    app.post(
      '/newsletters/preferences',
      { config: { csrf: false }, schema: { querystring: tokenQuery, body: choiceBody, response: { 200: preferencesResponse } } },
      async (request, reply) => {
        const subscriberId = verifyManageToken(deps.config.secret, request.query.token);
        if (!subscriberId || !(await findSubscriber(deps.db, subscriberId))) throw newsletterErrors.raise('NEWSLETTER_LINK_INVALID');
        await setPreferences(deps, subscriberId, list(request.body?.newsletter));
        if (!isFormPost(request)) return reply.send({ ok: true, newsletters: await subscribedNewsletterIds(deps.db, subscriberId) });
        return reply.redirect(`/newsletters/preferences?token=${encodeURIComponent(request.query.token)}&saved=1`, 303);
      },
    );

    // The account page's box: the reader's address was proven when they signed in.
    app.post(
      '/account/newsletters',
      { schema: { body: choiceBody, response: { 200: okResponse } } },
      async (request, reply) => {
        const viewer = request.viewer;
        if (!viewer) throw httpErrors.raise('UNAUTHENTICATED');
        if (!viewer.email) throw newsletterErrors.raise('SUBSCRIBE_EMAIL_INVALID', 'Your account has no email address.');
        const chosen = list(request.body?.newsletter);
        const subscriberId = chosen.length > 0 ? await subscribeVerifiedEmail(deps, viewer.email, chosen) : undefined;
        if (subscriberId) {
          const open = await listNewsletters(deps.db);
          const ids = open.filter((newsletter) => chosen.includes(newsletter.id) || chosen.includes(newsletter.slug)).map((newsletter) => newsletter.id);
          await setPreferences(deps, subscriberId, ids);
        } else {
          const existing = await findSubscriberByEmail(deps.db, viewer.email);
          if (existing) await unsubscribe(deps, existing.id);
        }
        if (!isFormPost(request)) return reply.send({ ok: true });
        return reply.redirect('/account#account-newsletters-heading', 303);
      },
    );
  };
}
