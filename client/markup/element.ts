import type { Html } from '../../src/web/html.js';

/**
 * The one element a piece of the server's markup describes (a domain's markup folder, shared through
 * its browser.ts). That markup escapes every value itself, so parsing it adds nothing a reader wrote as HTML.
 */
export function element<T extends Element = HTMLElement>(markup: Html): T {
  const template = document.createElement('template');
  template.innerHTML = markup.value;
  return template.content.firstElementChild as T;
}
