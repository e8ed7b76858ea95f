import { formatMoney, moneyFormatFor } from '../donations/index.js';
import type { SiteSettings } from '../settings/index.js';
import { formatDate, formatShortDateTime } from '../web/dates.js';
import { html, type Html } from '../web/html.js';
import type { MemberFilter, Person } from './people.js';
import type { PersonDetail } from './service.js';

type Newsletter = { id: string; name: string };

const site = (settings: SiteSettings) => settings.site;

export function personHref(p: { email: string | null; userId: string | null }): string {
  return p.userId ? `/admin/members/person?user=${encodeURIComponent(p.userId)}` : `/admin/members/person?email=${encodeURIComponent(p.email ?? '')}`;
}

export function totalsLabel(totals: Record<string, number>, settings: SiteSettings): string {
  const format = moneyFormatFor(settings);
  return Object.entries(totals).map(([currency, minor]) => formatMoney(minor, currency, format)).join(', ');
}

export function donorLabel(p: Person): string {
  if (!p.donor) return '';
  const monthly = p.donor.monthly ? ` · monthly ${p.donor.monthly}` : '';
  return `${p.donor.gifts} ${p.donor.gifts === 1 ? 'gift' : 'gifts'}${monthly}`;
}

function option(value: string, label: string, current: string | undefined): Html {
  return html`<option value="${value}"${(current ?? '') === value ? ' selected' : ''}>${label}</option>`;
}

export function membersBody(data: {
  settings: SiteSettings;
  filter: MemberFilter;
  query: string;
  newsletters: Newsletter[];
  people: Person[];
  total: number;
  page: number;
  pages: number;
}): Html {
  const { settings, filter } = data;
  const names = new Map(data.newsletters.map((n) => [n.id, n.name]));
  const pageHref = (page: number) => {
    const params = new URLSearchParams(data.query);
    params.set('page', String(page));
    return `/admin/members?${params}`;
  };
  return html`<h1>Members</h1>
<form method="get" action="/admin/members" class="members-filter" role="search">
  <div class="form-row">
    <div><label for="members-search">Search</label><input id="members-search" name="search" type="search" value="${filter.search ?? ''}" placeholder="name or email"></div>
    <div><label for="members-kind">Who</label><select id="members-kind" name="kind">${option('', 'everyone', filter.kind)}${option('reader', 'readers with an account', filter.kind)}${option('subscriber', 'newsletter subscribers', filter.kind)}</select></div>
    <div><label for="members-newsletter">Newsletter</label><select id="members-newsletter" name="newsletter">${option('', 'any', filter.newsletter)}${data.newsletters.map((n) => option(n.id, n.name, filter.newsletter))}</select></div>
    <div><label for="members-donor">Donor</label><select id="members-donor" name="donor">${option('', 'any', filter.donor)}${option('donor', 'donors', filter.donor)}${option('monthly', 'monthly, active', filter.donor)}${option('paused', 'monthly, paused', filter.donor)}${option('cancelled', 'monthly, cancelled', filter.donor)}${option('one-off', 'one-off only', filter.donor)}${option('none', 'not donors', filter.donor)}</select></div>
    <div><label for="members-last-gift">Last gift</label><select id="members-last-gift" name="lastGift">${option('', 'any time', filter.lastGift)}${option('30', 'last 30 days', filter.lastGift)}${option('90', 'last 90 days', filter.lastGift)}${option('365', 'last year', filter.lastGift)}${option('older', 'over a year ago', filter.lastGift)}</select></div>
  </div>
  <p><button type="submit">Filter</button> <a class="button button--secondary" href="/admin/members.csv${data.query ? `?${data.query}` : ''}" download>Export CSV</a></p>
</form>
<p class="members-count" role="status">${data.total.toLocaleString(settings.site.locale || 'en-US')} ${data.total === 1 ? 'person' : 'people'}</p>
<table class="admin-table members-table">
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Account</th><th scope="col">Newsletters</th><th scope="col">Donor</th><th scope="col">Given</th><th scope="col">Last gift</th><th scope="col">Since</th></tr></thead>
  <tbody>${data.people.map(
    (p) => html`<tr>
    <td><a href="${personHref(p)}">${p.name || p.email || 'Donor'}</a></td>
    <td>${p.email ?? ''}</td>
    <td>${p.account ? p.account.status : ''}</td>
    <td>${p.subscription ? (p.subscription.status === 'active' ? p.subscription.newsletterIds.map((id) => names.get(id) ?? id).join(', ') : p.subscription.status) : ''}</td>
    <td>${donorLabel(p)}</td>
    <td class="num">${p.donor ? totalsLabel(p.donor.totals, settings) : ''}</td>
    <td>${p.donor ? formatDate(p.donor.lastGiftAt, site(settings)) : ''}</td>
    <td>${formatDate(p.since, site(settings))}</td>
  </tr>`,
  )}</tbody>
</table>
${data.pages > 1
    ? html`<nav class="pager" aria-label="Pages"><p>Page ${data.page} of ${data.pages}
  ${data.page > 1 ? html`<a href="${pageHref(data.page - 1)}" rel="prev">Previous</a>` : ''}
  ${data.page < data.pages ? html`<a href="${pageHref(data.page + 1)}" rel="next">Next</a>` : ''}</p></nav>`
    : ''}`;
}

export function personBody(data: { settings: SiteSettings; person: PersonDetail; newsletters: Newsletter[] }): Html {
  const { settings, person } = data;
  const format = moneyFormatFor(settings);
  const names = new Map(data.newsletters.map((n) => [n.id, n.name]));
  const standing = person.standing;
  return html`<p><a href="/admin/members">← Members</a></p>
<h1>${person.name || person.email || 'Donor'}</h1>
<dl class="person-facts">
  ${person.email ? html`<dt>Email</dt><dd>${person.email}</dd>` : ''}
  ${person.since ? html`<dt>Reader since</dt><dd>${formatDate(person.since, site(settings))}</dd>` : ''}
  ${standing
    ? html`<dt>Standing</dt><dd>${standing.status}${standing.suspendedUntil ? html` until ${formatShortDateTime(standing.suspendedUntil, site(settings))}` : ''}${standing.premoderate ? ' · comments held for review' : ''}
    · <a href="/admin/moderation/log?reader=${encodeURIComponent(person.userId ?? '')}">moderation log</a></dd>`
    : ''}
</dl>
<section class="admin-card" aria-labelledby="person-subscriptions"><h2 id="person-subscriptions">Subscriptions</h2>
  ${person.subscription
    ? html`<p>${person.subscription.status} since ${formatDate(person.subscription.since, site(settings))}</p>
  <ul>${person.subscription.newsletterIds.map((id) => html`<li>${names.get(id) ?? id}</li>`)}</ul>`
    : html`<p>Not subscribed to any newsletter.</p>`}
</section>
<section class="admin-card" aria-labelledby="person-gifts"><h2 id="person-gifts">Gifts</h2>
  ${person.gifts.length === 0
    ? html`<p>No gifts.</p>`
    : html`<table class="admin-table"><thead><tr><th scope="col">Date</th><th scope="col">Amount</th><th scope="col">How often</th><th scope="col">Status</th><th scope="col">Donor wall</th><th scope="col">Reference</th></tr></thead>
  <tbody>${person.gifts.map(
    (g) => html`<tr><td>${formatDate(g.createdAt, site(settings))}</td><td class="num">${formatMoney(g.amountMinor, g.currency, format)}</td>
    <td>${g.frequency === 'monthly' ? 'monthly' : 'once'}</td><td>${g.frequency === 'monthly' && g.paused && g.status === 'active' ? 'paused' : g.status}${g.cancelAt ? ` · Cancels on ${formatDate(g.cancelAt, site(settings))}` : ''}${g.provider === 'demo' ? ' (demo)' : ''}</td>
    <td>${g.showOnWall && g.publicName ? g.publicName : 'anonymous'}</td><td><code>${g.id}</code></td></tr>`,
  )}</tbody></table>`}
</section>
<section class="admin-card" aria-labelledby="person-comments"><h2 id="person-comments">Comments (${person.comments.total})</h2>
  ${person.comments.recent.length === 0
    ? html`<p>No comments.</p>`
    : html`<ul class="person-comments">${person.comments.recent.map(
      (c) => html`<li><a href="/${c.articleSlug}#comment-${c.id}">${c.articleTitle}</a> · ${c.status} · ${formatShortDateTime(c.createdAt, site(settings))}
      <blockquote>${c.body.length > 280 ? `${c.body.slice(0, 280)}…` : c.body}</blockquote></li>`,
    )}</ul>`}
</section>
<section class="admin-card" aria-labelledby="person-sanctions"><h2 id="person-sanctions">Sanctions</h2>
  ${person.sanctions.length === 0
    ? html`<p>None.</p>`
    : html`<ul>${person.sanctions.map((s) => html`<li>${formatShortDateTime(s.createdAt, site(settings))}: <strong>${s.action}</strong>${s.reason ? html` — ${s.reason}` : ''}</li>`)}</ul>`}
</section>`;
}
