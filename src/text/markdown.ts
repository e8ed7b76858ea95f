import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { trusted, type Html } from '../web/html.js';

/** `article`: what editors write. `comment`: the subset readers get (no headings, images or tables). */
export type TextProfile = 'article' | 'comment';

// Raw HTML is off in both: a `<script>` typed into Markdown stays visible text.
const articleMarkdown = new MarkdownIt({ html: false, linkify: true, typographer: true });
/**
 * An image alone in its paragraph with a title (`![alt](src "caption")`, as imports write WordPress's
 * captions) is drawn as a figure with that caption.
 */
articleMarkdown.core.ruler.push('captioned_figures', (state) => {
  const tokens = state.tokens;
  for (let at = 0; at + 2 < tokens.length; at++) {
    const [open, inline, close] = [tokens[at], tokens[at + 1], tokens[at + 2]];
    if (open.type !== 'paragraph_open' || inline.type !== 'inline' || close.type !== 'paragraph_close') continue;
    const image = inline.children?.length === 1 ? inline.children[0] : undefined;
    const caption = image?.type === 'image' ? image.attrGet('title') : null;
    if (!image || !caption) continue;
    open.type = 'figure_open';
    open.tag = 'figure';
    close.type = 'figure_close';
    close.tag = 'figure';
    const text = new state.Token('text', '', 0);
    text.content = String(caption);
    inline.children!.push(new state.Token('figcaption_open', 'figcaption', 1), text, new state.Token('figcaption_close', 'figcaption', -1));
  }
});
const commentMarkdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true })
  .enable(['emphasis', 'link', 'linkify', 'blockquote', 'backticks', 'fence', 'code', 'newline', 'escape', 'autolink', 'list', 'strikethrough']);

const sanitizeOptions: Record<TextProfile, sanitizeHtml.IOptions> = {
  article: {
    allowedTags: [
      'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 's',
      'code', 'pre', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    ],
    allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title', 'loading'], th: ['align'], td: ['align'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      // An article's own h1 is its headline; Markdown headings start one level below.
      h1: 'h2',
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener' }),
      img: sanitizeHtml.simpleTransform('img', { loading: 'lazy' }),
    },
  },
  comment: {
    allowedTags: ['p', 'br', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 's', 'code', 'pre'],
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) },
  },
};

/** The one way user or editor text becomes HTML: Markdown, then the sanitiser, always both. */
export function renderMarkdown(text: string, profile: TextProfile): Html {
  const markdown = profile === 'article' ? articleMarkdown : commentMarkdown;
  return trusted(sanitizeHtml(markdown.render(text), sanitizeOptions[profile]));
}

/** Plain text of Markdown, for summaries, feeds and search snippets. */
export function markdownToText(text: string): string {
  const rendered = articleMarkdown.render(text);
  return sanitizeHtml(rendered, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
