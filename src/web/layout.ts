import type { Viewer } from './viewer.js';
import type { SiteSettings } from '../settings/index.js';
import { assetUrl } from './assets.js';
import { html, type Html } from './html.js';

export interface PageOptions {
  title: string;
  settings: SiteSettings;
  viewer: Viewer | null;
  /** CSRF token for forms and scripts on the page. */
  csrf: string;
  body: Html;
  description?: string;
  canonicalUrl?: string;
  /** Extra tags for <head>: Open Graph, JSON-LD, feeds. */
  head?: Html;
  /** Scripts to load at the end of the body (asset names, e.g. `widget.js`). */
  scripts?: string[];
  bodyClass?: string;
}

/** The one page shell every public and admin page is drawn in. */
export function page(options: PageOptions): Html {
  const { settings, viewer } = options;
  const site = settings.site;
  const title = options.title === site.name ? site.name : `${options.title} — ${site.name}`;
  return html`<!doctype html>
<html lang="${site.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${options.description ?? site.description}">
<meta name="csrf-token" content="${options.csrf}">
${options.canonicalUrl ? html`<link rel="canonical" href="${options.canonicalUrl}">` : ''}
<link rel="stylesheet" href="${assetUrl('theme.css')}">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" title="${site.name}" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="${site.name}" href="/atom.xml">
${options.head ?? ''}
</head>
<body class="${options.bodyClass ?? ''}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap site-header__inner">
    <a class="site-name" href="/">${site.logoUrl ? html`<img src="${site.logoUrl}" alt="" class="site-logo">` : ''}${site.name}</a>
    <nav aria-label="Site">
      <ul class="site-nav">
        ${(settings.navigation?.header ?? []).map((link) => html`<li><a href="${link.href}">${link.label}</a></li>`)}
        <li><a href="/search">Search</a></li>
        <li><a href="/donate" class="button button--small">Donate</a></li>
        ${viewer && viewer.role !== 'reader' ? html`<li><a href="/admin">Admin</a></li>` : ''}
        ${viewer?.role === 'reader' ? html`<li><a href="/account">Your account</a></li>` : ''}
        ${viewer ? '' : html`<li><a href="/account">Sign in</a></li>`}
        ${viewer ? html`<li><form method="post" action="/logout" class="inline-form"><input type="hidden" name="_csrf" value="${options.csrf}"><button class="link-button">Sign out</button></form></li>` : ''}
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="wrap">
${options.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${site.name} — ${site.description}</p>
    ${settings.navigation?.footer.length ? html`<nav aria-label="Footer"><ul class="footer-nav">${settings.navigation.footer.map((link) => html`<li><a href="${link.href}">${link.label}</a></li>`)}</ul></nav>` : ''}
    <p><a href="/feed.xml">RSS</a> · <a href="/atom.xml">Atom</a> · <a href="/donate">Support us</a></p>
  </div>
</footer>
${(options.scripts ?? []).map((name) => html`<script src="${assetUrl(name)}" defer></script>`)}
</body>
</html>`;
}
