import { escapeHtml, html, type Html } from '../html.js';
import type { SettingsSection } from './settings-sections.js';

/** The one tag that shows an article's discussion on another site (docs/embedding.md). */
export function articleEmbedSnippet(origin: string, slug: string): string {
  return `<script src="${origin}/widget.js" data-tribune-article="${escapeHtml(slug)}" async></script>`;
}

/** For a whole site: the script once in its template, and a placeholder wherever comments go. */
export function siteEmbedSnippet(origin: string): string {
  return [
    '<!-- Once, in the template every page uses: -->',
    `<script src="${origin}/widget.js" async></script>`,
    '<!-- On each page, where its comments go (the article’s slug on this site): -->',
    '<div data-tribune-article="ARTICLE-SLUG"></div>',
  ].join('\n');
}

/**
 * A snippet to paste elsewhere: a read-only text box anyone can select, and a Copy button that
 * client/copy shows once it can copy.
 */
export function snippetBox(options: { id: string; label: string; snippet: string; hint: Html | string }): Html {
  const rows = Math.max(2, options.snippet.split('\n').length);
  return html`<div class="embed-snippet">
  <label for="${options.id}">${options.label}</label>
  <textarea id="${options.id}" class="embed-snippet__code" readonly rows="${rows}" spellcheck="false" autocomplete="off">${options.snippet}</textarea>
  <p class="embed-snippet__actions"><button type="button" class="button--quiet" data-copy="${options.id}" hidden>Copy</button> <span role="status" data-copied></span></p>
  <p class="field-hint">${options.hint}</p>
</div>`;
}

const ORIGINS_HINT = 'Only the sites listed above under “Sites that may embed the comments” can show them; see docs/embedding.md.';

/** The editor's box for one article: its snippet, once readers can see the article. */
export function articleEmbedBox(origin: string, article: { slug: string }, isPublic: boolean): Html {
  return html`<section class="card embed-box" aria-labelledby="embed-title">
  <h2 id="embed-title">Embed the discussion</h2>
  ${snippetBox({
    id: 'embed-article',
    label: 'Paste this where the comments should appear on the other site',
    snippet: articleEmbedSnippet(origin, article.slug),
    hint: html`${isPublic ? '' : 'It shows the discussion once the article is published. '}Only sites listed in <a href="/admin/settings#settings-comments">Settings → Comments</a> can show it, with the donation box and sign-in; see docs/embedding.md.`,
  })}
</section>`;
}

/** The comments settings box, with the whole-site snippet under its form. */
export function withSiteEmbedSnippet(section: SettingsSection, origin: string): SettingsSection {
  return {
    ...section,
    status: async (csrf) => html`${section.status ? await section.status(csrf) : ''}
<h3>Embed on another site</h3>
${snippetBox({ id: 'embed-site', label: 'Code for a whole site', snippet: siteEmbedSnippet(origin), hint: `Each article’s own one-line snippet is in its editor. ${ORIGINS_HINT}` })}`,
  };
}
