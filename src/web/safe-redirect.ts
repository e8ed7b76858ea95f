/**
 * The one check for every redirect target that came from a request (`next`, `returnTo`, a stored
 * magic link's return path): only a path on this site, written so that no browser reads it as
 * another host. Every domain imports it from here (it is as shared as `web/html.ts`).
 */

const MAX_LENGTH = 2000;
const ORIGIN = 'http://tribune.invalid';

/**
 * Printable ASCII only. Browsers drop tabs and newlines from URLs (`/\t/evil` becomes `//evil`),
 * treat `\` as `/`, and Node refuses a Location header with control or non-Latin-1 characters (a
 * 500): the paths this site writes itself are percent-encoded, so nothing legitimate is lost.
 */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
/** Once decoded, letters of any script may stay; whitespace (Unicode's too) and controls may not. */
const SPACE_OR_CONTROL = /[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2060]/u;

/** `target` when it is a same-site path (path, query and hash kept as given), otherwise `fallback`. */
export function safeRedirect<T extends string | null>(target: unknown, fallback: T): string | T {
  return isSafeRedirect(target) ? target : fallback;
}

export function isSafeRedirect(target: unknown): target is string {
  if (typeof target !== 'string' || target.length === 0 || target.length > MAX_LENGTH) return false;
  if (!PRINTABLE_ASCII.test(target) || target.includes('\\')) return false;
  // One leading slash: `//host` and `/\host` are scheme-relative; `https:`, `javascript:` lack the slash.
  if (!target.startsWith('/') || target.startsWith('//')) return false;
  // Encoded slashes and spaces are read as real ones by some proxies and by our own routing; a
  // proxy may decode more than once, so each of a few rounds of decoding must pass too.
  let path = target.split(/[?#]/, 1)[0];
  for (let round = 0; round < 3 && path.includes('%'); round++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return false;
    }
    if (path.startsWith('//') || path.includes('\\') || SPACE_OR_CONTROL.test(path)) return false;
  }
  try {
    // Dot segments (`/..//host`) must not leave a path that a later hop could read as `//host`.
    const url = new URL(target, ORIGIN);
    return url.origin === ORIGIN && !url.pathname.startsWith('//');
  } catch {
    return false;
  }
}
