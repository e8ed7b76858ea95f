import type { IncomingHttpHeaders } from 'node:http';

/**
 * Where a state-changing request comes from, judged by the headers browsers set themselves and pages
 * cannot forge (as Go 1.25's net/http CrossOriginProtection does):
 * - `Sec-Fetch-Site: same-origin` or `none` (typed address, bookmark) is this site: allowed;
 *   any other value (`same-site`, `cross-site`) is another site: refused.
 * - Without it (older browsers), an `Origin` naming this site (its public origin, or the Host the request
 *   was sent to) is allowed, any other Origin (including `null`) refused.
 * - With neither header the sender is no browser we can judge (or a very old one): 'unknown', and the
 *   caller falls back to a CSRF token.
 * Other origins the site trusts (embedding sites, on the widget's routes) are the caller's to allow first.
 */
export type CrossOriginVerdict = 'same-origin' | 'cross-origin' | 'unknown';

export function crossOriginVerdict(headers: IncomingHttpHeaders, ownOrigin: string): CrossOriginVerdict {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== '') return site === 'same-origin' || site === 'none' ? 'same-origin' : 'cross-origin';
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === '') return 'unknown';
  if (origin === ownOrigin) return 'same-origin';
  return originHost(origin) !== undefined && originHost(origin) === headers.host?.toLowerCase() ? 'same-origin' : 'cross-origin';
}

/** `host[:port]` of an Origin header, as the Host header names it; undefined for `null` or garbage. */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
