import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../accounts/index.js';
import { AppError } from '../errors.js';
import type { Html } from '../web/html.js';
import { page } from '../web/layout.js';
import type { DonationsContext } from './context.js';
import {
  amountBody, donorBody, donorLinkBody, donorPageQuery, giftParams, monthlyGiftResponse, portalResponse, statementBody, statementQuery, wallChoiceBody,
} from './donor-contract.js';
import { verifyDonorToken } from './donor-links.js';
import { donorLinkForm, donorPage, statementPage } from './donor-pages.js';
import { donorDonations, donorEntries, type DonorIdentity } from './donor-queries.js';
import { billingPortalUrl, changeMonthlyGift, mailDonorLink, mailStatement, parseYear, setWallChoice, yearWindow, type MonthlyChange } from './donor-service.js';
import { donationErrors } from './errors.js';
import { donateHead } from './pages.js';
import { safeTimeZone, zonedDate } from './period.js';
import { checkBodyBeforeSchema, okResponse } from './schemas.js';
import { isJsonPost } from '../web/form-post.js';

interface Donor {
  who: DonorIdentity;
  /** The link's token, carried on in every form and redirect; null for a signed-in reader. */
  token: string | null;
}

const NOTICES: Record<string, string> = {
  amount: 'Your monthly amount is changed: the next payment is taken at the new amount.',
  pause: 'Your monthly gift is paused: nothing is taken until you resume it.',
  resume: 'Your monthly gift is running again.',
  cancel: 'Your monthly gift is cancelled: nothing more will be taken. Thank you for your support.',
  'cancel-later': 'Your monthly gift will end with the month you have paid for: nothing more will be taken. Changed your mind? Keep it below.',
  wall: 'Your choice for the donor wall is saved.',
  statement: 'Your statement is on its way to your inbox.',
  portal: 'Welcome back: changes made on the payment page show here as soon as the payment provider confirms them.',
};


/**
 * `/donate/manage`: the donor's own page. Who they are comes from a signed link we emailed (carried in
 * every form as `token`) or from their reader session; without either they are offered the link.
 */
export function donorRoutes(ctx: DonationsContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    app.addHook('preValidation', checkBodyBeforeSchema);

    function identify(request: FastifyRequest, token: string | undefined): Donor | null {
      if (token) {
        const email = verifyDonorToken(ctx.config.secret, token, ctx.now());
        if (email) return { who: { email, userId: null }, token };
      }
      const viewer = request.viewer;
      if (viewer && viewer.role === 'reader') return { who: { email: viewer.email, userId: viewer.id }, token: null };
      return null;
    }

    function required(request: FastifyRequest, token: string | undefined): Donor {
      const found = identify(request, token);
      if (!found) throw donationErrors.raise('DONOR_NOT_IDENTIFIED');
      return found;
    }

    const back = (token: string | null, notice?: string) => {
      const params = new URLSearchParams();
      if (token) params.set('token', token);
      if (notice) params.set('notice', notice);
      const query = params.toString();
      return `/donate/manage${query ? `?${query}` : ''}`;
    };

    async function send(request: FastifyRequest, reply: FastifyReply, title: string, body: (csrf: string) => Html, status = 200) {
      const settings = await ctx.settings.get();
      const csrf = csrfToken(request, reply);
      const html = page({ title, settings, viewer: request.viewer, csrf, body: body(csrf), head: donateHead() });
      // Private to this donor: never stored by a cache, and the token never leaks in a Referer.
      return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html.value);
    }

    async function renderPage(request: FastifyRequest, reply: FastifyReply, donor: Donor, extra: { notice?: string; error?: AppError; donationId?: string } = {}) {
      const settings = await ctx.settings.get();
      const donations = await donorDonations(ctx.db, donor.who);
      const zone = safeTimeZone(settings.site.timeZone);
      const years = new Set(donations.map((d) => Number(zonedDate(new Date(d.created_at), zone).slice(0, 4))));
      // A monthly gift pays this year too, even if it began earlier.
      if (donations.some((d) => d.frequency === 'monthly')) years.add(Number(zonedDate(ctx.now(), zone).slice(0, 4)));
      const error = extra.error ? { message: extra.error.message, field: extra.error.field, donationId: extra.donationId } : undefined;
      return send(
        request,
        reply,
        'Your gifts',
        (csrf) => donorPage({ settings, csrf, token: donor.token, email: donor.who.email, donations, years: [...years].sort((a, b) => b - a), stripe: ctx.stripe !== null, notice: extra.notice, error }),
        extra.error?.status ?? 200,
      );
    }

    /** A rule broken on a form: the page again with the message (JSON clients get the error itself). */
    function formError(request: FastifyRequest, error: unknown): AppError {
      if (isJsonPost(request) || !(error instanceof AppError) || error.status >= 500) throw error;
      return error;
    }

    app.get('/donate/manage', { schema: { querystring: donorPageQuery } }, async (request, reply) => {
      const found = identify(request, request.query.token);
      if (!found) {
        const expired = request.query.token !== undefined;
        return send(request, reply, 'Your gifts', (csrf) => donorLinkForm({ csrf, error: expired ? 'This link has expired or is not valid: ask for a new one below.' : undefined }), expired ? 403 : 200);
      }
      return renderPage(request, reply, found, { notice: NOTICES[request.query.notice ?? ''] });
    });

    app.post(
      '/donate/manage/link',
      { config: { rateLimit: { max: 5, timeWindow: '10 minutes' } }, schema: { body: donorLinkBody, response: { 202: okResponse } } },
      async (request, reply) => {
        try {
          await mailDonorLink(ctx, request.body.email);
        } catch (error) {
          const failed = formError(request, error);
          return send(request, reply, 'Your gifts', (csrf) => donorLinkForm({ csrf, error: failed.message, email: request.body.email ?? '' }), failed.status);
        }
        if (isJsonPost(request)) return reply.code(202).send({ ok: true });
        return send(request, reply, 'Your gifts', (csrf) => donorLinkForm({ csrf, sent: true }));
      },
    );

    const changes: [string, (amount: unknown) => MonthlyChange][] = [
      ['pause', () => ({ action: 'pause' })],
      ['resume', () => ({ action: 'resume' })],
      ['cancel', () => ({ action: 'cancel' })],
    ];
    const noticeFor = (name: string, monthly: MonthlyChange) => (monthly.action === 'cancel' && monthly.when === 'period-end' ? 'cancel-later' : name);
    async function change(request: FastifyRequest, reply: FastifyReply, donor: Donor, donationId: string, name: string, monthly: MonthlyChange) {
      try {
        const donation = await changeMonthlyGift(ctx, donor.who, donationId, monthly);
        if (isJsonPost(request)) return reply.send({ ok: true, amountMinor: donation.amount_minor, status: donation.status, paused: donation.paused === 1, ...(donation.cancel_at ? { cancelAt: donation.cancel_at } : {}) });
      } catch (error) {
        return renderPage(request, reply, donor, { error: formError(request, error), donationId });
      }
      return reply.redirect(back(donor.token, noticeFor(name, monthly)), 303);
    }
    for (const [name, monthly] of changes) {
      app.post(`/donate/manage/gifts/:id/${name}`, { schema: { params: giftParams, body: donorBody, response: { 200: monthlyGiftResponse } } }, async (request, reply) =>
        change(request, reply, required(request, request.body.token), request.params.id, name, name === 'cancel' ? { action: 'cancel', when: request.body.when } : monthly(undefined)),
      );
    }
    app.post('/donate/manage/gifts/:id/amount', { schema: { params: giftParams, body: amountBody, response: { 200: monthlyGiftResponse } } }, async (request, reply) =>
      change(request, reply, required(request, request.body.token), request.params.id, 'amount', { action: 'amount', amount: request.body.amount }),
    );

    app.post('/donate/manage/gifts/:id/wall', { schema: { params: giftParams, body: wallChoiceBody, response: { 200: okResponse } } }, async (request, reply) => {
      const donor = required(request, request.body.token);
      try {
        await setWallChoice(ctx, donor.who, request.params.id, { show: request.body.show, publicName: request.body.publicName });
      } catch (error) {
        return renderPage(request, reply, donor, { error: formError(request, error), donationId: request.params.id });
      }
      return isJsonPost(request) ? reply.send({ ok: true }) : reply.redirect(back(donor.token, 'wall'), 303);
    });

    app.post(
      '/donate/manage/portal',
      { config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { body: donorBody, response: { 200: portalResponse } } },
      async (request, reply) => {
        const donor = required(request, request.body.token);
        const url = await billingPortalUrl(ctx, donor.who, `${ctx.config.baseUrl}${back(donor.token, 'portal')}`);
        return isJsonPost(request) ? reply.send({ url }) : reply.redirect(url, 303);
      },
    );

    app.post(
      '/donate/manage/statement',
      { config: { rateLimit: { max: 5, timeWindow: '10 minutes' } }, schema: { body: statementBody, response: { 202: okResponse } } },
      async (request, reply) => {
        const donor = required(request, request.body.token);
        await mailStatement(ctx, donor.who, parseYear(request.body.year, ctx.now()));
        return isJsonPost(request) ? reply.code(202).send({ ok: true }) : reply.redirect(back(donor.token, 'statement'), 303);
      },
    );

    app.get('/donate/manage/statement', { schema: { querystring: statementQuery } }, async (request, reply) => {
      const donor = required(request, request.query.token);
      const year = parseYear(request.query.year, ctx.now());
      const window = await yearWindow(ctx, year);
      const entries = await donorEntries(ctx.db, donor.who, window.from, window.to);
      const settings = await ctx.settings.get();
      return send(request, reply, `Giving statement ${year}`, () => statementPage({ settings, year, email: donor.who.email, entries }));
    });
  };
}
