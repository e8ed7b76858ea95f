import { liveHub } from '../live/hub.js';
import { buildMeter, updateMeter, type MeterData } from '../meter/view.js';
import { api } from './api.js';
import { h } from './dom.js';
import { contextFor, enhance } from './enhance.js';
import { commentForm, moreThreadsLink, renderThread } from './render.js';
import type { Ctx, Thread } from './types.js';

interface SectionData {
  article: { id: string; slug: string; closed: boolean; closedMessage: string | null; url: string };
  viewer: { signedIn: boolean; name: string | null; sanction: { status: string; message: string } | null; reviewFirst: string | null };
  rules: { guestsAllowed: boolean; maxLength: number };
  count: number;
  sort: string;
  threads: Thread[];
  pinned: Thread | null;
  nextCursor: string | null;
}

const SORTS: [string, string][] = [['oldest', 'Oldest'], ['newest', 'Newest'], ['reacted', 'Most liked']];

/**
 * The discussion on another site, inside a shadow root: none of the host page's styles reach in (its link
 * colours, `* { font-size }`, its custom properties: `.tribune-root` in comments.css resets them all), and
 * none of ours leak out. Above it, like under an article, the donation call to action with its meter.
 */
export function embed(host: HTMLElement, origin: string, article: string): void {
  // One class on every host, the tag's own or a site's placeholder: the host page may size and place it.
  host.classList.add('tribune-embed');
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const root = h('div', { class: `tribune-root${host.dataset.tribuneTheme === 'dark' ? ' tribune-root--dark' : ''}`, hidden: true });
  const sheets = ['comments.css', 'donations.css'].map((name) => h('link', { rel: 'stylesheet', href: `${origin}/assets/${name}` }));
  // Shown once its styles are in (or failed), so the host page never shows it unstyled.
  let loading = sheets.length;
  for (const sheet of sheets) sheet.onload = sheet.onerror = () => void (--loading || root.removeAttribute('hidden'));
  const holder = h('div');
  root.append(h('div'), holder);
  shadow.replaceChildren(...sheets, root);
  void support(root.firstChild as HTMLElement, origin, article).catch(() => undefined);

  // A reader who went to sign in comes back to this tab: draw again, signed in (where the browser sends
  // the site's cookie to it: docs/embedding.md).
  let signingIn = false;
  document.addEventListener('visibilitychange', () => {
    if (!signingIn || document.visibilityState !== 'visible') return;
    signingIn = false;
    void draw().catch(() => undefined);
  });
  const siteLink = (label: string, path: string) => {
    const link = h('a', { href: origin + path, target: '_blank', rel: 'noopener' }, label, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
    link.addEventListener('click', () => (signingIn = true));
    return link;
  };

  async function draw(sort = ''): Promise<void> {
    const data = await api<SectionData>({ api: origin, embed: true, csrf: '' } as Ctx, 'GET', `/api/articles/${encodeURIComponent(article)}/comments${sort ? `?sort=${sort}` : ''}`);
    const section = h('section', {
      class: 'comments', 'aria-labelledby': 'comments-heading', 'data-tribune-comments': '',
      'data-article-id': data.article.id, 'data-article-slug': data.article.slug, 'data-sort': data.sort,
      'data-closed': data.article.closed ? '1' : '0', 'data-guests': data.rules.guestsAllowed ? '1' : '0',
      'data-signed-in': data.viewer.signedIn ? '1' : '0', 'data-max-length': String(data.rules.maxLength),
    });
    const ctx = contextFor(section, origin, true);
    const list = h('ol', { class: 'comment-list', 'data-threads': '' });
    for (const thread of data.pinned ? [data.pinned, ...data.threads] : data.threads) list.append(renderThread(ctx, thread));
    const signIn = siteLink('sign in', `/account?returnTo=${encodeURIComponent(`${new URL(data.article.url).pathname}#comments`)}`);
    const open = data.viewer.signedIn || data.rules.guestsAllowed;
    section.append(
      h('h2', { id: 'comments-heading' }, 'Comments ', h('span', { class: 'comments__count', 'data-count': String(data.count) }, `(${data.count})`)),
      h('nav', { class: 'comments__sort', 'aria-label': 'Sort comments' }, ...SORTS.map(([value, label]) => h('a', { href: `?sort=${value}`, 'aria-current': value === data.sort ? 'true' : null }, label))),
      data.article.closed
        ? h('p', { class: 'notice comments__closed', role: 'note' }, `${data.article.closedMessage ?? ''} The discussion stays readable.`)
        : data.viewer.sanction
        ? h('p', { class: 'notice comments__sanction', role: 'note', 'data-sanction': data.viewer.sanction.status }, data.viewer.sanction.message)
        : h('div', { class: 'comments__composer' },
          data.viewer.signedIn
            ? h('p', { class: 'comments__as muted' }, 'Commenting as ', h('strong', null, data.viewer.name ?? ''), ' · ', siteLink('Account', '/account'))
            : h('p', { class: 'comments__as muted' }, open ? 'Comment as a guest, or ' : 'To join the discussion, ', signIn, '.'),
          data.viewer.reviewFirst && h('p', { class: 'comments__review-first muted', 'data-review-first': '' }, data.viewer.reviewFirst),
          open && commentForm(ctx, { prefix: 'new-comment', label: 'Your comment', button: 'Post comment' })),
      h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-live-region': '' }),
      data.threads.length || data.pinned ? '' : h('p', { class: 'comments__empty muted', 'data-empty': '' }, 'No comments yet.'),
      list,
      data.nextCursor ? moreThreadsLink(data.nextCursor) : '',
      h('p', { class: 'muted' }, h('a', { href: data.article.url }, 'Read the article and discussion on its site')),
    );
    section.addEventListener('tribune:sort', (event) => void draw((event as CustomEvent<string>).detail).catch(() => undefined));
    holder.replaceChildren(section);
    enhance(ctx);
  }

  draw().catch(() => holder.replaceChildren(h('p', null, 'Comments could not be loaded.')));
}

/** The drive's call to action and live meter, from the same public figures the article page shows. */
async function support(box: HTMLElement, origin: string, article: string): Promise<void> {
  const response = await fetch(`${origin}/api/drives/current`, { headers: { accept: 'application/json' } });
  // No current drive: no box, as the figures it would show do not exist.
  if (!response.ok) return;
  const data = (await response.json()) as MeterData;
  const meter = buildMeter(data);
  box.replaceWith(h('aside', { class: 'support-box', 'aria-labelledby': 'support-box-title' },
    h('h2', { class: 'support-box__cta', id: 'support-box-title' }, data.cta),
    meter,
    h('p', null, h('a', { class: 'button', href: `${data.donateUrl}?article=${encodeURIComponent(article)}`, target: '_blank', rel: 'noopener' }, 'Donate'))));
  liveHub(origin)?.meter((_type, live) => {
    const next = (live as { meter: MeterData | null }).meter;
    if (next?.driveId === data.driveId) updateMeter(meter, next);
  });
}
