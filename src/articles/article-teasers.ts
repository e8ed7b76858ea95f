import { pictureHtml } from '../media/index.js';
import type { CountedTeaser } from './teasers.js';
import { MEDIA_TAG_LABELS, type MediaTag } from './types.js';
import type { SiteSettings } from '../settings/index.js';
import { formatDate } from '../web/dates.js';
import { html, type Html } from '../web/html.js';

export function mediaTagLabel(tag: MediaTag | null): Html {
  return tag ? html` <span class="media-tag">(${MEDIA_TAG_LABELS[tag]})</span>` : html``;
}

function commentLink(teaser: CountedTeaser): Html {
  if (!teaser.commentCount) return html``;
  const label = teaser.commentCount === 1 ? '1 comment' : `${teaser.commentCount.toLocaleString('en-US')} comments`;
  return html` · <a href="/articles/${teaser.slug}#comments">${label}</a>`;
}

export function teaserMeta(teaser: CountedTeaser, site: SiteSettings['site'], options: { author?: boolean } = {}): Html {
  return html`<p class="teaser__meta">${options.author === false ? '' : html`By <a href="/authors/${teaser.author.id}">${teaser.author.name}</a> · `}<time datetime="${teaser.publishedAt}">${formatDate(teaser.publishedAt, site)}</time>${commentLink(teaser)}</p>`;
}

/** theme.css: a 14rem column beside the text from 40rem; the list's width below. */
const TEASER_SIZES = '(min-width: 40rem) 14rem, calc(100vw - 2rem)';
/** theme.css: three fifths of the 72rem page from 50rem; the page's width below. */
const LEAD_STORY_SIZES = '(min-width: 72rem) 42rem, (min-width: 50rem) 60vw, calc(100vw - 2rem)';

/** A list's picture: the library's sizes when it is a library image, else the address as given. */
function teaserImage(item: CountedTeaser, sizes: string, loading: 'lazy' | 'eager'): Html {
  if (item.featuredMedia) return pictureHtml(item.featuredMedia, { sizes, loading, decorative: true });
  return html`<img src="${item.featuredImageUrl}" alt=""${loading === 'lazy' ? html` loading="lazy"` : ''} decoding="async">`;
}

function teaser(item: CountedTeaser, site: SiteSettings['site'], options: { images: boolean; author?: boolean; headingLevel: 2 | 3 }): Html {
  const href = `/articles/${item.slug}`;
  const title = html`<a href="${href}">${item.title}</a>${mediaTagLabel(item.mediaTag)}`;
  return html`<li class="teaser${options.images && item.featuredImageUrl ? ' teaser--image' : ''}"><article>
    ${options.images && item.featuredImageUrl ? html`<a href="${href}" class="teaser__image" tabindex="-1" aria-hidden="true">${teaserImage(item, TEASER_SIZES, 'lazy')}</a>` : ''}
    <div class="teaser__text">
      ${options.headingLevel === 2 ? html`<h2 class="teaser__title">${title}</h2>` : html`<h3 class="teaser__title">${title}</h3>`}
      ${item.summary ? html`<p class="teaser__summary">${item.summary}</p>` : ''}
      ${teaserMeta(item, site, options)}
    </div>
  </article></li>`;
}

/** A list of stories: home, topic, author and search pages, and "More on this topic". */
export function teaserList(
  items: CountedTeaser[],
  site: SiteSettings['site'],
  options: { images?: boolean; author?: boolean; headingLevel?: 2 | 3; className?: string } = {},
): Html {
  const settings = { images: options.images ?? true, author: options.author, headingLevel: options.headingLevel ?? 2 };
  return html`<ul class="teasers ${options.className ?? ''}">${items.map((item) => teaser(item, site, settings))}</ul>`;
}

/** The front page's top story, larger and with its picture. */
export function leadStory(item: CountedTeaser, site: SiteSettings['site']): Html {
  const href = `/articles/${item.slug}`;
  return html`<article class="lead-story">
    ${item.featuredImageUrl ? html`<a href="${href}" class="lead-story__image" tabindex="-1" aria-hidden="true">${teaserImage(item, LEAD_STORY_SIZES, 'eager')}</a>` : ''}
    <div class="lead-story__text">
      <h2 class="lead-story__title"><a href="${href}">${item.title}</a>${mediaTagLabel(item.mediaTag)}</h2>
      ${item.summary ? html`<p class="lead-story__summary">${item.summary}</p>` : ''}
      ${teaserMeta(item, site)}
    </div>
  </article>`;
}

/** Newer / Older links; `page` is 1-based and kept in the query string with the other parameters. */
export function pagination(options: { page: number; hasNext: boolean; path: string; params?: Record<string, string | undefined> }): Html {
  const href = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(options.params ?? {})) if (value) query.set(key, value);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return text ? `${options.path}?${text}` : options.path;
  };
  if (options.page <= 1 && !options.hasNext) return html``;
  return html`<nav class="pagination" aria-label="Pages">
    <span>${options.page > 1 ? html`<a href="${href(options.page - 1)}" rel="prev">← Newer</a>` : ''}</span>
    <span class="muted">Page ${options.page}</span>
    <span>${options.hasNext ? html`<a href="${href(options.page + 1)}" rel="next">Older →</a>` : ''}</span>
  </nav>`;
}
