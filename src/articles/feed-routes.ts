import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Deps } from '../runtime.js';
import { articleErrors } from './errors.js';
import { atomFeed, feedEntries, rssFeed, siteChannel } from './feeds.js';
import { robotsTxt, sitemapXml } from './sitemap.js';
import { findTopic } from './topics.js';
import type { Topic } from './types.js';

type FeedOptions = Pick<Deps, 'db' | 'now' | 'settings' | 'config'>;

const CACHE = 'public, max-age=300';
const slugParams = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } } } as const;

/** RSS and Atom for the site and each topic, the sitemap and robots.txt. */
export const feedRoutes: FastifyPluginAsync<FeedOptions> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const { db, now, config } = deps;

  async function send(reply: FastifyReply, kind: 'rss' | 'atom', topic?: Topic) {
    const settings = await deps.settings.get();
    const channel = siteChannel(settings, config.baseUrl, topic);
    const entries = await feedEntries(db, now(), config.baseUrl, topic);
    reply.header('cache-control', CACHE);
    return kind === 'rss'
      ? reply.type('application/rss+xml; charset=utf-8').send(rssFeed(channel, entries, now()))
      : reply.type('application/atom+xml; charset=utf-8').send(atomFeed(channel, entries, now()));
  }

  async function topicOr404(slug: string): Promise<Topic> {
    const topic = await findTopic(db, { slug });
    if (!topic) throw articleErrors.raise('TOPIC_NOT_FOUND');
    return topic;
  }

  app.get('/feed.xml', { schema: {} }, (_request, reply) => send(reply, 'rss'));
  app.get('/atom.xml', { schema: {} }, (_request, reply) => send(reply, 'atom'));
  app.get('/topics/:slug/feed.xml', { schema: { params: slugParams } }, async (request, reply) =>
    send(reply, 'rss', await topicOr404(request.params.slug)));
  app.get('/topics/:slug/atom.xml', { schema: { params: slugParams } }, async (request, reply) =>
    send(reply, 'atom', await topicOr404(request.params.slug)));

  app.get('/sitemap.xml', { schema: {} }, async (_request, reply) => {
    reply.header('cache-control', CACHE);
    return reply.type('application/xml; charset=utf-8').send(await sitemapXml(db, now(), config.baseUrl));
  });

  app.get('/robots.txt', { schema: {} }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return reply.type('text/plain; charset=utf-8').send(robotsTxt(config.baseUrl));
  });
};
