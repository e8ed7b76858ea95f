import type { Topic } from './types.js';
import { html } from '../web/html.js';
import { csrfField, fieldError, flash, formError, type FormError } from '../web/admin/form.js';

export interface TopicsPageInput {
  topics: (Topic & { articles: number })[];
  csrf: string;
  notice?: string;
  /** The form that was refused: `new` or a topic id, with what was typed. */
  failed?: { target: string; values: { name: string; slug: string; description: string }; error: FormError };
}

function topicFields(target: string, values: { name: string; slug: string; description: string }, error: FormError | undefined) {
  const id = (name: string) => `${name}-${target}`;
  const invalid = (name: string) => (error?.field === name ? html` aria-invalid="true"` : '');
  return html`<div class="topic-form__fields">
    <div class="field"><label for="${id('name')}">Name</label><input id="${id('name')}" name="name" value="${values.name}" required maxlength="80"${invalid('name')}>${fieldError(error, 'name')}</div>
    <div class="field"><label for="${id('slug')}">Slug <span class="field-hint">empty: from the name</span></label><input id="${id('slug')}" name="slug" value="${values.slug}" maxlength="100" pattern="[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}]+(-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}]+)*"${invalid('slug')}>${fieldError(error, 'slug')}</div>
    <div class="field field--wide"><label for="${id('description')}">Description <span class="field-hint">shown on the topic page</span></label><input id="${id('description')}" name="description" value="${values.description}" maxlength="500"${invalid('description')}>${fieldError(error, 'description')}</div>
  </div>`;
}

export function topicsPage(input: TopicsPageInput) {
  const failed = input.failed;
  const errorFor = (target: string) => (failed?.target === target ? failed.error : undefined);
  const valuesFor = (target: string, fallback: { name: string; slug: string; description: string }) =>
    failed?.target === target ? failed.values : fallback;
  return html`<div class="admin-title"><h1>Topics</h1></div>
${flash(input.notice)}
<section class="card">
  <h2>Add a topic</h2>
  ${formError(errorFor('new'), ['name', 'slug', 'description'])}
  <form method="post" action="/admin/topics" class="topic-form">
    ${csrfField(input.csrf)}
    ${topicFields('new', valuesFor('new', { name: '', slug: '', description: '' }), errorFor('new'))}
    <p><button type="submit">Add topic</button></p>
  </form>
</section>
<h2>${input.topics.length === 1 ? '1 topic' : `${input.topics.length} topics`}</h2>
${input.topics.length === 0 ? html`<p class="empty">No topics yet.</p>` : ''}
<ul class="topic-list">${input.topics.map((topic) => html`<li class="card" id="topic-${topic.id}">
  <div class="topic-list__head">
    <h3><a href="/topics/${topic.slug}">${topic.name}</a></h3>
    <span class="muted">${topic.articles === 1 ? '1 article' : `${topic.articles} articles`} · <a href="/admin/articles?topic=${topic.id}">list</a></span>
  </div>
  ${formError(errorFor(topic.id), ['name', 'slug', 'description'])}
  <form method="post" action="/admin/topics/${topic.id}" class="topic-form">
    ${csrfField(input.csrf)}
    ${topicFields(topic.id, valuesFor(topic.id, topic), errorFor(topic.id))}
    <p><button type="submit" class="button--quiet">Save</button></p>
  </form>
  <details class="danger-zone">
    <summary>Delete</summary>
    <form method="post" action="/admin/topics/${topic.id}/delete">
      ${csrfField(input.csrf)}
      <p>The ${topic.articles === 1 ? 'article keeps' : 'articles keep'} everything but this topic.</p>
      <button type="submit">Delete “${topic.name}”</button>
    </form>
  </details>
</li>`)}</ul>`;
}
