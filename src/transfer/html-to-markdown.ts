import { parseHtml, textContent, type HtmlElement, type HtmlNode } from './html-tree.js';

/**
 * `comment`: what `renderMarkdown(…, 'comment')` shows (no headings or images: those become bold text
 * and links). `article`: headings, images, rules.
 */
export type MarkdownProfile = 'comment' | 'article';

export interface HtmlToMarkdownOptions {
  profile: MarkdownProfile;
  /**
   * WordPress stores posts without `<p>`: a blank line is a paragraph and a line break is `<br>`
   * (its `wpautop`). On for WordPress content, off for Disqus messages, which are real HTML.
   */
  autoParagraphs?: boolean;
  /** Resolves relative links and images (`/2019/05/post/`) against the old site. */
  baseUrl?: string;
  /**
   * Sees every embedded address standing alone (an iframe, a `<video>`, a URL on a line of its own, as
   * WordPress embeds them) outside quotes, lists and tables; returns the Markdown to put there instead
   * ('' drops it), or null to keep it as a link. `leading`: nothing came before it.
   */
  embed?: (url: string, leading: boolean) => string | null;
}

interface Context extends HtmlToMarkdownOptions {
  inPre: boolean;
  /** Inside a quote, a list or a table: embeds stay links there, and tables are flattened. */
  nested: boolean;
  shared: { started: boolean };
}

const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'hr', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'form', 'fieldset', 'iframe', 'video', 'audio',
]);

const HARD_BREAK = '\\\n';

/**
 * Converts exported HTML into Markdown for Tribune's one renderer. The HTML itself is never stored for
 * display: at worst a construct this does not know loses its formatting, never its safety.
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions): string {
  const root = parseHtml(html);
  const blocks = renderBlocks(root.children, { ...options, inPre: false, nested: false, shared: { started: false } });
  return blocks.join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
}

function renderBlocks(nodes: HtmlNode[], context: Context): string[] {
  const blocks: string[] = [];
  let inline = '';
  const flush = () => {
    let paragraph = finishParagraph(inline);
    const url = /^<?(https?:\/\/[^\s<>]+)>?$/.exec(paragraph)?.[1];
    if (url) paragraph = embedded(url, context) ?? paragraph;
    if (paragraph) {
      blocks.push(paragraph);
      context.shared.started = true;
    }
    inline = '';
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (context.autoParagraphs) {
        const parts = node.text.split(/\n[ \t\r]*\n/);
        parts.forEach((part, index) => {
          if (index > 0) flush();
          inline += escapeText(part.replace(/[ \t\r]*\n[ \t\r]*/g, '\u0000')).replace(/\u0000/g, HARD_BREAK);
        });
      } else {
        inline += escapeText(node.text);
      }
    } else if (BLOCKS.has(node.name)) {
      flush();
      const rendered = renderBlock(node, context);
      if (rendered.length > 0) context.shared.started = true;
      blocks.push(...rendered);
    } else {
      inline += renderInline(node, context);
    }
  }
  flush();
  return blocks;
}

function renderBlock(element: HtmlElement, context: Context): string[] {
  const name = element.name;
  if (/^h[1-6]$/.test(name)) {
    const text = finishParagraph(renderInlineChildren(element, context)).replace(/\n/g, ' ');
    if (!text) return [];
    if (context.profile === 'comment') return [`**${text}**`];
    const level = Math.min(Math.max(Number(name[1]), 2), 4);
    return [`${'#'.repeat(level)} ${text}`];
  }
  switch (name) {
    case 'ul':
    case 'ol':
      return renderList(element, context);
    case 'blockquote': {
      const inner = renderBlocks(element.children, { ...context, nested: true }).join('\n\n');
      return inner ? [inner.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n')] : [];
    }
    case 'pre':
      return renderPre(element);
    case 'hr':
      return context.profile === 'article' ? ['---'] : [];
    case 'figcaption': {
      const caption = finishParagraph(renderInlineChildren(element, context));
      return caption ? [`*${caption}*`] : [];
    }
    case 'table':
      return context.profile === 'article' && !context.nested ? renderTable(element, { ...context, nested: true }) : renderBlocks(element.children, context);
    case 'figure':
      return context.profile === 'article' ? renderFigure(element, context) : renderBlocks(element.children, context);
    case 'tr': {
      const cells = element.children
        .filter((cell): cell is HtmlElement => cell.type === 'element' && (cell.name === 'td' || cell.name === 'th'))
        .map((cell) => finishParagraph(renderInlineChildren(cell, context)).replace(/\n/g, ' '))
        .filter(Boolean);
      return cells.length ? [cells.join(' | ')] : [];
    }
    case 'iframe':
    case 'video':
    case 'audio': {
      const source = element.children.find((node): node is HtmlElement => node.type === 'element' && node.name === 'source');
      const src = safeUrl(element.attrs.src ?? source?.attrs.src ?? '', context);
      if (!src) return [];
      const replaced = embedded(src, context);
      return replaced === null ? [`<${src}>`] : replaced ? [replaced] : [];
    }
    default:
      return renderBlocks(element.children, context);
  }
}

function embedded(url: string, context: Context): string | null {
  return context.embed && !context.nested ? context.embed(url, !context.shared.started) : null;
}

/** A GitHub-style table (what the article renderer draws as a table); the first row is its header. */
function renderTable(table: HtmlElement, context: Context): string[] {
  const rows: HtmlElement[] = [];
  const captions: string[] = [];
  const collect = (node: HtmlElement) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'caption') captions.push(finishParagraph(renderInlineChildren(child, context)));
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
    }
  };
  collect(table);
  const cells = rows
    .map((row) => row.children
      .filter((cell): cell is HtmlElement => cell.type === 'element' && (cell.name === 'td' || cell.name === 'th'))
      .map((cell) => renderBlocks(cell.children, context).join(' ').replace(/\\\n|\n/g, ' ').replace(/\|/g, '\\|').trim()))
    .filter((row) => row.length > 0);
  if (cells.length === 0) return captions.filter(Boolean);
  const width = Math.max(...cells.map((row) => row.length));
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, index) => row[index] ?? '').join(' | ')} |`;
  const lines = [line(cells[0]), `|${' --- |'.repeat(width)}`, ...cells.slice(1).map(line)];
  return [...captions.filter(Boolean).map((caption) => `*${caption}*`), lines.join('\n')];
}

/** An image with its caption: `![alt](src "caption")`, which the article renderer draws as a figure. */
function renderFigure(figure: HtmlElement, context: Context): string[] {
  const image = findElement(figure, 'img');
  const src = image ? imageSource(image, context) : null;
  // A gallery is a figure of figures: each image keeps its own caption.
  if (!image || !src || countElements(figure, 'img') > 1) return renderBlocks(figure.children, context);
  const figcaption = findElement(figure, 'figcaption');
  const caption = textContent(figcaption ?? figure).replace(/\s+/g, ' ').trim();
  const alt = escapeText((image.attrs.alt ?? '').replace(/\s+/g, ' ').trim());
  const title = caption ? ` "${caption.replace(/[\\"]/g, (char) => `\\${char}`)}"` : '';
  return [`![${alt}](${destination(src)}${title})`];
}

function countElements(node: HtmlElement, name: string): number {
  return node.children.reduce((count, child) => (child.type === 'element' ? count + (child.name === name ? 1 : 0) + countElements(child, name) : count), 0);
}

function findElement(node: HtmlElement, name: string): HtmlElement | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

function renderList(list: HtmlElement, context: Context): string[] {
  const items: string[] = [];
  let number = Number.parseInt(list.attrs.start ?? '1', 10);
  if (!Number.isFinite(number) || number < 0) number = 1;
  for (const item of list.children) {
    if (item.type === 'text' && !item.text.trim()) continue;
    const inner = { ...context, nested: true };
    const content = item.type === 'element' && item.name === 'li' ? renderBlocks(item.children, inner) : renderBlocks([item], inner);
    const marker = list.name === 'ol' ? `${number++}. ` : '- ';
    const indent = ' '.repeat(marker.length);
    // A nested list follows its item's text directly, so the outer list stays tight.
    const body = content.reduce((joined, block) => (joined ? `${joined}${/^(-|\d+\.) /.test(block) ? '\n' : '\n\n'}${block}` : block), '');
    items.push(marker + body.split('\n').map((line, index) => (index === 0 || !line ? line : indent + line)).join('\n'));
  }
  // One block: a blank line between items would make a loose list, which reads the same but renders <p>s.
  return items.length ? [items.join('\n')] : [];
}

function renderPre(element: HtmlElement): string[] {
  const code = textContent(element).replace(/^\n/, '').replace(/\s+$/, '');
  if (!code) return [];
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}\n${code}\n${fence}`];
}

function renderInlineChildren(element: HtmlElement, context: Context): string {
  return element.children.map((node) => (node.type === 'text' ? escapeText(node.text) : renderInline(node, context))).join('');
}

function renderInline(element: HtmlElement, context: Context): string {
  switch (element.name) {
    case 'br':
      return HARD_BREAK;
    case 'em':
    case 'i':
    case 'cite':
      return wrap(renderInlineChildren(element, context), '*');
    case 'strong':
    case 'b':
      return wrap(renderInlineChildren(element, context), '**');
    case 's':
    case 'del':
    case 'strike':
      return wrap(renderInlineChildren(element, context), '~~');
    case 'code':
    case 'kbd':
    case 'tt':
      return inlineCode(textContent(element));
    case 'a':
      return renderLink(element, context);
    case 'img':
      return renderImage(element, context);
    default:
      // Spans, fonts, <u>, <sup> and block elements met inside inline ones keep only their content.
      return BLOCKS.has(element.name) ? ` ${renderInlineChildren(element, context)} ` : renderInlineChildren(element, context);
  }
}

function renderLink(element: HtmlElement, context: Context): string {
  const label = finishParagraph(renderInlineChildren(element, context)).replace(/\n/g, ' ');
  const href = safeUrl(unwrapDisqusLink(element.attrs.href ?? ''), context);
  if (!href) return label;
  if (!label || label === escapeText(href) || label === href) return `<${href}>`;
  return `[${label}](${destination(href)})`;
}

function renderImage(element: HtmlElement, context: Context): string {
  const src = imageSource(element, context);
  const alt = escapeText((element.attrs.alt ?? '').replace(/\s+/g, ' ').trim());
  if (!src) return alt;
  if (context.profile === 'article') return `![${alt}](${destination(src)})`;
  return `[${alt || 'image'}](${destination(src)})`;
}

/**
 * The image's address: `src`, or when that is missing or a placeholder (lazy loading puts a `data:` image
 * there), `data-src` or the widest `srcset` candidate.
 */
function imageSource(image: HtmlElement, context: Context): string | null {
  const src = safeUrl(image.attrs.src ?? '', context) ?? safeUrl(image.attrs['data-src'] ?? '', context);
  if (src) return src;
  const candidates = (image.attrs.srcset ?? image.attrs['data-srcset'] ?? '').split(',').map((candidate) => {
    const [url = '', descriptor = ''] = candidate.trim().split(/\s+/);
    return { url, width: Number.parseFloat(descriptor) || 0 };
  });
  const widest = candidates.filter((candidate) => candidate.url).sort((a, b) => b.width - a.width)[0];
  return widest ? safeUrl(widest.url, context) : null;
}

/** Only web and mail links survive; relative ones are made absolute against the old site when known. */
function safeUrl(raw: string, context: Context): string | null {
  const text = raw.trim();
  if (!text || text.length > 2000) return null;
  try {
    const url = context.baseUrl ? new URL(text, context.baseUrl) : new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Disqus rewrites outbound links as `disq.us/url?url=<target>:<hash>`; the reader wants the target. */
export function unwrapDisqusLink(href: string): string {
  try {
    const url = new URL(href);
    if (!/(^|\.)disq\.us$/.test(url.hostname) || (url.pathname !== '/url' && url.pathname !== '/')) return href;
    const target = url.searchParams.get('url');
    return target ? target.replace(/:[\w-]{20,}$/, '') : href;
  } catch {
    return href;
  }
}

function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent).replace(/\s/g, '%20')}>` : url;
}

function wrap(inner: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!match[2]) return inner;
  return `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

function inlineCode(text: string): string {
  const code = text.replace(/\s+/g, ' ');
  if (!code.trim()) return code;
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;

/** Text as Markdown shows it literally: emphasis and link characters escaped, bare URLs left for linkify. */
export function escapeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .split(URL_PATTERN)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(/[\\`*_[\]~]/g, (char) => `\\${char}`).replace(/&(?=#?[a-z0-9]+;)/gi, '\\&'),
    )
    .join('');
}

/** Trims a paragraph and escapes what would start a block (heading, quote, list item, rule) at a line start. */
function finishParagraph(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^(#{1,6}|[-+])(?=\s|$)/, '\\$1')
        .replace(/^>/, '\\>')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
        .replace(/^([-=])(?=\1*\s*$)/, '\\$1'),
    )
    .join('\n')
    .replace(/^(?:\\\n|\s)+/, '')
    .replace(/(?:\\\n|\s)+$/, '');
}
