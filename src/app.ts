import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type RouteOptions } from 'fastify';
import {
  accountsPlugin, csrfToken, requireRole, securitySettingsSection, sessionPlugin, staffNeedsTwoFactor, twoFactorSetupRoutes, twoFactorSignInRoutes, usersRoutes,
} from './accounts/index.js';
import { articlesPlugin, createArticleScheduler, donatePageIntro, navigationSettingsSection, nextScheduledPublication, oldAddressRedirects } from './articles/index.js';
import { httpErrors } from './errors.js';
import { fastifyErrorOptions, installErrorHandling } from './http-errors.js';
import { installInputGuard } from './input-guard.js';
import { installMetrics } from './metrics.js';
import { installSecurityHeaders } from './security-headers.js';
import { schemaCompilers } from './schema-compilers.js';
import { createDonations, currentMeter, readerGifts } from './donations/index.js';
import { createNewsletters, forgetSubscriberEmail, memberSubscriptions, newslettersSettingsSection, subscriberDataForEmail } from './newsletters/index.js';
import { membersRoutes } from './members/index.js';
import { mediaPlugin, mediaSettingsSection } from './media/index.js';
import { readerDataRoutes, threadStubRoutes } from './transfer/index.js';
import type { Deps } from './runtime.js';
import { assetRoutes } from './web/assets.js';
import { pageCachePlugin } from './web/page-cache-plugin.js';
import { PAGE_CACHE_ROUTES } from './web/page-cache-routes.js';
import { limitEventStreams } from './web/sse.js';
import { siteLiveRoutes } from './web/live-routes.js';
import { emptySlots, type PageSlots } from './web/slots.js';
import { html } from './web/html.js';
import { readerRoutes } from './accounts/index.js';
import { commentSlots, commentsPlugin, embedCors, isEmbedPath, liveArticleChannels } from './comments/index.js';
import { createMailer } from './mail/index.js';
import { createAssessPool, createNightlyLearning, createSiteAdaptation, learningRoutes, learningSettingsSection } from './moderation/index.js';
import {
  moderationQueuePlugin, moderationSettingsSection, rejectedCommentsFor, renderRejectedComments, createGuestStanding, standingOnAccount, dashboardModeration,
  createFeaturedSource, moderatorDecisions, systemDecisionRecorder,
} from './moderation-queue/index.js';
import { settingsRoutes } from './settings/index.js';
import { coreSettingsSections, withSiteEmbedSnippet } from './web/admin/index.js';

/** The composition root: the only place that knows every domain and wires them together. */
export async function buildApp(deps: Deps, observe: { onRoute?: (route: RouteOptions) => void } = {}): Promise<FastifyInstance> {
  const { config, settings } = deps;
  const app = Fastify({
    loggerInstance: deps.log,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false, allowUnionTypes: true } },
    schemaController: { compilersFactory: schemaCompilers },
    ...fastifyErrorOptions,
  });

  // Tests list every route with its schema (the route fuzz test) before any is registered.
  if (observe.onRoute) app.addHook('onRoute', observe.onRoute);
  installErrorHandling(app, settings);
  installInputGuard(app);
  // An imported site's old permalinks (and earlier slugs) answer 301 wherever no route does.
  app.addHook('onRequest', oldAddressRedirects({ db: deps.db, now: deps.now, baseUrl: config.baseUrl }));
  installMetrics(app, config.metricsToken);
  // Every socket is a file descriptor: past these the process refuses new ones rather than running out.
  app.server.maxConnections = config.maxConnections;
  limitEventStreams(app, config.streams);
  // Every text response in Brotli or gzip as the client asks, registered before any route so all get it.
  // Event streams are hijacked (and text/event-stream is never compressed), so no event waits in a buffer;
  // assets come precompressed (web/assets.ts). Request bodies are left as sent: no client of ours
  // compresses them, and inflating them is work any visitor could ask for.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  await app.register(fastifyCookie, { secret: config.secret });
  // Anonymous public pages and comment JSON as finished, compressed bytes, dropped by domain events.
  await app.register(pageCachePlugin, {
    store: deps.pageCache.store, invalidator: deps.pageCache, ...PAGE_CACHE_ROUTES,
    staleAt: () => nextScheduledPublication(deps.db, deps.now()), now: deps.now,
  });
  await app.register(fastifyFormbody, { bodyLimit: config.bodyLimit });
  await app.register(fastifyRateLimit, {
    global: false,
    // With Redis, a limit hit on one instance holds on every other.
    ...(deps.redis ? { redis: deps.redis, nameSpace: `tribune-rl:${deps.redisNamespace}` } : {}),
    errorResponseBuilder: (_request, context) =>
      httpErrors.raise('RATE_LIMITED', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`, undefined, {
        retryAfter: Math.ceil(context.ttl / 1000),
      }),
  });
  await app.register(sessionPlugin, {
    db: deps.db,
    now: deps.now,
    baseUrl: config.baseUrl,
    staffNeedsTwoFactor: staffNeedsTwoFactor(deps),
    trustsCrossOrigin: async (origin, url) => isEmbedPath(url) && (await settings.get()).comments.embedOrigins.includes(origin),
  });

  installSecurityHeaders(app, config.baseUrl.startsWith('https:'));

  // Parts of public pages that one domain draws inside another's page (donation box, comments).
  const slots: PageSlots = { ...emptySlots };
  await app.register(assetRoutes);
  const mailer = createMailer(config);
  // Newsletters: built first because the account page and the article page carry its boxes.
  let donationsForNewsletters: ReturnType<typeof createDonations> | undefined;
  const newsletters = createNewsletters({
    ...deps,
    mailer,
    driveProgress: async () => {
      const meter = donationsForNewsletters ? await currentMeter(donationsForNewsletters.context, await settings.get()) : null;
      return meter && { title: meter.title, cta: meter.cta, raisedLabel: meter.raisedLabel, goalLabel: meter.goalLabel, percent: meter.percent, fill: meter.fill };
    },
  });
  await app.register(accountsPlugin, { ...deps, mailer });
  await app.register(twoFactorSignInRoutes, deps);
  await app.register(twoFactorSetupRoutes, deps);

  // == media: uploads, the library, /media/… files (src/media) ==
  await app.register(mediaPlugin(deps));
  // == articles: publishing, public pages, feeds, admin ==
  await app.register(articlesPlugin, { ...deps, slots });
  await app.register(usersRoutes, { ...deps, mailer });
  // Other domains push their boxes onto /admin/settings here: settingsSections.push(…).
  const settingsSections = coreSettingsSections.map((section) => (section.id === 'comments' ? withSiteEmbedSnippet(section, config.baseUrl) : section));
  settingsSections.push(securitySettingsSection);
  settingsSections.push(mediaSettingsSection);
  settingsSections.push(navigationSettingsSection(deps));
  await app.register(settingsRoutes, { settings, sections: settingsSections, guard: { admins: requireRole('admin'), csrfToken } });
  const articleScheduler = createArticleScheduler(deps);
  app.addHook('onReady', async () => articleScheduler.start());
  app.addHook('onClose', async () => articleScheduler.stop());

  // == comments: threads, readers, live stream, widget ==
  await app.register(embedCors, { settings });
  await app.register(readerRoutes, {
    ...deps,
    mailer,
    accountSections: [
      async (userId) => standingOnAccount(deps, userId),
      async (userId) => renderRejectedComments(await rejectedCommentsFor(deps, userId)),
      (userId, csrf) => newsletters.accountBox(userId, csrf),
    ],
  });
  // What moderation learned from this site's moderators, read by every instance (src/moderation/adaptation).
  const siteAdaptation = createSiteAdaptation({ ...deps, decisions: () => moderatorDecisions(deps.db) });
  // Guests' suspensions and bans from the moderation queue, checked when a guest posts.
  const guestStanding = createGuestStanding({ db: deps.db, now: deps.now, secret: config.secret });
  // Comments are scored in worker threads when there is a core to spare, so a burst of posts leaves pages served.
  const assessPool = createAssessPool({ size: config.assessWorkers });
  app.addHook('onClose', async () => assessPool.close());
  const featured = createFeaturedSource(deps);
  await app.register(commentsPlugin, { deps, mailer, adaptation: siteAdaptation, guestStanding, featured, recordDecision: systemDecisionRecorder(deps), assess: assessPool.assess });
  Object.assign(slots, commentSlots(deps, { featured, guestStanding }));
  slots.dashboardModeration = (viewer) => dashboardModeration(deps, viewer);

  // == moderation: queue, actions, settings ==
  await app.register(moderationQueuePlugin, { ...deps, baseUrl: config.baseUrl, mailer });
  settingsSections.push(moderationSettingsSection);
  settingsSections.push(learningSettingsSection({ ...deps, adaptation: siteAdaptation }));
  await app.register(learningRoutes, { adaptation: siteAdaptation });
  const nightlyLearning = createNightlyLearning({ ...deps, adaptation: siteAdaptation });
  app.addHook('onReady', async () => nightlyLearning.start());
  app.addHook('onClose', async () => {
    await nightlyLearning.stop();
    siteAdaptation.stop();
  });

  // == donations: drives, meter, checkout, webhooks, ledger ==
  const donations = createDonations({ ...deps, mailer, thanksExtra: () => newsletters.subscribeBox('donation'), donateIntro: donatePageIntro(deps) });
  await app.register(donations.plugin);
  donationsForNewsletters = donations;
  slots.articleSupport = async (context) => html`${await donations.articleSupport(context)}${await newsletters.subscribeBox('article')}`;

  // == newsletters: subscriptions, sends, the sending queue (src/newsletters) ==
  await app.register(newsletters.plugin);
  slots.homeSubscribe = () => newsletters.subscribeBox('home');
  // == members: readers, subscribers and donors in one admin list (src/members) ==
  await app.register(membersRoutes({ db: deps.db, settings, now: deps.now, subscriptions: memberSubscriptions(deps.db) }));
  settingsSections.push(newslettersSettingsSection);

  // == live: one stream per browser for every article's comments and the meter (src/web/live-routes.ts) ==
  await app.register(siteLiveRoutes, { events: deps.events, now: deps.now, heartbeatMs: 25_000, articleChannels: liveArticleChannels(deps), meter: donations.liveMeter });

  // == transfer: reader data rights ==
  await app.register(readerDataRoutes, {
    ...deps,
    baseUrl: config.baseUrl,
    donations: readerGifts(deps.db),
    newsletters: { forEmail: subscriberDataForEmail, forgetEmail: forgetSubscriberEmail },
  });
  // Disqus threads an import kept as drafts, attached to their articles by an editor.
  await app.register(threadStubRoutes, deps);

  app.get('/healthz', { schema: { response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } } }, async () => {
    await deps.db.selectFrom('settings').select('key').limit(1).execute();
    return { ok: true };
  });
  return app;
}
