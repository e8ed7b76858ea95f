import { $, $$, h } from './dom.js';
import { embed } from './embed.js';
import { contextFor, enhance } from './enhance.js';

/**
 * The Tribune comment widget. On an article page it enhances the server-rendered section. On another
 * site it draws the discussion from the JSON API (embed.ts): after its own tag,
 * `<script src="https://SITE/widget.js" data-tribune-article="SLUG" async>`, or, with the script once in
 * a site's template, in every `<div data-tribune-article="SLUG">` of the page. No framework, no
 * third-party requests.
 */
const script = document.currentScript as HTMLScriptElement | null;

function start(): void {
  const own = $(document, '[data-tribune-comments]');
  const article = script?.dataset.tribuneArticle;
  if (own && !article) return enhance(contextFor(own, '', false));
  if (!script?.src) return;
  const hosts = $$(document, '[data-tribune-article]:not(script)');
  if (article) {
    const host = h('div', { 'data-tribune-article': article, 'data-tribune-theme': script.dataset.tribuneTheme });
    script.after(host);
    hosts.push(host);
  }
  for (const host of hosts) embed(host, new URL(script.src).origin, host.dataset.tribuneArticle!);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
