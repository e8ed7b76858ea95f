import { parseVideoUrl } from '../../articles/index.js';
import { htmlToMarkdown } from '../html-to-markdown.js';

export interface WordPressContent {
  body: string;
  /** The first YouTube, Vimeo or video-file embed: the article's click-to-load video. */
  videoUrl: string | null;
}

/**
 * WordPress content to Markdown. Shortcodes first: `[caption]` becomes a figure with its caption,
 * `[embed]`, `[video]` and Jetpack's `[youtube]`/`[vimeo]` an address on its own line, `[audio]` a link;
 * `[gallery]` and `[playlist]` are dropped (they name attachments by id only). Then every
 * embed standing alone (those addresses, iframes, WordPress's bare oEmbed lines): the first video becomes
 * the article's click-to-load video (and leaves the body when it opened it); other videos become links.
 */
export function wordpressContent(html: string, baseUrl: string | undefined): WordPressContent {
  let videoUrl: string | null = null;
  const standalone = (url: string) => {
    const absolute = url.trim() ? resolve(url.trim(), baseUrl) : null;
    return absolute ? `\n\n<p>${escapeHtml(absolute)}</p>\n\n` : '';
  };
  const cleaned = html
    .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')
    .replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/g, (_, attrs: string, inner: string) => {
      const caption = shortcodeAttrs(attrs).caption;
      return `<figure>${inner}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
    })
    .replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/g, (_, url: string) => standalone(url.trim()))
    .replace(/\[video([^\]]*)\](?:[\s\S]*?\[\/video\])?/g, (_, attrs: string) => standalone(firstAddress(shortcodeAttrs(attrs), ['src', 'mp4', 'm4v', 'webm', 'ogv', 'mov'])))
    .replace(/\[audio([^\]]*)\](?:[\s\S]*?\[\/audio\])?/g, (_, attrs: string) => {
      const url = firstAddress(shortcodeAttrs(attrs), ['src', 'mp3', 'm4a', 'ogg', 'oga', 'wav', 'wma', 'flac']);
      return url ? `\n\n<p><a href="${escapeHtml(url)}">Audio: ${escapeHtml(fileName(url))}</a></p>\n\n` : '';
    })
    .replace(/\[youtube[\s=]+([^\]\s]+)[^\]]*\]/g, (_, url: string) => standalone(url))
    .replace(/\[vimeo[\s=]+([^\]\s]+)[^\]]*\]/g, (_, id: string) => standalone(/^\d+$/.test(id) ? `https://vimeo.com/${id}` : id))
    .replace(/\[\/?(gallery|playlist)\b[^\]]*\]/g, '');
  const body = htmlToMarkdown(cleaned, {
    profile: 'article',
    autoParagraphs: true,
    baseUrl,
    embed(url, leading) {
      const video = parseVideoUrl(url);
      if (!video || (video.kind === 'rumble' && !video.embedUrl)) return null;
      const link = `[Video on ${video.provider.replace(/[[\]\\]/g, '')}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
      if (videoUrl) return link;
      videoUrl = url;
      return leading ? '' : link;
    },
  });
  return { body, videoUrl };
}

function resolve(url: string, baseUrl: string | undefined): string | null {
  try {
    const absolute = baseUrl ? new URL(url, baseUrl) : new URL(url);
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : null;
  } catch {
    return null;
  }
}

/** `key="value"`, `key='value'` and `key=value` pairs of a shortcode, keys in lower case. */
function shortcodeAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) {
    attrs[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attrs;
}

function firstAddress(attrs: Record<string, string>, keys: string[]): string {
  for (const key of keys) if (attrs[key]?.trim()) return attrs[key].trim();
  return '';
}

function fileName(url: string): string {
  const last = url.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
