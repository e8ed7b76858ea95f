import { MEDIA_TAG_LABELS, MEDIA_TAGS, type Article, type ArticleKind, type TopicRef } from './types.js';
import { pathOf } from './page-slugs.js';
import { MAX_BODY_LENGTH } from './validate.js';
import type { SiteSettings } from '../settings/index.js';
import { formatDateTime } from '../web/dates.js';
import { html, trusted, type Html } from '../web/html.js';
import { articleEmbedBox } from '../web/admin/embed-snippet.js';
import { checkbox, csrfField, fieldError, flash, formError, selectField, textArea, textField, type FormError } from '../web/admin/form.js';

/** What the editor form holds, as typed: re-shown unchanged when a submission is refused. */
export interface EditorValues {
  title: string;
  slug: string;
  summary: string;
  body: string;
  mediaTag: string;
  videoUrl: string;
  featuredImageUrl: string;
  featuredImageAlt: string;
  authorId: string;
  topics: string[];
  sources: { name: string; url: string }[];
  /** `datetime-local` wall time in the site's zone. */
  publishedAt: string;
  publishedAtWas: string;
  commentsOpen: boolean;
  premoderate: boolean;
  commentsCloseAfterDays: string;
  sticky: boolean;
  /** Staff ids of further bylines. */
  coAuthors: string[];
  /** `page` for a static page (About, Contact): chosen when created, then fixed. */
  kind: ArticleKind;
  showRelated: boolean;
}

export interface EditorPageInput {
  article?: Article;
  isPublic: boolean;
  values: EditorValues;
  error?: FormError;
  notice?: string;
  previewHtml?: string;
  topics: TopicRef[];
  authors: { id: string; name: string }[];
  settings: SiteSettings;
  csrf: string;
  /** The site's public origin, for the snippet that embeds the discussion elsewhere. */
  embedOrigin?: string;
}

const SHOWN_FIELDS = ['title', 'slug', 'summary', 'body', 'mediaTag', 'videoUrl', 'featuredImageUrl', 'featuredImageAlt', 'authorId', 'coAuthors', 'topics', 'sources', 'publishedAt', 'commentsCloseAfterDays'];
const BLANK_SOURCE_ROWS = 3;

function statusLine(input: EditorPageInput): Html {
  const { article, settings } = input;
  if (!article) return html`<p class="status-line"><span class="badge badge--draft">New</span> Not saved yet.</p>`;
  const when = article.publishedAt ? formatDateTime(article.publishedAt, settings.site) : '';
  if (input.isPublic) {
    return html`<p class="status-line"><span class="badge badge--published">Published</span> ${when} · <a href="${pathOf(article.kind, article.slug)}">View on site</a></p>`;
  }
  if (article.status === 'scheduled') {
    return html`<p class="status-line"><span class="badge badge--scheduled">Scheduled</span> Goes live ${when} · <a href="/admin/articles/${article.id}/preview">Preview page</a></p>`;
  }
  return html`<p class="status-line"><span class="badge badge--draft">Draft</span> Readers cannot see it · <a href="/admin/articles/${article.id}/preview">Preview page</a></p>`;
}

function actions(input: EditorPageInput): Html {
  const { article } = input;
  const button = (action: string, label: string, quiet = false) =>
    html`<button type="submit" name="action" value="${action}"${quiet ? html` class="button--quiet"` : ''}>${label}</button>`;
  if (!article || article.status === 'draft') {
    return html`${button('save', 'Save draft', true)} ${button('publish', 'Publish now')} ${button('schedule', 'Schedule', true)}`;
  }
  if (input.isPublic) return html`${button('save', 'Update')} ${button('unpublish', 'Unpublish', true)}`;
  return html`${button('save', 'Save')} ${button('publish', 'Publish now')} ${button('schedule', 'Reschedule', true)} ${button('unpublish', 'Back to draft', true)}`;
}

function sourceRows(values: EditorValues, error: FormError | undefined): Html {
  const rows = [...values.sources, ...Array.from({ length: BLANK_SOURCE_ROWS }, () => ({ name: '', url: '' }))];
  return html`<fieldset class="sources-editor">
    <legend>Sources <span class="field-hint">Shown under the article as “Sources”. Name and full address; empty rows are ignored.</span></legend>
    ${fieldError(error, 'sources')}
    <ol>${rows.map((row, index) => html`<li class="source-row">
      <label class="visually-hidden" for="source-name-${index}">Source ${index + 1} name</label>
      <input id="source-name-${index}" name="sourceName" value="${row.name}" placeholder="Name, e.g. City budget 2025">
      <label class="visually-hidden" for="source-url-${index}">Source ${index + 1} address</label>
      <input id="source-url-${index}" name="sourceUrl" type="url" value="${row.url}" placeholder="https://…">
    </li>`)}</ol>
  </fieldset>`;
}

/** Further bylines: any staff member, and whoever already co-signs it (a former member stays listed). */
function coAuthorChoices(input: EditorPageInput): Html {
  const people = [...input.authors];
  for (const coAuthor of input.article?.coAuthors ?? []) if (!people.some((person) => person.id === coAuthor.id)) people.push(coAuthor);
  if (people.length < 2) return html``;
  return html`<fieldset class="topic-choices">
    <legend>Also by <span class="field-hint">Co-authors, named after the author.</span></legend>
    ${fieldError(input.error, 'coAuthors')}
    <ul>${people.map((person) => html`<li><label><input type="checkbox" name="coAuthors" value="${person.id}"${input.values.coAuthors.includes(person.id) ? html` checked` : ''}> ${person.name}</label></li>`)}</ul>
  </fieldset>`;
}

function topicChoices(input: EditorPageInput): Html {
  if (input.topics.length === 0) return html`<p class="field-hint">No topics yet. <a href="/admin/topics">Add topics</a>.</p>`;
  return html`<fieldset class="topic-choices">
    <legend>Topics <span class="field-hint">Stories sharing topics appear under “More on this topic”.</span></legend>
    ${fieldError(input.error, 'topics')}
    <ul>${input.topics.map((topic) => html`<li><label><input type="checkbox" name="topics" value="${topic.id}"${input.values.topics.includes(topic.id) ? html` checked` : ''}> ${topic.name}</label></li>`)}</ul>
  </fieldset>`;
}

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

// Inline like the media library's: only the editor has upload panels (the CSP allows inline styles).
const IMAGE_UPLOAD_STYLE = html`<style>
.image-upload[hidden], .image-details[hidden], .featured-preview[hidden] { display: none; }
.image-details { border: 1px solid var(--line); border-radius: var(--radius); padding: .25rem 1rem 1rem; margin: .5rem 0 1rem; background: var(--card); }
.image-details__preview, .featured-preview { display: block; max-width: 100%; height: auto; max-height: 12rem; width: auto; border-radius: var(--radius); margin: .5rem 0; }
.image-details .media-removed { color: var(--muted); font-size: .85rem; }
.image-drop--over { outline: 3px dashed var(--accent); outline-offset: 2px; }
</style>`;

/**
 * The hooks client/editor's uploads use (drop, paste, file picker, then an inline "describe it" panel).
 * Hidden until the script shows them: without JavaScript the library link and the address field remain.
 */
function imageUpload(target: 'body' | 'featured', labels: { pick: string; confirm: string }): Html {
  return html`<div class="image-upload" data-image-upload="${target}" hidden>
    ${target === 'featured' ? html`<img class="featured-preview" data-featured-preview alt="" hidden>` : ''}
    <p><button type="button" class="button--quiet" data-image-pick aria-describedby="${target}-image-hint">${labels.pick}</button>
      <input type="file" accept="${IMAGE_TYPES}" data-image-file hidden></p>
    <p class="field-hint" role="status" data-image-status></p>
    <fieldset class="image-details" data-image-details hidden>
      <legend>Describe the image</legend>
      <img class="image-details__preview" data-image-preview alt="">
      <p class="media-removed" data-image-removed></p>
      <label for="${target}-image-alt">Alt text <span class="field-hint">What it shows, for readers who cannot see it.</span></label>
      <input id="${target}-image-alt" data-image-alt maxlength="1000" autocomplete="off">
      <label class="checkbox"><input type="checkbox" data-image-decorative> Decorative (no alt text needed)</label>
      <label for="${target}-image-caption">Caption <span class="field-hint">Optional; shown under the image.</span></label>
      <input id="${target}-image-caption" data-image-caption maxlength="2000" autocomplete="off">
      <p class="form-error" role="alert" data-image-error hidden></p>
      <p><button type="button" data-image-confirm>${labels.confirm}</button> <button type="button" class="button--quiet" data-image-cancel>Cancel</button></p>
    </fieldset>
  </div>`;
}

function imageHint(target: 'body' | 'featured', input: EditorPageInput): Html {
  const where = target === 'body' ? 'drop or paste it into the body, or choose a file' : 'drop it here or choose a file';
  return html`<p class="field-hint" id="${target}-image-hint">Images: JPEG, PNG, WebP, AVIF or GIF up to ${input.settings.media.maxUploadMegabytes} MB<span data-image-upload-only hidden>; ${where}</span>. Location, camera and author details are removed. All images are in the <a href="/admin/media">media library</a>.</p>`;
}

export function articleEditorPage(input: EditorPageInput): Html {
  const { values, error, article } = input;
  const action = article ? `/admin/articles/${article.id}` : '/admin/articles';
  const zone = input.settings.site.timeZone;
  const isPage = values.kind === 'page';
  return html`${IMAGE_UPLOAD_STYLE}<div class="editor-head">
  <p>${isPage ? html`<a href="/admin/pages">← All pages</a>` : html`<a href="/admin/articles">← All articles</a>`}</p>
  <h1>${isPage ? (article ? 'Edit page' : 'New page') : article ? 'Edit article' : 'New article'}</h1>
  ${statusLine(input)}
</div>
${flash(input.notice)}
${formError(error, SHOWN_FIELDS)}
<form method="post" action="${action}" class="editor" novalidate>
  ${csrfField(input.csrf)}
  <input type="hidden" name="publishedAtWas" value="${values.publishedAtWas}">
  ${isPage && !article ? html`<input type="hidden" name="kind" value="page">` : ''}
  <div class="editor__main">
    ${textField({ name: 'title', label: 'Headline', value: values.title, error, required: true, attrs: html` maxlength="300" autocomplete="off"` })}
    ${textField({ name: 'slug', label: 'Slug', value: values.slug, error, hint: isPage ? 'The address: /this-slug (e.g. about, contact). Leave empty to make one from the title.' : 'The address: /articles/this-slug. Leave empty to make one from the headline.', attrs: html` pattern="[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}]+(-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}]+)*" maxlength="100" autocomplete="off"` })}
    ${textArea({ name: 'summary', label: 'Summary', value: values.summary, error, rows: 3, hint: 'One or two sentences, shown in lists, feeds and link previews.', attrs: html` maxlength="1000"` })}
    ${textArea({ name: 'body', label: 'Body', value: values.body, error, rows: 22, id: 'body', hint: html`Markdown: <code>## Heading</code>, <code>**bold**</code>, <code>[link](https://…)</code>, <code>![alt](/media/…)</code>, <code>&gt; quote</code>, lists.`, attrs: html` class="editor__body" maxlength="${MAX_BODY_LENGTH}" data-preview-target="body-preview"` })}
    ${imageHint('body', input)}
    ${imageUpload('body', { pick: 'Choose image…', confirm: 'Insert image' })}
    <p><button type="submit" name="action" value="preview" class="button--quiet" data-preview-button>Preview body</button></p>
    <section id="body-preview" class="editor__preview prose"${input.previewHtml === undefined ? html` hidden` : ''} aria-live="polite" aria-label="Preview">
      ${input.previewHtml !== undefined ? trusted(input.previewHtml) : ''}
    </section>
    ${sourceRows(values, error)}
  </div>
  <aside class="editor__side">
    <div class="editor__actions">${actions(input)}</div>
    ${textField({ name: 'publishedAt', label: 'Publication time', type: 'datetime-local', value: values.publishedAt, error, hint: `${zone}. Needed to schedule; empty means “now” when publishing.` })}
    ${selectField({ name: 'authorId', label: 'Author', value: values.authorId, error, choices: input.authors.map((author) => ({ value: author.id, label: author.name })) })}
    ${coAuthorChoices(input)}
    ${topicChoices(input)}
    ${selectField({ name: 'mediaTag', label: 'Media tag', value: values.mediaTag, error, hint: 'Shown after the headline, e.g. “(Video)”.', choices: [{ value: '', label: 'None' }, ...MEDIA_TAGS.map((tag) => ({ value: tag, label: MEDIA_TAG_LABELS[tag] }))] })}
    ${textField({ name: 'videoUrl', label: 'Video', type: 'url', value: values.videoUrl, error, hint: 'YouTube, Vimeo or Rumble link, or a direct .mp4. The player loads only when a reader clicks.' })}
    ${textField({ name: 'featuredImageUrl', label: 'Featured image', value: values.featuredImageUrl, error, hint: 'From the media library (/media/…) or a full https:// address.', attrs: html` inputmode="url" autocomplete="off"` })}
    ${imageUpload('featured', { pick: 'Upload featured image…', confirm: 'Use as featured image' })}
    ${imageHint('featured', input)}
    ${textField({ name: 'featuredImageAlt', label: 'Image description', value: values.featuredImageAlt, error, hint: 'For readers who cannot see it; also the caption.', attrs: html` maxlength="300"` })}
    <fieldset class="comment-options">
      <legend>Comments</legend>
      ${checkbox({ name: 'commentsOpen', label: 'Open for comments', checked: values.commentsOpen })}
      ${checkbox({ name: 'premoderate', label: 'Hold every comment for review', checked: values.premoderate })}
      ${textField({ name: 'commentsCloseAfterDays', label: 'Close after (days)', type: 'number', value: values.commentsCloseAfterDays, error, hint: 'Empty: the site default.', attrs: html` min="0" max="3650"` })}
    </fieldset>
    ${isPage
    ? checkbox({ name: 'showRelated', label: 'Show “More on this topic”', checked: values.showRelated, hint: 'Stories sharing the page’s topics, under its text.' })
    : checkbox({ name: 'sticky', label: 'Pin to the top of the home page', checked: values.sticky })}
  </aside>
</form>
${article && input.embedOrigin ? articleEmbedBox(input.embedOrigin, article, input.isPublic) : ''}
${article ? html`<details class="danger-zone">
  <summary>Delete this article</summary>
  <form method="post" action="/admin/articles/${article.id}/delete">
    ${csrfField(input.csrf)}
    <p>Deleting cannot be undone. To take a story down but keep it, use “Unpublish”.</p>
    <button type="submit">Delete “${article.title}”</button>
  </form>
</details>` : ''}`;
}
