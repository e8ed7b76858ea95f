import { $ } from './dom.js';

const KEY = 'tribune-guest';

/**
 * The name (and optional email) a guest last posted with, kept in this browser: the next comment and
 * the page after a reload start with it, and the fields stay editable, so changing it is just typing.
 * In this browser only: the server draws the same page for every guest.
 */
function remembered(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function rememberGuest(name: string, email: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ name, email }));
  } catch {
    // Private browsing or storage turned off: the name is simply asked for again.
  }
}

/** Puts the remembered name and email into a form's empty guest fields. */
export function fillGuest(form: ParentNode): void {
  const guest = remembered();
  for (const field of ['name', 'email']) {
    const input = $<HTMLInputElement>(form, `input[name=${field}]`);
    if (input && !input.value && guest[field]) input.value = guest[field];
  }
}
