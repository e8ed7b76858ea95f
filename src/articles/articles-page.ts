import type { ArticleListItem } from './service.js';
import { ARTICLE_STATUSES, type TopicRef } from './types.js';
import type { SiteSettings } from '../settings/index.js';
import { mediaTagLabel } from './article-teasers.js';
import { formatShortDateTime } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import { flash } from '../web/admin/form.js';

export interface ArticleListFiltersView {
  status: string;
  topic: string;
  author: string;
  q: string;
}

export interface ArticlesPageInput {
  items: ArticleListItem[];
  total: number;
  page: number;
  pageSize: number;
  filters: ArticleListFiltersView;
  topics: TopicRef[];
  authors: { id: string; name: string }[];
  settings: SiteSettings;
  notice?: string;
}

const STATUS_LABELS: Record<string, string> = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' };

export function statusBadge(item: Pick<ArticleListItem, 'status' | 'public'>): Html {
  const status = item.public ? 'published' : item.status;
  return html`<span class="badge badge--${status}">${STATUS_LABELS[status]}</span>`;
}

function option(value: string, label: string, current: string): Html {
  return html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
}

function pageLinks(input: ArticlesPageInput): Html {
  const pages = Math.max(1, Math.ceil(input.total / input.pageSize));
  if (pages <= 1) return html``;
  const href = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(input.filters)) if (value) query.set(key, value);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return text ? `/admin/articles?${text}` : '/admin/articles';
  };
  return html`<nav class="pagination" aria-label="Pages">
    <span>${input.page > 1 ? html`<a href="${href(input.page - 1)}" rel="prev">← Previous</a>` : ''}</span>
    <span class="muted">Page ${input.page} of ${pages}</span>
    <span>${input.page < pages ? html`<a href="${href(input.page + 1)}" rel="next">Next →</a>` : ''}</span>
  </nav>`;
}

export function articlesPage(input: ArticlesPageInput): Html {
  const { filters, settings } = input;
  const filtered = Object.values(filters).some(Boolean);
  return html`<div class="admin-title">
  <h1>Articles</h1>
  <a class="button" href="/admin/articles/new">New article</a>
</div>
${flash(input.notice)}
<form class="filters" method="get" action="/admin/articles" role="search">
  <div class="field"><label for="f-q">Text</label><input id="f-q" type="search" name="q" value="${filters.q}" placeholder="Headline or slug"></div>
  <div class="field"><label for="f-status">Status</label><select id="f-status" name="status">${option('', 'Any', filters.status)}${ARTICLE_STATUSES.map((status) => option(status, STATUS_LABELS[status], filters.status))}</select></div>
  <div class="field"><label for="f-topic">Topic</label><select id="f-topic" name="topic">${option('', 'Any', filters.topic)}${input.topics.map((topic) => option(topic.id, topic.name, filters.topic))}</select></div>
  <div class="field"><label for="f-author">Author</label><select id="f-author" name="author">${option('', 'Anyone', filters.author)}${input.authors.map((author) => option(author.id, author.name, filters.author))}</select></div>
  <div class="filters__buttons"><button type="submit">Filter</button>${filtered ? html` <a href="/admin/articles">Clear</a>` : ''}</div>
</form>
<p class="muted">${input.total === 1 ? '1 article' : `${input.total} articles`}${filtered ? ' match' : ''}</p>
${input.items.length === 0
    ? html`<p class="empty">${filtered ? 'No article matches these filters.' : html`No articles yet. <a href="/admin/articles/new">Write the first one</a>.`}</p>`
    : html`<div class="table-wrap"><table class="admin-table">
  <thead><tr><th scope="col">Headline</th><th scope="col">Status</th><th scope="col">Author</th><th scope="col">Publication</th><th scope="col">Edited</th></tr></thead>
  <tbody>${input.items.map((item) => html`<tr>
    <td><a href="/admin/articles/${item.id}"><strong>${item.title}</strong></a>${mediaTagLabel(item.mediaTag)}<br><span class="muted small">/articles/${item.slug}</span>${item.public ? html` · <a class="small" href="/articles/${item.slug}">view</a>` : ''}</td>
    <td>${statusBadge(item)}</td>
    <td>${item.author.name}</td>
    <td>${item.publishedAt ? html`<time datetime="${item.publishedAt}">${formatShortDateTime(item.publishedAt, settings.site)}</time>` : html`<span class="muted">—</span>`}</td>
    <td><time datetime="${item.updatedAt}">${formatShortDateTime(item.updatedAt, settings.site)}</time></td>
  </tr>`)}</tbody>
</table></div>`}
${pageLinks(input)}`;
}
