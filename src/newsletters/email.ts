import { renderBody, type Article } from '../articles/index.js';
import { expandMediaImages, figureHtml, mediaIdOf, type MediaItem } from '../media/index.js';
import { escapeHtml } from '../web/html.js';
import type { DriveProgress } from './types.js';

/** Replaced per recipient when a delivery is sent; rendered once per send otherwise. */
export const UNSUBSCRIBE_PLACEHOLDER = '%%TRIBUNE_UNSUBSCRIBE_URL%%';
export const PREFERENCES_PLACEHOLDER = '%%TRIBUNE_PREFERENCES_URL%%';

export interface EmailContent {
  siteName: string;
  baseUrl: string;
  newsletterName: string;
  subject: string;
  intro: string;
  kind: 'article' | 'digest';
  articles: Article[];
  drive: DriveProgress | null;
  footerAddress: string;
  /** The library images the articles show, by id: drawn as one absolute JPEG each, since mail programs resolve no relative URL and many show no AVIF or WebP. */
  media?: Map<string, MediaItem>;
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#0b57d0';

/** The 600 px shell less the card's padding on each side. */
const COLUMN_WIDTH = 544;

function articleUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/articles/${encodeURIComponent(slug)}`;
}

function absoluteUrl(baseUrl: string, url: string): string {
  return url.startsWith('/') ? `${baseUrl}${url}` : url;
}

/** Email clients ignore style sheets: every tag the article body may contain gets its style inline. */
const INLINE: Record<string, string> = {
  p: `margin:0 0 16px;font-size:17px;line-height:1.6;color:${INK};`,
  h2: `margin:24px 0 12px;font-size:21px;line-height:1.3;color:${INK};`,
  h3: `margin:20px 0 10px;font-size:18px;line-height:1.3;color:${INK};`,
  blockquote: `margin:0 0 16px;padding:0 0 0 14px;border-left:3px solid #cccccc;color:${MUTED};`,
  ul: 'margin:0 0 16px;padding-left:24px;',
  ol: 'margin:0 0 16px;padding-left:24px;',
  li: `margin:0 0 6px;font-size:17px;line-height:1.6;color:${INK};`,
  a: `color:${ACCENT};text-decoration:underline;`,
  img: 'max-width:100%;height:auto;border:0;display:block;',
  figure: 'margin:0 0 16px;',
  figcaption: `font-size:14px;color:${MUTED};margin-top:6px;`,
  pre: 'white-space:pre-wrap;font-size:14px;background:#f4f4f4;padding:10px;',
  table: 'border-collapse:collapse;max-width:100%;',
};

/**
 * Outlook on Windows ignores max-width and draws an image at its width attribute: an image wider than
 * the column is given the column's width, and its height to match.
 */
function fitColumn(attrs: string): string {
  const width = Number(/\swidth="(\d+)"/.exec(attrs)?.[1]);
  const height = Number(/\sheight="(\d+)"/.exec(attrs)?.[1]);
  if (!(width > COLUMN_WIDTH)) return attrs;
  const narrowed = attrs.replace(/\swidth="\d+"/, ` width="${COLUMN_WIDTH}"`);
  return height ? narrowed.replace(/\sheight="\d+"/, ` height="${Math.round((height * COLUMN_WIDTH) / width)}"`) : narrowed;
}

export function inlineStyles(bodyHtml: string): string {
  return bodyHtml.replace(/<(p|h2|h3|blockquote|ul|ol|li|a|img|figure|figcaption|pre|table)(?=[\s>/])([^>]*)>/g, (_match, tag: string, attrs: string) => {
    const withoutStyle = attrs.replace(/\sstyle="[^"]*"/g, '');
    return `<${tag} style="${INLINE[tag]}"${tag === 'img' ? fitColumn(withoutStyle) : withoutStyle}>`;
  });
}

function button(href: string, label: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 0;"><tr><td bgcolor="${ACCENT}" style="border-radius:4px;background:${ACCENT};"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;font-family:${FONT};font-size:16px;color:#ffffff;text-decoration:none;font-weight:bold;">${escapeHtml(label)}</a></td></tr></table>`;
}

function articleBlock(content: EmailContent, article: Article, full: boolean): string {
  const url = articleUrl(content.baseUrl, article.slug);
  const byline = [article.author.name, ...article.coAuthors.map((author) => author.name)].join(', ');
  const media = content.media ?? new Map<string, MediaItem>();
  const body = full ? inlineStyles(expandMediaImages(renderBody(article.body), media, { absoluteBase: content.baseUrl })) : '';
  const featured = media.get(mediaIdOf(article.featuredImageUrl) ?? '');
  const image = !full || !article.featuredImageUrl ? ''
    : featured ? inlineStyles(figureHtml(featured, { absoluteBase: content.baseUrl, alt: article.featuredImageAlt ?? undefined }).value)
    : `<img src="${escapeHtml(absoluteUrl(content.baseUrl, article.featuredImageUrl))}" alt="${escapeHtml(article.featuredImageAlt ?? '')}" width="${COLUMN_WIDTH}" style="${INLINE.img}margin-bottom:16px;">`;
  return `<tr><td class="tb-card" style="padding:24px 28px;border-bottom:1px solid #e5e5e5;">
<h1 style="margin:0 0 8px;font-family:${FONT};font-size:${full ? 26 : 21}px;line-height:1.25;"><a href="${escapeHtml(url)}" style="color:${INK};text-decoration:none;" class="tb-ink">${escapeHtml(article.title)}</a></h1>
${byline ? `<p style="margin:0 0 14px;font-family:${FONT};font-size:14px;color:${MUTED};" class="tb-muted">By ${escapeHtml(byline)}</p>` : ''}
${article.summary ? `<p style="margin:0 0 16px;font-family:${FONT};font-size:18px;line-height:1.5;color:${MUTED};" class="tb-muted">${escapeHtml(article.summary)}</p>` : ''}
${image}<div style="font-family:${FONT};" class="tb-ink">${body}</div>
<p style="margin:8px 0 0;font-family:${FONT};font-size:15px;"><a href="${escapeHtml(url)}" style="color:${ACCENT};">${full ? 'Read it on the site' : 'Read the story'}</a> &nbsp;·&nbsp; <a href="${escapeHtml(url)}#comments" style="color:${ACCENT};">Join the conversation</a></p>
</td></tr>`;
}

function driveBlock(content: EmailContent): string {
  const drive = content.drive;
  const donate = `${content.baseUrl}/donate`;
  const meter = drive
    ? `<p style="margin:0 0 8px;font-family:${FONT};font-size:15px;color:${INK};" class="tb-ink"><strong>${escapeHtml(drive.title)}</strong>: ${escapeHtml(drive.raisedLabel)} of ${escapeHtml(drive.goalLabel)} (${drive.percent}%)</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 8px;"><tr><td bgcolor="#d9d9d9" style="background:#d9d9d9;border-radius:4px;height:10px;line-height:10px;font-size:0;"><table role="presentation" width="${Math.max(1, Math.round(drive.fill))}%" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="#1e8e3e" style="background:#1e8e3e;border-radius:4px;height:10px;line-height:10px;font-size:0;">&nbsp;</td></tr></table></td></tr></table>`
    : '';
  const cta = drive?.cta || `${content.siteName} is funded by its readers. If this newsletter is worth something to you, chip in.`;
  return `<tr><td class="tb-drive" bgcolor="#f3f7f0" style="padding:22px 28px;background:#f3f7f0;">
${meter}<p style="margin:0 0 6px;font-family:${FONT};font-size:15px;line-height:1.5;color:${INK};" class="tb-ink">${escapeHtml(cta)}</p>
${button(donate, 'Support our journalism')}
</td></tr>`;
}

export function renderEmailHtml(content: EmailContent): string {
  const full = content.kind === 'article' && content.articles.length === 1;
  const articles = content.articles.map((article) => articleBlock(content, article, full)).join('\n');
  const intro = content.intro
    ? `<tr><td class="tb-card" style="padding:24px 28px 0;">${content.intro.split(/\n{2,}/).map((paragraph) => `<p style="margin:0 0 14px;font-family:${FONT};font-size:17px;line-height:1.6;color:${INK};" class="tb-ink">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('')}</td></tr>`
    : '';
  return `<!doctype html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(content.subject)}</title>
<style>
@media (max-width:620px){ .tb-shell{width:100% !important;} .tb-card,.tb-drive{padding-left:16px !important;padding-right:16px !important;} }
@media (prefers-color-scheme:dark){
  .tb-body,.tb-shell,.tb-card{background:#121212 !important;}
  .tb-ink,.tb-ink p,.tb-ink li,.tb-ink h2,.tb-ink h3{color:#eeeeee !important;}
  .tb-muted{color:#bbbbbb !important;}
  .tb-drive{background:#1d2a1f !important;}
}
</style>
</head>
<body class="tb-body" style="margin:0;padding:0;background:#f0f0f0;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.articles[0]?.summary ?? content.intro.slice(0, 140))}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f0f0f0" class="tb-body" style="background:#f0f0f0;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" class="tb-shell" style="width:600px;max-width:600px;background:#ffffff;">
<tr><td class="tb-card" style="padding:20px 28px;border-bottom:3px solid ${INK};"><a href="${escapeHtml(content.baseUrl)}/" style="font-family:${FONT};font-size:22px;font-weight:bold;color:${INK};text-decoration:none;" class="tb-ink">${escapeHtml(content.siteName)}</a><span style="font-family:${FONT};font-size:14px;color:${MUTED};" class="tb-muted"> · ${escapeHtml(content.newsletterName)}</span></td></tr>
${intro}
${articles}
${driveBlock(content)}
<tr><td class="tb-card" style="padding:20px 28px;font-family:${FONT};font-size:13px;line-height:1.5;color:${MUTED};">
<p style="margin:0 0 8px;color:${MUTED};" class="tb-muted">You receive ${escapeHtml(content.newsletterName)} because you subscribed at ${escapeHtml(content.baseUrl.replace(/^https?:\/\//, ''))}. We do not track opens or clicks.</p>
<p style="margin:0 0 8px;"><a href="${UNSUBSCRIBE_PLACEHOLDER}" style="color:${MUTED};text-decoration:underline;">Unsubscribe</a> &nbsp;·&nbsp; <a href="${PREFERENCES_PLACEHOLDER}" style="color:${MUTED};text-decoration:underline;">Choose your newsletters</a></p>
${content.footerAddress ? `<p style="margin:0;color:${MUTED};" class="tb-muted">${escapeHtml(content.footerAddress).replace(/\n/g, '<br>')}</p>` : ''}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

export function renderEmailText(content: EmailContent): string {
  const full = content.kind === 'article' && content.articles.length === 1;
  const lines: string[] = [`${content.siteName} · ${content.newsletterName}`, ''];
  if (content.intro) lines.push(content.intro, '');
  for (const article of content.articles) {
    const url = articleUrl(content.baseUrl, article.slug);
    lines.push(article.title.toUpperCase(), '');
    if (article.summary) lines.push(article.summary, '');
    // Markdown's own images keep their place in the text, at an address a reader can open.
    if (full) lines.push(article.body.trim().replace(/\]\((<?)\/media\//g, `]($1${content.baseUrl}/media/`), '');
    lines.push(`Read it: ${url}`, `Comments: ${url}#comments`, '', '---', '');
  }
  const drive = content.drive;
  if (drive) lines.push(`${drive.title}: ${drive.raisedLabel} of ${drive.goalLabel} (${drive.percent}%)`);
  lines.push(drive?.cta || `${content.siteName} is funded by its readers.`, `Support our journalism: ${content.baseUrl}/donate`, '', '---', '');
  lines.push(`Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`, `Choose your newsletters: ${PREFERENCES_PLACEHOLDER}`, 'We do not track opens or clicks.');
  if (content.footerAddress) lines.push('', content.footerAddress);
  return `${lines.join('\n')}\n`;
}
