import type { CountedTeaser } from './teasers.js';
import type { Article } from './types.js';
import type { SiteSettings } from '../settings/index.js';
import { mediaTagLabel, teaserList } from './article-teasers.js';
import { formatDateTime } from '../web/dates.js';
import { html, jsonForScript, trusted, type Html } from '../web/html.js';
import { videoPlaceholder } from './video-placeholder.js';
import { figureHtml, mediaUrl, type MediaItem } from '../media/index.js';

export interface ArticlePageInput {
  article: Article;
  bodyHtml: string;
  /** The featured image when it is a library image (src/media): drawn as <picture>, and 1200 px wide for Open Graph. */
  featuredMedia?: MediaItem;
  related: CountedTeaser[];
  settings: SiteSettings;
  baseUrl: string;
  /** The donation box and the comment section, drawn by their domains. */
  support: Html;
  comments: Html;
  /** A staff preview of an article readers cannot see yet. */
  preview?: boolean;
}

export function articleUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/articles/${encodeURIComponent(slug)}`;
}

export interface OpenGraphImage {
  url: string;
  width?: number;
  height?: number;
}

/** What link previews show: a library image's 1200-pixel JPEG with its size, or the typed address made absolute. */
export function openGraphImage(featured: MediaItem | undefined, featuredImageUrl: string | null, baseUrl: string): OpenGraphImage | undefined {
  if (featured) {
    const path = mediaUrl(featured, 1200);
    const file = featured.files.find((candidate) => path === `/media/${featured.id}/${candidate.name}`);
    return { url: `${baseUrl}${path}`, width: file?.width, height: file?.height };
  }
  if (!featuredImageUrl) return undefined;
  return { url: featuredImageUrl.startsWith('/') ? `${baseUrl}${featuredImageUrl}` : featuredImageUrl };
}

export function openGraphImageTags(image: OpenGraphImage | undefined, alt: string | null): Html {
  if (!image) return html``;
  return html`<meta property="og:image" content="${image.url}">${image.width ? html`<meta property="og:image:width" content="${image.width}"><meta property="og:image:height" content="${image.height}">` : ''}${alt ? html`<meta property="og:image:alt" content="${alt}">` : ''}`;
}

export function articlePage(input: ArticlePageInput): { body: Html; head: Html } {
  const { article, settings } = input;
  const site = settings.site;
  const published = article.publishedAt;
  const body = html`
${input.preview ? html`<p class="notice" role="status">Preview: readers cannot see this ${article.status === 'scheduled' ? 'scheduled article until it goes live' : 'draft'}. <a href="/admin/articles/${article.id}">Back to the editor</a></p>` : ''}
<article class="article">
  <header class="article__header">
    ${article.topics.length ? html`<p class="article__kicker">${article.topics.map((topic, index) => html`${index ? ' · ' : ''}<a href="/topics/${topic.slug}">${topic.name}</a>`)}</p>` : ''}
    <h1 class="article__headline">${article.title}${mediaTagLabel(article.mediaTag)}</h1>
    ${article.summary ? html`<p class="article__standfirst">${article.summary}</p>` : ''}
    <p class="article__dateline">By ${byline(bylines(article))}${published ? html` · <time datetime="${published}">${formatDateTime(published, site)}</time>` : ''}</p>
  </header>
  ${article.videoUrl
    ? videoPlaceholder(article.videoUrl, { url: article.featuredImageUrl, alt: article.featuredImageAlt }, article.title)
    : input.featuredMedia
      ? figureHtml(input.featuredMedia, { loading: 'eager', alt: article.featuredImageAlt ?? undefined, className: 'article__figure' })
    : article.featuredImageUrl
      ? html`<figure class="article__figure"><img src="${article.featuredImageUrl}" alt="${article.featuredImageAlt ?? ''}" decoding="async">${article.featuredImageAlt ? html`<figcaption>${article.featuredImageAlt}</figcaption>` : ''}</figure>`
      : ''}
  <div class="article__body prose">${trusted(input.bodyHtml)}</div>
  ${article.sources.length ? html`<section class="article__sources" aria-labelledby="sources-heading">
    <h2 id="sources-heading">Sources</h2>
    <ol>${article.sources.map((source) => html`<li><a href="${source.url}" rel="noopener nofollow">${source.name}</a> <span class="muted">${hostOf(source.url)}</span></li>`)}</ol>
  </section>` : ''}
</article>
${input.related.length ? html`<aside class="related" aria-labelledby="related-heading">
  <h2 id="related-heading">More on this topic</h2>
  ${teaserList(input.related, site, { images: false, headingLevel: 3, className: 'teasers--compact' })}
</aside>` : ''}
${input.support}
${input.comments}`;
  return { body, head: articleHead(input) };
}

/** The author, then co-authors (a co-writer listed twice, or as the author, is named once). */
function bylines(article: Article): Article['author'][] {
  const seen = new Set<string>();
  return [article.author, ...article.coAuthors].filter((author) => !seen.has(author.id) && Boolean(seen.add(author.id)));
}

/** "A", "A and B", "A, B and C", each a link to their page. */
function byline(authors: Article['author'][]): Html {
  return html`${authors.map((author, index) => html`${index === 0 ? '' : index === authors.length - 1 ? ' and ' : ', '}<a rel="author" href="/authors/${author.id}">${author.name}</a>`)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function articleHead(input: ArticlePageInput): Html {
  const { article, settings, baseUrl } = input;
  const site = settings.site;
  const url = articleUrl(baseUrl, article.slug);
  const description = article.summary || site.description;
  const ogImage = openGraphImage(input.featuredMedia, article.featuredImageUrl, baseUrl);
  const image = ogImage?.url;
  const modified = article.publishedAt && article.publishedAt > article.updatedAt ? article.publishedAt : article.updatedAt;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title.slice(0, 110),
    description,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    dateModified: modified,
    author: bylines(article).map((author) => ({ '@type': 'Person', name: author.name, url: `${baseUrl}/authors/${author.id}` })),
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: `${baseUrl}/`,
      ...(site.logoUrl ? { logo: { '@type': 'ImageObject', url: site.logoUrl } } : {}),
    },
    ...(image ? { image: [image] } : {}),
    ...(article.topics.length ? { articleSection: article.topics[0].name, keywords: article.topics.map((topic) => topic.name) } : {}),
    ...(article.sources.length ? { citation: article.sources.map((source) => ({ '@type': 'CreativeWork', name: source.name, url: source.url })) } : {}),
    isAccessibleForFree: true,
  };
  const locale = site.locale.replace('-', '_');
  return html`${input.preview ? html`<meta name="robots" content="noindex">` : ''}
<meta property="og:type" content="article">
<meta property="og:site_name" content="${site.name}">
<meta property="og:title" content="${article.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
<meta property="og:locale" content="${locale}">
${openGraphImageTags(ogImage, article.featuredImageAlt)}
${article.publishedAt ? html`<meta property="article:published_time" content="${article.publishedAt}">` : ''}
<meta property="article:modified_time" content="${modified}">
<meta property="article:author" content="${baseUrl}/authors/${article.author.id}">
${article.topics.map((topic) => html`<meta property="article:tag" content="${topic.name}">`)}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${article.title}">
<meta name="twitter:description" content="${description}">
${image ? html`<meta name="twitter:image" content="${image}">` : ''}
<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`;
}
