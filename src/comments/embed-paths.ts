/**
 * The requests an embedded comment widget makes from another site: the thread, its live stream and
 * the actions on comments. Only these are open to listed embed origins (CORS, and Origin in place of
 * the CSRF token); every other route, staff APIs above all, stays same-origin.
 */
const EMBED_API = /^\/api\/(articles\/[^/]+\/(comments(\/mine)?|live)|comments\/[^/]+(\/(replies|reactions|flags))?)$/;

export function isEmbedPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/widget.js' || EMBED_API.test(path);
}
