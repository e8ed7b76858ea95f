/** Headers of a browser's form post that expects a page back, and of a plain page request. */
export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
export const HTML_HEADERS = { accept: 'text/html' };

/** A form body as a browser sends it: repeated fields for lists (checkboxes, multi-selects). */
export function encodeForm(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return params.toString();
}
