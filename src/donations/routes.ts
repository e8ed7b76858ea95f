import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../accounts/index.js';
import { AppError } from '../errors.js';
import { CONTENT_SECURITY_POLICY } from '../security-headers.js';
import { html as markup } from '../web/html.js';
import { page } from '../web/layout.js';
import { startCheckout } from './checkout.js';
import { currentMeter, type DonationsContext } from './context.js';
import { findCurrentDrive } from './drive-queries.js';
import { donationErrors } from './errors.js';
import { articleSlug, completeDemoGift, createIntent, type GiftInput } from './gifts.js';
import { donorWall, findDonationByIntent, findIntent } from './ledger-queries.js';
import { registerLiveMeter } from './live.js';
import { meterJson } from './meter-view.js';
import { meterResponse } from './contract.js';
import { donateHead, donatePage, embedPage, thanksPage, type CheckoutMode, type DonateFormState } from './pages.js';
import { normaliseCurrency } from './money.js';
import { giftBody, checkBodyBeforeSchema, noQuery, type GiftBody } from './schemas.js';
import { isJsonPost } from '../web/form-post.js';

const WALL_SIZE = 24;
const EMBED_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'self'", 'frame-ancestors *');

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function giftInput(body: GiftBody): GiftInput {
  const { amount, customAmount, currency, frequency, publicName, message, article, email } = body;
  return { amount, customAmount, currency, frequency, publicName, message, article, email };
}

/** `/donate`, the thank-you page, the embeddable meter and the meter's JSON and live stream. */
export function publicRoutes(ctx: DonationsContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    app.addHook('preValidation', checkBodyBeforeSchema);
    const checkoutMode = (): CheckoutMode => (ctx.stripe ? 'stripe' : ctx.config.demo ? 'demo' : 'none');

    async function renderDonate(request: FastifyRequest, reply: FastifyReply, form: DonateFormState, cancelled = false) {
      const settings = await ctx.settings.get();
      const drive = await findCurrentDrive(ctx.db);
      const csrf = csrfToken(request, reply);
      const body = await donatePage({
        settings,
        meter: await currentMeter(ctx, settings),
        currency: drive?.currency ?? normaliseCurrency(settings.donations.currency),
        csrf,
        checkout: checkoutMode(),
        form,
        cancelled,
        wall: settings.donations.donorWall ? await donorWall(ctx.db, WALL_SIZE) : [],
        viewerEmail: request.viewer?.email ?? null,
      });
      const intro = ctx.donateIntro ? await ctx.donateIntro() : markup``;
      const html = page({ title: 'Donate', settings, viewer: request.viewer, csrf, body: markup`${intro}${body}`, head: donateHead(), description: `Support ${settings.site.name}` });
      return reply.type('text/html; charset=utf-8').send(html.value);
    }

    app.get(
      '/donate',
      { schema: { querystring: { type: 'object', properties: { article: { type: 'string', maxLength: 200 }, cancelled: { type: 'string', maxLength: 5 } } } } },
      async (request, reply) => {
        let article: string | undefined;
        try {
          article = articleSlug(request.query.article) ?? undefined;
        } catch {
          article = undefined;
        }
        return renderDonate(request, reply, { article }, request.query.cancelled === '1');
      },
    );

    /** Both real and demo checkout: validation errors re-draw the form for browsers, JSON for API clients. */
    async function give(request: FastifyRequest, reply: FastifyReply, body: GiftBody, provider: 'stripe' | 'demo') {
      try {
        if (provider === 'stripe' && !ctx.stripe) throw donationErrors.raise('CHECKOUT_UNAVAILABLE');
        if (provider === 'demo' && (ctx.stripe || !ctx.config.demo)) throw donationErrors.raise('DEMO_CHECKOUT_DISABLED');
        const intent = await createIntent(ctx, giftInput(body), provider, request.viewer?.id ?? null, request.viewer?.email ?? null);
        let url: string;
        if (provider === 'stripe') url = await startCheckout(ctx, intent, request.viewer);
        else {
          await completeDemoGift(ctx, intent.id);
          url = `/donate/thanks?intent=${encodeURIComponent(intent.id)}`;
        }
        if (isJsonPost(request)) return reply.send({ intentId: intent.id, url });
        return reply.redirect(url, 303);
      } catch (error) {
        if (isJsonPost(request) || !(error instanceof AppError) || error.status >= 500) throw error;
        reply.code(error.status);
        return renderDonate(request, reply, {
          amount: field(body, 'amount'),
          customAmount: field(body, 'customAmount'),
          frequency: field(body, 'frequency'),
          publicName: field(body, 'publicName'),
          message: field(body, 'message'),
          article: field(body, 'article'),
          email: field(body, 'email'),
          error: { message: error.message, field: error.field },
        });
      }
    }

    const giveLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
    app.post('/donate', { config: giveLimit, schema: { body: giftBody } }, (request, reply) => give(request, reply, request.body, 'stripe'));
    app.post('/donate/demo', { config: giveLimit, schema: { body: giftBody } }, (request, reply) => give(request, reply, request.body, 'demo'));

    app.get(
      '/donate/thanks',
      { schema: { querystring: { type: 'object', required: ['intent'], properties: { intent: { type: 'string', maxLength: 40 } } } } },
      async (request, reply) => {
        const intent = await findIntent(ctx.db, request.query.intent);
        if (!intent) throw donationErrors.raise('DONATION_INTENT_NOT_FOUND');
        const settings = await ctx.settings.get();
        const csrf = csrfToken(request, reply);
        const body = thanksPage({
          settings,
          intent,
          donation: await findDonationByIntent(ctx.db, intent.id),
          meter: await currentMeter(ctx, settings),
          extra: ctx.thanksExtra ? await ctx.thanksExtra() : undefined,
        });
        const html = page({ title: 'Thank you', settings, viewer: request.viewer, csrf, body, head: donateHead() });
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html.value);
      },
    );

    app.get('/api/drives/current', { schema: { querystring: noQuery, response: { 200: meterResponse } } }, async (_request, reply) => {
      const meter = await currentMeter(ctx);
      // Public figures, read by meter.js on other sites.
      reply.header('access-control-allow-origin', '*');
      reply.header('cache-control', 'no-cache');
      if (!meter) throw donationErrors.raise('DRIVE_NONE_CURRENT');
      return meterJson(meter, ctx.config.baseUrl);
    });

    registerLiveMeter(app, ctx);

    app.get('/embed/meter', { schema: { querystring: noQuery } }, async (_request, reply) => {
      const settings = await ctx.settings.get();
      const body = embedPage({ settings, meter: await currentMeter(ctx, settings), baseUrl: ctx.config.baseUrl });
      // The site's policy, except that any site may frame this page.
      reply.header('content-security-policy', EMBED_POLICY);
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').send(body.value);
    });
  };
}
