import { liveHub } from '../live/hub.js';
import { supportBoxMarkup } from '../../src/donations/browser.js';
import { updateMeter, type MeterData } from '../meter/view.js';
import { api } from './api.js';
import { commentSection, html } from '../../src/comments/browser.js';
import { h } from './dom.js';
import { contextFor, enhance } from './enhance.js';
import { element, markupFor } from './render.js';
import type { Ctx, SectionJson } from './types.js';

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
  // Links to the site open in a new tab (the sign-in, the account page).
  holder.addEventListener('click', (event) => {
    if ((event.target as Element).closest(`a[target="_blank"][href^="${origin}/account"]`)) signingIn = true;
  });

  async function draw(sort = ''): Promise<void> {
    const data = await api<SectionJson>({ api: origin, embed: true, csrf: '' } as Ctx, 'GET', `/api/articles/${encodeURIComponent(article)}/comments${sort ? `?sort=${sort}` : ''}`);
    const markup = markupFor({
      articleId: data.article.id, slug: data.article.slug, api: origin, csrf: '', locale: data.site.locale, timeZone: data.site.timeZone,
      closed: data.article.closed, guests: data.rules.guestsAllowed, signedIn: data.viewer.signedIn, maxLength: data.rules.maxLength,
    });
    // The same section the article page draws, from the same markup functions; only the link home is the embed's own.
    const section = element(commentSection(
      { ...data, threads: data.pinned ? [data.pinned, ...data.threads] : data.threads },
      { ...markup, closed: data.article.closedMessage },
      { foot: html`<p class="muted"><a href="${data.article.url}">Read the article and discussion on its site</a></p>` },
    ));
    section.addEventListener('tribune:sort', (event) => void draw((event as CustomEvent<string>).detail).catch(() => undefined));
    holder.replaceChildren(section);
    enhance(contextFor(section, origin, true));
  }

  draw().catch(() => holder.replaceChildren(h('p', null, 'Comments could not be loaded.')));
}

/** The drive's call to action and live meter, from the same public figures the article page shows. */
async function support(box: HTMLElement, origin: string, article: string): Promise<void> {
  const response = await fetch(`${origin}/api/drives/current`, { headers: { accept: 'application/json' } });
  // No current drive: no box, as the figures it would show do not exist.
  if (!response.ok) return;
  const data = (await response.json()) as MeterData;
  const aside = element(supportBoxMarkup(data.cta, data, { href: `${data.donateUrl}?article=${encodeURIComponent(article)}`, newTab: true }));
  const meter = aside.querySelector('[data-meter-live]')!;
  box.replaceWith(aside);
  liveHub(origin)?.meter((_type, live) => {
    const next = live.meter;
    if (next?.driveId === data.driveId) updateMeter(meter, next);
  });
}
