import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken } from '../accounts/index.js';
import type { Deps } from '../runtime.js';
import type { SiteSettings } from '../settings/index.js';
import { page } from '../web/layout.js';
import { articleTag } from '../web/page-cache-events.js';
import { tagPage } from '../web/page-cache-plugin.js';
import { html, jsonForScript, trusted, type Html } from '../web/html.js';
import type { PageSlots } from '../web/slots.js';
import { figureHtml, type MediaItem } from '../media/index.js';
import { renderWithMedia } from './article-media.js';
import { openGraphImage, openGraphImageTags } from './article-page.js';
import { teaserList } from './article-teasers.js';
import { pathOf } from './page-slugs.js';
import { relatedTeasers } from './queries.js';
import { findPublicArticle } from './service.js';
import { isSlug } from './slugs.js';
import { toTeaser, teasersForList, type CountedTeaser } from './teasers.js';
import type { Article } from './types.js';
import { MAX_SLUG_LENGTH } from './validate.js';

type PageDeps = Pick<Deps, 'db' | 'now' | 'settings' | 'config'> & { slots: PageSlots };

const RELATED_LIMIT = 5;

/** The public page with this slug, or undefined (a draft, an article, no such slug). */
export async function findPublicPage(deps: Pick<Deps, 'db' | 'now'>, slug: string): Promise<Article | undefined> {
  if (!isSlug(slug, MAX_SLUG_LENGTH)) return undefined;
  const found = await findPublicArticle(deps, slug);
  return found?.kind === 'page' ? found : undefined;
}

/** The text of the page the owner chose (Settings → Navigation) for above the donation form, or nothing. */
export function donatePageIntro(deps: Pick<Deps, 'db' | 'now' | 'settings'>): () => Promise<Html> {
  return async () => {
    const slug = (await deps.settings.get()).navigation.donatePage;
    const found = slug ? await findPublicPage(deps, slug) : undefined;
    return found ? html`<section class="donate-intro prose">${trusted((await renderWithMedia(deps, found)).bodyHtml)}</section>` : html``;
  };
}

interface StaticPageInput {
  article: Article;
  settings: SiteSettings;
  related: CountedTeaser[];
  comments: Html;
  preview: boolean;
  bodyHtml: string;
  featuredMedia: MediaItem | undefined;
}

/** A static page: its title and text; no byline or date, and related stories only when enabled. */
function staticPageBody(input: StaticPageInput): Html {
  const { article } = input;
  return html`
${input.preview ? html`<p class="notice" role="status">Preview: readers cannot see this page yet. <a href="/admin/articles/${article.id}">Back to the editor</a></p>` : ''}
<article class="article article--page">
  <header class="article__header">
    <h1 class="article__headline">${article.title}</h1>
    ${article.summary ? html`<p class="article__standfirst">${article.summary}</p>` : ''}
  </header>
  ${input.featuredMedia
    ? figureHtml(input.featuredMedia, { loading: 'eager', alt: article.featuredImageAlt ?? undefined, className: 'article__figure' })
    : article.featuredImageUrl ? html`<figure class="article__figure"><img src="${article.featuredImageUrl}" alt="${article.featuredImageAlt ?? ''}" decoding="async"></figure>` : ''}
  <div class="article__body prose">${trusted(input.bodyHtml)}</div>
</article>
${input.related.length ? html`<aside class="related" aria-labelledby="related-heading">
  <h2 id="related-heading">More on this topic</h2>
  ${teaserList(input.related, input.settings.site, { images: false, headingLevel: 3, className: 'teasers--compact' })}
</aside>` : ''}
${input.comments}`;
}

function staticPageHead(article: Article, settings: SiteSettings, url: string, preview: boolean, featuredMedia: MediaItem | undefined, baseUrl: string): Html {
  const description = article.summary || settings.site.description;
  const jsonLd = { '@context': 'https://schema.org', '@type': 'WebPage', name: article.title, description, url };
  return html`${preview ? html`<meta name="robots" content="noindex">` : ''}
<meta property="og:type" content="website">
<meta property="og:site_name" content="${settings.site.name}">
<meta property="og:title" content="${article.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
${openGraphImageTags(openGraphImage(featuredMedia, article.featuredImageUrl, baseUrl), article.featuredImageAlt)}
<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`;
}

/** The page at /{slug} as readers see it (or staff preview it); comments only when the page has them open. */
export async function renderStaticPage(deps: PageDeps, request: FastifyRequest, reply: FastifyReply, article: Article, preview = false): Promise<string> {
  const settings = await deps.settings.get();
  // Same bytes for every anonymous visitor (the page cache serves them); a token only for the signed in.
  const csrf = request.viewer ? csrfToken(request, reply) : '';
  const url = `${deps.config.baseUrl}${pathOf('page', article.slug)}`;
  const relatedRows = article.showRelated ? await relatedTeasers(deps.db, article.id, deps.now(), RELATED_LIMIT) : [];
  const related = await teasersForList(deps, relatedRows.map(toTeaser));
  const comments = article.commentsOpen
    ? await deps.slots.articleComments({
      article: {
        id: article.id, slug: article.slug, title: article.title, url, publishedAt: article.publishedAt, commentsOpen: article.commentsOpen,
        commentsCloseAfterDays: article.commentsCloseAfterDays, premoderate: article.premoderate,
      },
      viewer: request.viewer, settings, csrf, query: request.query as Record<string, string | undefined>,
    })
    : html``;
  tagPage(request, [article, ...related].map((shown) => articleTag(shown.id)));
  const { bodyHtml, featuredMedia } = await renderWithMedia(deps, article);
  return page({
    title: article.title,
    description: article.summary || undefined,
    canonicalUrl: url,
    settings,
    viewer: request.viewer,
    csrf,
    head: staticPageHead(article, settings, url, preview, featuredMedia, deps.config.baseUrl),
    body: staticPageBody({ article, settings, related, comments, preview, bodyHtml, featuredMedia }),
    bodyClass: 'static-page',
  }).value;
}
