import { Html, html, trusted } from '../web/html.js';
import type { OutputFormat } from './process.js';
import type { MediaFile, MediaItem } from './types.js';

/** The article column (theme.css: .article max-width 42rem, 1rem padding each side on phones). */
export const ARTICLE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/** `/media/ID`: how articles name a library image (Markdown `![alt](/media/ID)` and the featured image). */
const REFERENCE = /^(?:https?:\/\/[^/]+)?\/media\/([a-z0-9]{10,40})$/;

export function mediaIdOf(url: string | null | undefined): string | undefined {
  return url ? REFERENCE.exec(url.trim())?.[1] : undefined;
}

export function mediaReference(id: string): string {
  return `/media/${id}`;
}

/** Every library image a Markdown body names, in order, each once. */
export function mediaIdsInMarkdown(markdown: string): string[] {
  const ids = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?((?:https?:\/\/[^/\s)]+)?\/media\/[a-z0-9]{10,40})>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => mediaIdOf(match[1])!);
  return [...new Set(ids)];
}

/** Each Markdown image's alt text and target, for the publish check (alt required unless decorative). */
export function markdownImages(markdown: string): { alt: string; id: string }[] {
  return [...markdown.matchAll(/!\[([^\]]*)\]\(\s*<?((?:https?:\/\/[^/\s)]+)?\/media\/[a-z0-9]{10,40})>?/g)].map((match) => ({ alt: match[1].trim(), id: mediaIdOf(match[2])! }));
}

function derived(item: MediaItem, format: OutputFormat): MediaFile[] {
  return item.files.filter((file) => !file.original && file.format === format).sort((a, b) => a.width - b.width);
}

/**
 * A file's site-relative URL: the derived file closest to `width` without going under it (the largest
 * when none is that wide). Names carry the content hash, so the URL is cached for good.
 */
export function mediaUrl(item: MediaItem, width: number, format: OutputFormat = 'jpeg'): string {
  const files = derived(item, format);
  const file = files.find((candidate) => candidate.width >= width) ?? files[files.length - 1];
  return `/media/${item.id}/${file.name}`;
}

/** The stored, re-encoded original (metadata removed too). */
export function originalUrl(item: MediaItem): string {
  const file = item.files.find((candidate) => candidate.original)!;
  return `/media/${item.id}/${file.name}`;
}

function srcset(item: MediaItem, format: OutputFormat): string {
  return derived(item, format).map((file) => `/media/${item.id}/${file.name} ${file.width}w`).join(', ');
}

export interface PictureOptions {
  sizes?: string;
  /** `eager` for the image readers see first (the featured image); below the fold `lazy`. */
  loading?: 'lazy' | 'eager';
  /** Overrides the library's alt text (Markdown's own). */
  alt?: string;
  /** Beside a link that already names the story (a teaser): no alt text, whatever the library says. */
  decorative?: boolean;
  className?: string;
}

/** `<picture>`: AVIF, then WebP, then JPEG for every browser; width and height keep the layout from shifting. */
export function pictureHtml(item: MediaItem, options: PictureOptions = {}): Html {
  const sizes = options.sizes ?? ARTICLE_SIZES;
  const loading = options.loading ?? 'lazy';
  const jpeg = derived(item, 'jpeg');
  const largest = jpeg[jpeg.length - 1];
  const alt = item.decorative || options.decorative ? '' : options.alt?.trim() || item.alt;
  return html`<picture${options.className ? html` class="${options.className}"` : ''}><source type="image/avif" srcset="${srcset(item, 'avif')}" sizes="${sizes}"><source type="image/webp" srcset="${srcset(item, 'webp')}" sizes="${sizes}"><img src="${mediaUrl(item, 960)}" srcset="${srcset(item, 'jpeg')}" sizes="${sizes}" width="${largest.width}" height="${largest.height}" alt="${alt}" loading="${loading}" decoding="${loading === 'eager' ? 'sync' : 'async'}"${loading === 'eager' ? html` fetchpriority="high"` : ''}></picture>`;
}

/** "Photo: Jane Doe", unless the credit already says what it is. */
export function creditText(credit: string): string {
  const text = credit.trim();
  return !text || /^(photo|photograph|image|illustration|graphic|video|©|\(c\)|copyright)\b/i.test(text) ? text : `Photo: ${text}`;
}

function figcaption(caption: Html | string, credit: string): Html {
  const creditLine = creditText(credit);
  const hasCaption = caption instanceof Html ? caption.value.trim() !== '' : caption.trim() !== '';
  if (!hasCaption && !creditLine) return html``;
  return html`<figcaption>${caption}${hasCaption && creditLine ? ' ' : ''}${creditLine ? html`<span class="media-credit">${creditLine}</span>` : ''}</figcaption>`;
}

/** A figure with the item's caption and credit ("Photo: …"). */
export function figureHtml(item: MediaItem, options: PictureOptions & { caption?: Html | string; absoluteBase?: string } = {}): Html {
  const image = options.absoluteBase ? plainImg(item, options.absoluteBase, options.alt) : pictureHtml(item, { ...options, className: undefined });
  return html`<figure class="media-figure${options.className ? ` ${options.className}` : ''}">${image}${figcaption(options.caption ?? item.caption, item.credit)}</figure>`;
}

/** For feeds and email: one absolute JPEG, which every reader program shows. */
function plainImg(item: MediaItem, base: string, alt?: string): Html {
  const file = item.files.find((candidate) => `/media/${item.id}/${candidate.name}` === mediaUrl(item, 1200))!;
  return html`<img src="${base}${mediaUrl(item, 1200)}" width="${file.width}" height="${file.height}" alt="${item.decorative ? '' : alt?.trim() || item.alt}">`;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Library images in sanitised body HTML (`<img src="/media/ID">`) drawn as `<picture>`; one alone in its
 * paragraph becomes a figure with its caption and credit. Unknown ids are left as they are.
 */
export function expandMediaImages(bodyHtml: string, items: Map<string, MediaItem>, options: { sizes?: string; absoluteBase?: string } = {}): string {
  const itemOf = (tag: string) => items.get(mediaIdOf(decode(attribute(tag, 'src') ?? '')) ?? '');
  const img = '<img\\b[^>]*\\ssrc="(?:https?://[^/"]+)?/media/[a-z0-9]{10,40}"[^>]*>';
  return bodyHtml
    .replace(new RegExp(`<figure>\\s*(${img})\\s*<figcaption>([\\s\\S]*?)</figcaption>\\s*</figure>`, 'g'), (whole, tag: string, caption: string) => {
      const item = itemOf(tag);
      return item ? figureHtml(item, { ...options, alt: decode(attribute(tag, 'alt') ?? ''), caption: trusted(caption) }).value : whole;
    })
    .replace(new RegExp(`<p>\\s*(${img})\\s*</p>`, 'g'), (whole, tag: string) => {
      const item = itemOf(tag);
      return item ? figureHtml(item, { ...options, alt: decode(attribute(tag, 'alt') ?? '') }).value : whole;
    })
    .replace(new RegExp(img, 'g'), (tag) => {
      const item = itemOf(tag);
      if (!item) return tag;
      const alt = decode(attribute(tag, 'alt') ?? '');
      return (options.absoluteBase ? plainImg(item, options.absoluteBase, alt) : pictureHtml(item, { ...options, alt })).value;
    });
}
