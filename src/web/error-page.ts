import type { Viewer } from './viewer.js';
import type { SiteSettings } from '../settings/index.js';
import { html } from './html.js';
import { page } from './layout.js';

const HEADINGS: Record<number, string> = {
  400: 'That did not work',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Page not found',
  413: 'That is too large',
  429: 'Slow down a little',
  500: 'Something went wrong',
};

export function errorPage(options: { status: number; message: string; settings: SiteSettings; viewer: Viewer | null; csrf: string }): string {
  const heading = HEADINGS[options.status] ?? (options.status >= 500 ? HEADINGS[500] : HEADINGS[400]);
  return page({
    title: heading,
    settings: options.settings,
    viewer: options.viewer,
    csrf: options.csrf,
    body: html`<section class="error-page">
      <p class="muted">${options.status}</p>
      <h1>${heading}</h1>
      <p>${options.message}</p>
      <p><a href="/">Back to the front page</a> · <a href="/search">Search</a></p>
    </section>`,
  }).value;
}
