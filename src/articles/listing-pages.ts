import type { CountedTeaser } from './teasers.js';
import type { Topic, TopicRef } from './types.js';
import type { SiteSettings } from '../settings/index.js';
import { leadStory, pagination, teaserList } from './article-teasers.js';
import { html, type Html } from '../web/html.js';

interface ListingInput {
  items: CountedTeaser[];
  page: number;
  hasNext: boolean;
  settings: SiteSettings;
}

function topicNav(topics: TopicRef[], current?: string): Html {
  if (topics.length === 0) return html``;
  return html`<nav class="topic-nav" aria-label="Topics"><ul>${topics.map(
    (topic) => html`<li><a href="/topics/${topic.slug}"${topic.slug === current ? html` aria-current="page"` : ''}>${topic.name}</a></li>`,
  )}</ul></nav>`;
}

const nothingYet = html`<p class="empty">No stories here yet.</p>`;

/** The front page: a lead story, then the latest ones; later pages are a plain list. */
export function homePage(input: ListingInput & { topics: TopicRef[]; subscribe?: Html }): Html {
  const site = input.settings.site;
  const [lead, ...rest] = input.page === 1 ? input.items : [undefined, ...input.items];
  return html`${topicNav(input.topics)}
<h1 class="visually-hidden">${site.name}: latest stories</h1>
${input.items.length === 0 ? nothingYet : ''}
${lead ? leadStory(lead, site) : ''}
${rest.length ? html`<section aria-label="${input.page === 1 ? 'Latest' : `Page ${input.page}`}">${teaserList(rest as CountedTeaser[], site)}</section>` : ''}
${input.page === 1 ? input.subscribe : ''}
${pagination({ page: input.page, hasNext: input.hasNext, path: '/' })}`;
}

export function topicPage(input: ListingInput & { topic: Topic; topics: TopicRef[] }): Html {
  const { topic } = input;
  return html`${topicNav(input.topics, topic.slug)}
<header class="listing-header">
  <p class="listing-header__kicker">Topic</p>
  <h1>${topic.name}</h1>
  ${topic.description ? html`<p class="listing-header__description">${topic.description}</p>` : ''}
  <p class="listing-header__feeds"><a href="/topics/${topic.slug}/feed.xml">RSS</a> · <a href="/topics/${topic.slug}/atom.xml">Atom</a></p>
</header>
${input.items.length ? teaserList(input.items, input.settings.site) : nothingYet}
${pagination({ page: input.page, hasNext: input.hasNext, path: `/topics/${topic.slug}` })}`;
}

export function authorPage(input: ListingInput & { author: { id: string; name: string; bio: string; role: string } }): Html {
  const { author } = input;
  return html`<header class="listing-header">
  <p class="listing-header__kicker">${author.role === 'editor' || author.role === 'admin' ? 'Author' : 'Contributor'}</p>
  <h1>${author.name}</h1>
  ${author.bio ? html`<p class="listing-header__description">${author.bio}</p>` : ''}
</header>
${input.items.length ? teaserList(input.items, input.settings.site, { author: false }) : nothingYet}
${pagination({ page: input.page, hasNext: input.hasNext, path: `/authors/${author.id}` })}`;
}

export function searchPage(input: ListingInput & { query: string }): Html {
  const query = input.query.trim();
  return html`<header class="listing-header">
  <h1>Search</h1>
  <form class="search-form" method="get" action="/search" role="search">
    <label for="search-q" class="visually-hidden">Search stories</label>
    <input id="search-q" type="search" name="q" value="${query}" placeholder="Search stories" maxlength="200"${query ? '' : html` autofocus`}>
    <button type="submit">Search</button>
  </form>
</header>
${query
    ? input.items.length
      ? html`<p class="muted">${input.page > 1 ? `Page ${input.page} of results` : 'Results'} for “${query}”</p>${teaserList(input.items, input.settings.site)}`
      : html`<p class="empty">Nothing matches “${query}”. Try fewer or different words.</p>`
    : ''}
${query ? pagination({ page: input.page, hasNext: input.hasNext, path: '/search', params: { q: query } }) : ''}`;
}
