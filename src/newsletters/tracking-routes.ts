import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync } from 'fastify';
import { trackingParams } from './contract.js';
import { newsletterErrors } from './errors.js';
import { PIXEL_GIF, recordEngagement, trackedLink, verifyClickToken, verifyOpenToken } from './tracking.js';
import type { NewslettersDeps } from './types.js';

/**
 * The open pixel and the link redirect of tracked sends (src/newsletters/tracking.ts). A link keeps
 * working after the owner turns counting off; it is then only a redirect and records nothing.
 */
export function trackingRoutes(deps: NewslettersDeps): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
    const counting = async () => (await deps.settings.get()).newsletters.trackOpensAndClicks;

    app.get('/n/o/:token', { schema: { params: trackingParams } }, async (request, reply) => {
      const target = verifyOpenToken(deps.config.secret, request.params.token);
      if (target && (await counting())) await recordEngagement(deps.db, 'open', target.sendId, target.subscriberId, deps.now());
      // The image is the same whatever the token says: a mail client shows nothing either way.
      reply.header('cache-control', 'no-store, private');
      return reply.type('image/gif').send(PIXEL_GIF);
    });

    app.get('/n/c/:token', { schema: { params: trackingParams } }, async (request, reply) => {
      const target = verifyClickToken(deps.config.secret, request.params.token);
      const url = target ? await trackedLink(deps.db, target.sendId, target.index) : undefined;
      if (!target || !url) throw newsletterErrors.raise('NEWSLETTER_LINK_INVALID');
      if (await counting()) await recordEngagement(deps.db, 'click', target.sendId, target.subscriberId, deps.now());
      reply.header('cache-control', 'no-store, private');
      reply.header('referrer-policy', 'no-referrer');
      return reply.redirect(url, 302);
    });
  };
}
