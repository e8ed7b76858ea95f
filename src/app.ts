import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { accountsPlugin, sessionPlugin } from './accounts/index.js';
import { articlesPlugin, createArticleScheduler } from './articles/index.js';
import { httpErrors } from './errors.js';
import { installErrorHandling } from './http-errors.js';
import { installMetrics } from './metrics.js';
import { installSecurityHeaders } from './security-headers.js';
import { createDonations, readerGifts } from './donations/index.js';
import { readerDataRoutes } from './transfer/index.js';
import type { Deps } from './runtime.js';
import { assetRoutes } from './web/assets.js';
import { emptySlots, type PageSlots } from './web/slots.js';
import { readerRoutes } from './accounts/index.js';
import { commentSlots, commentsPlugin, embedCors, isEmbedPath } from './comments/index.js';
import { createMailer } from './mail/index.js';
import { moderationQueuePlugin, moderationSettingsSection, rejectedCommentsFor, renderRejectedComments } from './moderation/index.js';
import { coreSettingsSections, settingsRoutes, usersRoutes } from './web/admin/index.js';

/** The composition root: the only place that knows every domain and wires them together. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config, settings } = deps;
  const app = Fastify({
    loggerInstance: deps.log,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false, allowUnionTypes: true } },
  });

  installErrorHandling(app, settings);
  installMetrics(app, config.metricsToken);
  await app.register(fastifyCookie, { secret: config.secret });
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
    trustsCrossOrigin: async (origin, url) => isEmbedPath(url) && (await settings.get()).comments.embedOrigins.includes(origin),
  });

  installSecurityHeaders(app, config.baseUrl.startsWith('https:'));

  // Parts of public pages that one domain draws inside another's page (donation box, comments).
  const slots: PageSlots = { ...emptySlots };
  await app.register(assetRoutes);
  await app.register(accountsPlugin, deps);

  // == articles: publishing, public pages, feeds, admin ==
  await app.register(articlesPlugin, { ...deps, slots });
  await app.register(usersRoutes, deps);
  // Other domains push their boxes onto /admin/settings here: settingsSections.push(…).
  const settingsSections = [...coreSettingsSections];
  await app.register(settingsRoutes, { settings, sections: settingsSections });
  const articleScheduler = createArticleScheduler(deps);
  app.addHook('onReady', async () => articleScheduler.start());
  app.addHook('onClose', async () => articleScheduler.stop());

  // == comments: threads, readers, live stream, widget ==
  const mailer = createMailer(config);
  await app.register(embedCors, { settings });
  await app.register(readerRoutes, {
    ...deps,
    mailer,
    accountSections: [async (userId) => renderRejectedComments(await rejectedCommentsFor(deps, userId))],
  });
  await app.register(commentsPlugin, { deps, mailer });
  Object.assign(slots, commentSlots(deps));

  // == moderation: queue, actions, settings ==
  await app.register(moderationQueuePlugin, { ...deps, baseUrl: config.baseUrl, mailer });
  settingsSections.push(moderationSettingsSection);

  // == donations: drives, meter, checkout, webhooks, ledger ==
  const donations = createDonations(deps);
  await app.register(donations.plugin);
  slots.articleSupport = donations.articleSupport;

  // == transfer: reader data rights ==
  await app.register(readerDataRoutes, { ...deps, baseUrl: config.baseUrl, donations: readerGifts(deps.db) });

  app.get('/healthz', { schema: { response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } } }, async () => {
    await deps.db.selectFrom('settings').select('key').limit(1).execute();
    return { ok: true };
  });
  return app;
}
