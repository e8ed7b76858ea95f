import type { SiteSettings } from '../settings/index.js';
import { formatShortDateTime } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import { flash } from '../web/admin/form.js';
import { statusBadge } from './articles-page.js';
import type { ArticleListItem } from './service.js';

export interface PagesPageInput {
  items: ArticleListItem[];
  settings: SiteSettings;
  notice?: string;
}

/** Where a page appears beside its own address: header, footer, the donate page. */
function placesOf(slug: string, settings: SiteSettings): string {
  const href = `/${slug}`;
  const nav = settings.navigation;
  return [
    nav.header.some((link) => link.href === href) ? 'header' : '',
    nav.footer.some((link) => link.href === href) ? 'footer' : '',
    nav.donatePage === slug ? 'donate page' : '',
  ].filter(Boolean).join(', ');
}

/** /admin/pages: every static page, with where the navigation shows it. */
export function pagesPage(input: PagesPageInput): Html {
  const { settings } = input;
  return html`<div class="admin-title">
  <h1>Pages</h1>
  <a class="button" href="/admin/pages/new">New page</a>
</div>
${flash(input.notice)}
<p class="muted">Static pages (About, Contact, Corrections) live at their own address, outside the home page, topics and feeds.
Choose which appear in the header and footer, and which one introduces the donate page, under <a href="/admin/settings#settings-navigation">Settings → Navigation</a>.</p>
${input.items.length === 0
    ? html`<p class="empty">No pages yet. <a href="/admin/pages/new">Write the first one</a>, e.g. “About us”.</p>`
    : html`<div class="table-wrap"><table class="admin-table">
  <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Shown in</th><th scope="col">Edited</th></tr></thead>
  <tbody>${input.items.map((item) => html`<tr>
    <td><a href="/admin/articles/${item.id}"><strong>${item.title}</strong></a><br><span class="muted small">/${item.slug}</span>${item.public ? html` · <a class="small" href="/${item.slug}">view</a>` : ''}</td>
    <td>${statusBadge(item)}</td>
    <td>${placesOf(item.slug, settings) || html`<span class="muted">—</span>`}</td>
    <td><time datetime="${item.updatedAt}">${formatShortDateTime(item.updatedAt, settings.site)}</time></td>
  </tr>`)}</tbody>
</table></div>`}`;
}
