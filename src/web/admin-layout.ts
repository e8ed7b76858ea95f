import { assetUrl } from './assets.js';
import { html, type Html } from './html.js';
import { page, type PageOptions } from './layout.js';

export type AdminSection = 'dashboard' | 'articles' | 'pages' | 'media' | 'topics' | 'users' | 'settings' | 'moderation' | 'donations' | 'newsletters' | 'members' | 'account';

const SECTIONS: { id: AdminSection; label: string; href: string; roles: string[] }[] = [
  { id: 'dashboard', label: 'Dashboard', href: '/admin', roles: ['admin', 'editor', 'moderator'] },
  { id: 'articles', label: 'Articles', href: '/admin/articles', roles: ['admin', 'editor'] },
  { id: 'pages', label: 'Pages', href: '/admin/pages', roles: ['admin', 'editor'] },
  { id: 'media', label: 'Media', href: '/admin/media', roles: ['admin', 'editor'] },
  { id: 'topics', label: 'Topics', href: '/admin/topics', roles: ['admin', 'editor'] },
  { id: 'moderation', label: 'Moderation', href: '/admin/moderation', roles: ['admin', 'moderator'] },
  { id: 'donations', label: 'Donations', href: '/admin/donations', roles: ['admin'] },
  { id: 'newsletters', label: 'Newsletters', href: '/admin/newsletters', roles: ['admin', 'editor'] },
  { id: 'members', label: 'Members', href: '/admin/members', roles: ['admin'] },
  { id: 'users', label: 'Staff', href: '/admin/users', roles: ['admin'] },
  { id: 'settings', label: 'Settings', href: '/admin/settings', roles: ['admin'] },
  { id: 'account', label: 'Your account', href: '/admin/account', roles: ['admin', 'editor', 'moderator'] },
];

/** Every staff screen: the site layout with the admin navigation, showing only what the role may use. */
export function adminPage(options: PageOptions & { section: AdminSection }): Html {
  const role = options.viewer?.role ?? 'reader';
  const nav = html`<nav class="admin-nav" aria-label="Admin">
    <ul>${SECTIONS.filter((s) => s.roles.includes(role)).map(
      (s) => html`<li><a href="${s.href}"${s.id === options.section ? html` aria-current="page"` : ''}>${s.label}</a></li>`,
    )}</ul>
  </nav>`;
  return page({
    ...options,
    head: html`<link rel="stylesheet" href="${assetUrl('admin.css')}">${options.head ?? ''}`,
    bodyClass: `admin ${options.bodyClass ?? ''}`,
    body: html`${nav}<div class="admin-main">${options.body}</div>`,
  });
}
