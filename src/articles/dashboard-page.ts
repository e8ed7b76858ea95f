import type { ArticleListItem } from './service.js';
import type { Viewer } from '../accounts/index.js';
import type { SiteSettings } from '../settings/index.js';
import { formatDateTime } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import { statusBadge } from './articles-page.js';

export interface DashboardInput {
  viewer: Viewer;
  settings: SiteSettings;
  counts: { draft: number; scheduled: number; published: number };
  recent: ArticleListItem[];
  upcoming: ArticleListItem[];
  /** The moderation queue's counts, drawn by the moderation domain. */
  moderation?: Html;
}

export function dashboardPage(input: DashboardInput) {
  const { viewer, settings } = input;
  const newsroom = viewer.role === 'admin' || viewer.role === 'editor';
  const row = (item: ArticleListItem) => html`<li><a href="/admin/articles/${item.id}">${item.title}</a> ${statusBadge(item)}
    <span class="muted small">${item.status === 'scheduled' && item.publishedAt ? `goes live ${formatDateTime(item.publishedAt, settings.site)}` : `edited ${formatDateTime(item.updatedAt, settings.site)}`}</span></li>`;
  return html`<div class="admin-title"><h1>Hello, ${viewer.displayName}</h1></div>
${input.moderation ?? ''}
${newsroom ? html`<ul class="stat-cards">
  <li class="card"><a href="/admin/articles?status=published"><strong>${input.counts.published}</strong> published</a></li>
  <li class="card"><a href="/admin/articles?status=scheduled"><strong>${input.counts.scheduled}</strong> scheduled</a></li>
  <li class="card"><a href="/admin/articles?status=draft"><strong>${input.counts.draft}</strong> drafts</a></li>
</ul>
<p><a class="button" href="/admin/articles/new">Write an article</a> <a class="button button--quiet" href="/admin/topics">Topics</a></p>
<div class="dashboard-columns">
  <section><h2>Coming up</h2>${input.upcoming.length ? html`<ul class="plain-list">${input.upcoming.map(row)}</ul>` : html`<p class="muted">Nothing scheduled.</p>`}</section>
  <section><h2>Recently edited</h2>${input.recent.length ? html`<ul class="plain-list">${input.recent.map(row)}</ul>` : html`<p class="muted">No articles yet.</p>`}</section>
</div>` : html`<p>Your work is in <a href="/admin/moderation">the moderation queue</a>.</p>`}
${viewer.role === 'admin' ? html`<p class="muted">Site: <a href="/admin/users">staff accounts</a> · <a href="/admin/settings">settings</a></p>` : ''}`;
}
