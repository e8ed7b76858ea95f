import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../accounts/index.js';
import type { Deps } from '../runtime.js';
import { renderWithMedia } from './article-media.js';
import { articlePage, articleUrl } from './article-page.js';
import { page } from '../web/layout.js';
import { trusted, type Html } from '../web/html.js';
import { articleTag } from '../web/page-cache-events.js';
import { tagPage } from '../web/page-cache-plugin.js';
import { authorPage, homePage, searchPage, topicPage } from './listing-pages.js';
import type { ArticleSlotContext, PageSlots } from '../web/slots.js';
import { drawnForReaders, framedForReader } from '../web/reader-pages.js';
import type { Viewer } from '../web/viewer.js';
import type { SiteSettings } from '../settings/index.js';
import { articleErrors } from './errors.js';
import { listPublicTeasers, relatedTeasers } from './queries.js';
import { articleLocation, articlePath, redirectTarget } from './redirects.js';
import { searchArticles } from './search.js';
import { renderStaticPage } from './static-page.js';
import { findPublicArticle } from './service.js';
import { toTeaser, teasersForList } from './teasers.js';
import { findTopic, listTopics } from './topics.js';
import type { Article } from './types.js';
import { parseVideoUrl } from './video.js';
import { findUserById } from '../accounts/index.js';

export type PublicOptions = Pick<Deps, 'db' | 'dialect' | 'now' | 'settings' | 'config'> & { slots: PageSlots };

export const PAGE_SIZE = 12;
export const RELATED_LIMIT = 5;

const pageQuery = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 } },
} as const;
const slugParams = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } } } as const;

/**
 * Public pages carry a CSRF token only for signed-in viewers: for everyone else they are the same bytes
 * (the page cache serves them), and their forms are protected by the browser's Sec-Fetch-Site/Origin.
 */
function pageCsrf(request: FastifyRequest, reply: FastifyReply): string {
  return request.viewer ? csrfToken(request, reply) : '';
}

export function sendHtml(reply: FastifyReply, body: string | Buffer, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

/** The article page as readers see it, or as staff preview a draft; other domains fill the slots. */
export async function renderArticlePage(
  deps: PublicOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  article: Article,
  preview = false,
): Promise<string | Buffer> {
  if (article.kind === 'page') return renderStaticPage(deps, request, reply, article, preview);
  const { viewer } = request;
  const csrf = pageCsrf(request, reply);
  const settings = await deps.settings.get();
  if (viewer?.role !== 'reader' || preview) return drawArticlePage(deps, request, article, { viewer, csrf, settings, preview });
  // Most signed-in readers share one drawing: only their name and token differ (../web/reader-pages.ts);
  // one whose comment or like is on the article shares all but the comment section, drawn for them.
  const reader = { viewer, csrf };
  const context = slotContext(deps, request, article, { ...reader, settings });
  const variant = await deps.slots.articleCommentsVariant(context);
  if (variant !== null) return drawnForReaders(request, variant, reader, (drawnFor) => drawArticlePage(deps, request, article, { ...drawnFor, settings }));
  return framedForReader(
    request,
    reader,
    (drawnFor, part) => drawArticlePage(deps, request, article, { ...drawnFor, settings, comments: trusted(part) }),
    async () => (await deps.slots.articleComments(context)).value,
  );
}

interface PageFor {
  viewer: Viewer | null;
  csrf: string;
  settings: SiteSettings;
  preview?: boolean;
  /** The comment section, when drawn apart from the page. */
  comments?: Html;
}

function slotContext(deps: PublicOptions, request: FastifyRequest, article: Article, { viewer, csrf, settings }: PageFor): ArticleSlotContext {
  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      url: articleUrl(deps.config.baseUrl, article.slug),
      publishedAt: article.publishedAt,
      commentsOpen: article.commentsOpen,
      commentsCloseAfterDays: article.commentsCloseAfterDays,
      premoderate: article.premoderate,
    },
    viewer,
    settings,
    csrf,
    query: request.query as Record<string, string | undefined>,
  };
}

async function drawArticlePage(deps: PublicOptions, request: FastifyRequest, article: Article, drawnFor: PageFor): Promise<string> {
  const { db, now, config, slots } = deps;
  const { settings, viewer, csrf } = drawnFor;
  const context = slotContext(deps, request, article, drawnFor);
  const [relatedRows, support, comments] = await Promise.all([
    relatedTeasers(db, article.id, now(), RELATED_LIMIT),
    slots.articleSupport(context),
    drawnFor.comments ?? slots.articleComments(context),
  ]);
  const related = await teasersForList({ db, slots }, relatedRows.map(toTeaser));
  // The page shows this article's comments and the related stories' comment counts.
  tagPage(request, [article, ...related].map((shown) => articleTag(shown.id)));
  // Library images (src/media): the featured one and those the body names as ![alt](/media/ID).
  const { bodyHtml, featuredMedia } = await renderWithMedia(deps, article);
  const view = articlePage({ article, bodyHtml, featuredMedia, related, settings, baseUrl: config.baseUrl, support, comments, preview: drawnFor.preview ?? false });
  const playable = article.videoUrl ? parseVideoUrl(article.videoUrl)?.embedUrl : null;
  return page({
    title: article.title,
    description: article.summary || undefined,
    canonicalUrl: context.article.url,
    settings,
    viewer,
    csrf,
    head: view.head,
    body: view.body,
    bodyClass: 'article-page',
    scripts: playable ? ['article.js'] : [],
  }).value;
}

export const publicRoutes: FastifyPluginAsync<PublicOptions> = async (plain, deps) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  const { db, now, slots } = deps;

  async function listing(options: { page: number; topicId?: string; authorId?: string; stickyFirst?: boolean }) {
    const rows = await listPublicTeasers(db, now(), { ...options, limit: PAGE_SIZE + 1, offset: (options.page - 1) * PAGE_SIZE });
    const items = await teasersForList({ db, slots }, rows.slice(0, PAGE_SIZE).map(toTeaser));
    return { items, hasNext: rows.length > PAGE_SIZE };
  }

  /**
   * A listing page: the same for every signed-in reader but their token (their name is not shown), so
   * they share one drawing of it (../web/reader-pages.ts); `body` is drawn only when that is missing.
   */
  async function shell(request: FastifyRequest, reply: FastifyReply, title: string, body: (settings: SiteSettings) => Promise<Html>, canonicalPath?: string) {
    const settings = await deps.settings.get();
    const csrf = pageCsrf(request, reply);
    const { viewer } = request;
    const draw = async (drawnFor: { viewer: Viewer | null; csrf: string }) => page({
      title, settings, ...drawnFor, body: await body(settings),
      canonicalUrl: canonicalPath ? `${deps.config.baseUrl}${canonicalPath}` : undefined,
    }).value;
    if (viewer?.role !== 'reader') return sendHtml(reply, await draw({ viewer, csrf }));
    return sendHtml(reply, await drawnForReaders(request, '', { viewer, csrf }, draw));
  }

  app.get('/', { schema: { querystring: pageQuery } }, async (request, reply) => {
    const { page: pageNumber } = request.query;
    return shell(request, reply, (await deps.settings.get()).site.name, async (settings) => {
      const [list, topics, subscribe] = await Promise.all([listing({ page: pageNumber, stickyFirst: true }), listTopics(db), slots.homeSubscribe()]);
      return homePage({ ...list, page: pageNumber, settings, topics, subscribe });
    }, pageNumber > 1 ? `/?page=${pageNumber}` : '/');
  });

  app.get(
    '/articles/:slug',
    { schema: { params: slugParams, querystring: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } } } },
    async (request, reply) => {
      const article = await findPublicArticle(deps, request.params.slug);
      // A static page lives at /{slug}; its /articles/ address (an old link, a guess) leads there.
      if (article?.kind === 'page') return reply.code(301).header('location', articleLocation(deps.config.baseUrl, article)).send();
      if (!article) {
        // An earlier slug of an article (or an imported one's old address) leads to where it is now.
        const moved = await redirectTarget(db, request.hostname, articlePath(request.params.slug), now());
        if (moved) return reply.code(301).header('location', articleLocation(deps.config.baseUrl, moved)).send();
        throw articleErrors.raise('ARTICLE_NOT_FOUND', 'There is no story at this address. It may have moved or been unpublished.');
      }
      return sendHtml(reply, await renderArticlePage(deps, request, reply, article));
    },
  );

  app.get(
    '/topics/:slug',
    { schema: { params: slugParams, querystring: pageQuery } },
    async (request, reply) => {
      const topic = await findTopic(db, { slug: request.params.slug });
      if (!topic) throw articleErrors.raise('TOPIC_NOT_FOUND');
      const pageNumber = request.query.page;
      return shell(request, reply, topic.name, async (settings) => {
        const [list, topics] = await Promise.all([listing({ page: pageNumber, topicId: topic.id }), listTopics(db)]);
        return topicPage({ ...list, page: pageNumber, settings, topic, topics });
      }, `/topics/${topic.slug}`);
    },
  );

  app.get(
    '/authors/:id',
    { schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } }, querystring: pageQuery } },
    async (request, reply) => {
      const user = await findUserById(db, request.params.id);
      const pageNumber = request.query.page;
      const list = user ? await listing({ page: pageNumber, authorId: user.id }) : undefined;
      // Readers are never listed here; a former staff member keeps a page while their stories are up.
      if (!user || !list || (user.role === 'reader' && list.items.length === 0 && pageNumber === 1)) {
        throw articleErrors.raise('ARTICLE_NOT_FOUND', 'No such author.');
      }
      const author = { id: user.id, name: user.display_name, bio: user.bio, role: user.role };
      return shell(request, reply, author.name, async (settings) => authorPage({ ...list, page: pageNumber, settings, author }), `/authors/${author.id}`);
    },
  );

  app.get(
    '/search',
    { schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 }, page: pageQuery.properties.page } } } },
    async (request, reply) => {
      const query = request.query.q ?? '';
      const pageNumber = request.query.page;
      const rows = query.trim() ? await searchArticles(deps, query, { limit: PAGE_SIZE + 1, offset: (pageNumber - 1) * PAGE_SIZE }) : [];
      const items = await teasersForList({ db, slots }, rows.slice(0, PAGE_SIZE).map(toTeaser));
      reply.header('x-robots-tag', 'noindex');
      return shell(request, reply, query.trim() ? `Search: ${query.trim()}` : 'Search', async (settings) =>
        searchPage({ items, hasNext: rows.length > PAGE_SIZE, page: pageNumber, settings, query }));
    },
  );
};
