import type { NavigationLink, SiteSettings } from '../settings/index.js';
import { html } from '../web/html.js';
import { textArea, textField, type FormValues, type SettingsSection } from '../web/admin/index.js';
import { articleErrors } from './errors.js';
import { findPublicPage } from './static-page.js';
import type { PublicOptions } from './public-routes.js';
import { isHttpUrl } from './validate.js';

const MAX_LINKS = 12;
const MAX_LABEL = 60;

/** One line per link: `Label | target`, or a page's slug alone (labelled with its title). */
function linesOf(links: NavigationLink[]): string {
  return links.map((link) => `${link.label} | ${link.href.startsWith('/') && !link.href.slice(1).includes('/') ? link.href.slice(1) : link.href}`).join('\n');
}

function invalid(field: string, message: string): never {
  throw articleErrors.raise('VALUE_INVALID', message, field);
}

/**
 * The header's and footer's links, checked as they are saved: a bare word is a page's slug and must
 * be a published page (a link to a draft would be a 404 on every page); `/path` and http(s) addresses
 * are taken as written.
 */
async function parseLinks(deps: Pick<PublicOptions, 'db' | 'now'>, values: FormValues, field: string): Promise<NavigationLink[]> {
  const lines = (values[field] ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length > MAX_LINKS) invalid(field, `At most ${MAX_LINKS} links.`);
  const links: NavigationLink[] = [];
  for (const line of lines) {
    const bar = line.lastIndexOf('|');
    const label = bar < 0 ? '' : line.slice(0, bar).trim();
    const target = (bar < 0 ? line : line.slice(bar + 1)).trim();
    if (label.length > MAX_LABEL) invalid(field, `“${label.slice(0, 20)}…”: a label has at most ${MAX_LABEL} characters.`);
    if (target.startsWith('/')) {
      if (target.startsWith('//') || /\s/.test(target) || target.length > 500) invalid(field, `“${target}” is not a path on this site.`);
      links.push({ label: label || target, href: target });
    } else if (/^https?:/i.test(target)) {
      if (!isHttpUrl(target)) invalid(field, `“${target}” is not a web address.`);
      links.push({ label: label || new URL(target).hostname, href: target });
    } else {
      const page = await findPublicPage(deps, target);
      if (!page) invalid(field, `There is no published page “${target}”. Use a page’s slug, a path such as /topics/housing, or a full https:// address.`);
      links.push({ label: label || page.title.slice(0, MAX_LABEL), href: `/${page.slug}` });
    }
  }
  return links;
}

/** /admin/settings → Navigation: the header's and footer's links, and the page that introduces /donate. */
export function navigationSettingsSection(deps: Pick<PublicOptions, 'db' | 'now'>): SettingsSection {
  return {
    id: 'navigation',
    group: 'navigation',
    title: 'Navigation',
    description: 'Links to pages (About, Contact, Corrections) and elsewhere, on every public page.',
    toForm: ({ navigation }: SiteSettings) => ({ header: linesOf(navigation.header), footer: linesOf(navigation.footer), donatePage: navigation.donatePage }),
    fields: (values, error) => html`
      ${textArea({ name: 'header', label: 'Header links', value: values.header ?? '', error, rows: 4, hint: html`One per line, in order: a page’s slug (<code>about</code>), or <code>Label | about</code>, <code>Label | /topics/housing</code>, <code>Label | https://…</code>.` })}
      ${textArea({ name: 'footer', label: 'Footer links', value: values.footer ?? '', error, rows: 4, hint: 'The same, for the footer (e.g. corrections policy, contact).' })}
      ${textField({ name: 'donatePage', label: 'Text above the donation form', value: values.donatePage ?? '', error, hint: 'Slug of a published page whose text stands above the form on /donate; empty for none.', attrs: html` maxlength="100" autocomplete="off"` })}`,
    async parse(values) {
      const donateSlug = (values.donatePage ?? '').trim();
      if (donateSlug && !(await findPublicPage(deps, donateSlug))) invalid('donatePage', `There is no published page “${donateSlug}”.`);
      return { header: await parseLinks(deps, values, 'header'), footer: await parseLinks(deps, values, 'footer'), donatePage: donateSlug };
    },
  };
}
