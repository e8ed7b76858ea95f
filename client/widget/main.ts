import { api } from './api.js';
import { $, h } from './dom.js';
import { markMine, wireActions } from './actions.js';
import { connectLive } from './live.js';
import { commentForm, moreThreadsLink, renderThread } from './render.js';
import type { Ctx, Thread } from './types.js';

/**
 * The Tribune comment widget. On an article page it enhances the server-rendered section; on another
 * site, `<script src="https://SITE/widget.js" data-tribune-article="SLUG" async>` draws the whole
 * section from the JSON API. No framework, no third-party requests.
 */
const script = document.currentScript as HTMLScriptElement | null;

function contextFor(section: HTMLElement, api: string, embed: boolean): Ctx {
  const data = section.dataset;
  return {
    section, api, embed,
    articleId: data.articleId!, slug: data.articleSlug!, sort: data.sort ?? 'oldest',
    closed: data.closed === '1', signedIn: data.signedIn === '1', guests: data.guests === '1',
    maxLength: Number(data.maxLength ?? 5000), locale: data.locale || navigator.language,
    csrf: embed ? '' : ($<HTMLMetaElement>(document, 'meta[name="csrf-token"]')?.content ?? ''),
    mine: new Map(),
  };
}

function enhance(ctx: Ctx): void {
  if (ctx.section.dataset.enhanced) return;
  ctx.section.dataset.enhanced = '1';
  wireActions(ctx);
  connectLive(ctx);
  if (!ctx.signedIn) void markMine(ctx).catch(() => undefined);
}

interface SectionData {
  article: { id: string; slug: string; closed: boolean; closedMessage: string | null; url: string };
  viewer: { signedIn: boolean; name: string | null };
  rules: { guestsAllowed: boolean; maxLength: number };
  count: number;
  sort: string;
  threads: Thread[];
  pinned: Thread | null;
  nextCursor: string | null;
}

/** Draws the section on another site from the JSON API, then enhances it like the server's. */
async function embed(host: HTMLElement, origin: string, article: string, sort = ''): Promise<void> {
  const probe = { api: origin, embed: true, csrf: '' } as Ctx;
  const data = await api<SectionData>(probe, 'GET', `/api/articles/${encodeURIComponent(article)}/comments${sort ? `?sort=${sort}` : ''}`);
  const section = h('section', {
    class: 'comments', id: 'comments', 'aria-labelledby': 'comments-heading', 'data-tribune-comments': '',
    'data-article-id': data.article.id, 'data-article-slug': data.article.slug, 'data-sort': data.sort,
    'data-closed': data.article.closed ? '1' : '0', 'data-guests': data.rules.guestsAllowed ? '1' : '0',
    'data-signed-in': data.viewer.signedIn ? '1' : '0', 'data-max-length': String(data.rules.maxLength),
  });
  const ctx = contextFor(section, origin, true);
  const sorts: [string, string][] = [['oldest', 'Oldest'], ['newest', 'Newest'], ['reacted', 'Most liked']];
  const list = h('ol', { class: 'comment-list', 'data-threads': '' });
  for (const thread of data.pinned ? [data.pinned, ...data.threads] : data.threads) list.append(renderThread(ctx, thread));
  const signIn = h('a', { href: `${origin}/account?returnTo=${encodeURIComponent(new URL(data.article.url).pathname)}`, target: '_blank', rel: 'noopener' }, 'sign in');
  const parts: (Node | null)[] = [
    h('link', { rel: 'stylesheet', href: `${origin}/assets/comments.css` }),
    h('h2', { id: 'comments-heading' }, 'Comments ', h('span', { class: 'comments__count', 'data-count': String(data.count) }, `(${data.count})`)),
    h('nav', { class: 'comments__sort', 'aria-label': 'Sort comments' }, ...sorts.map(([value, label]) => h('a', { href: `?sort=${value}`, 'aria-current': value === data.sort ? 'true' : null }, label))),
    data.article.closed
      ? h('p', { class: 'notice comments__closed', role: 'note' }, `${data.article.closedMessage ?? ''} The discussion stays readable.`)
      : data.viewer.signedIn || data.rules.guestsAllowed
        ? commentForm(ctx, { prefix: 'new-comment', label: 'Your comment', button: 'Post comment' })
        : h('p', null, 'To join the discussion, ', signIn, '.'),
    h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-live-region': '' }),
    data.threads.length || data.pinned ? null : h('p', { class: 'comments__empty muted', 'data-empty': '' }, 'No comments yet.'),
    list,
    data.nextCursor ? moreThreadsLink(data.nextCursor) : null,
    h('p', { class: 'muted' }, h('a', { href: data.article.url }, 'Read the article and discussion on its site')),
  ];
  for (const part of parts) if (part) section.append(part);
  section.addEventListener('tribune:sort', (event) => {
    void embed(host, origin, article, (event as CustomEvent<string>).detail);
  });
  host.replaceChildren(section);
  enhance(ctx);
}

function start(): void {
  const own = $(document, '[data-tribune-comments]');
  if (own && !script?.dataset.tribuneArticle) {
    enhance(contextFor(own, '', false));
    return;
  }
  const article = script?.dataset.tribuneArticle;
  if (!script || !article) return;
  const host = h('div', { class: 'tribune-embed' });
  script.after(host);
  void embed(host, new URL(script.src).origin, article).catch(() => {
    host.textContent = 'Comments could not be loaded.';
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
