export type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Strings become text nodes (never parsed as HTML), so names and other user text
 * are always inert. Comments, forms and the section are drawn with the server's escaping markup (render.ts).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string | boolean | null | undefined> | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (attrs) {
    for (const name in attrs) {
      const value = attrs[name];
      if (value === false || value === null || value === undefined) continue;
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => Array.from(root.querySelectorAll<T>(selector));

/** A comment's element by id (ids are [0-9a-z], safe in a selector). */
export const byId = (root: ParentNode, id: string) => $(root, `#c-${id}`) as HTMLLIElement | null;
