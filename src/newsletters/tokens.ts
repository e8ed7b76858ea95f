import { createHmac, timingSafeEqual } from 'node:crypto';

/** A confirmation link opens for this long; after that the reader asks again. */
export const CONFIRM_LINK_DAYS = 7;

function sign(secret: string, purpose: string, payload: string): string {
  return createHmac('sha256', secret).update(`tribune-newsletters-${purpose}\n${payload}`).digest('base64url');
}

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The confirmation link carries everything it confirms (address, chosen newsletters, expiry), signed:
 * nothing is subscribed before the owner of the address clicks, and no pending state can be forged.
 */
export function confirmToken(secret: string, email: string, newsletterIds: string[], now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + CONFIRM_LINK_DAYS * 86_400;
  const payload = Buffer.from(JSON.stringify({ e: email, n: newsletterIds, x: expires })).toString('base64url');
  return `${payload}.${sign(secret, 'confirm', payload)}`;
}

export function verifyConfirmToken(secret: string, token: string, now: Date): { email: string; newsletterIds: string[] } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !matches(signature, sign(secret, 'confirm', payload))) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { e?: unknown; n?: unknown; x?: unknown };
    if (typeof data.e !== 'string' || typeof data.x !== 'number' || !Array.isArray(data.n) || !data.n.every((id) => typeof id === 'string')) return null;
    if (data.x * 1000 <= now.getTime()) return null;
    return { email: data.e, newsletterIds: data.n as string[] };
  } catch {
    return null;
  }
}

/**
 * The link in every newsletter to unsubscribe or change preferences. It does not expire: a reader may
 * unsubscribe from a mail of last year, and RFC 8058 clients store the URL. It names a subscriber id,
 * which reveals nothing, and changes only that subscriber's choices.
 */
export function manageToken(secret: string, subscriberId: string): string {
  return `${subscriberId}.${sign(secret, 'manage', subscriberId)}`;
}

export function verifyManageToken(secret: string, token: string): string | null {
  const [subscriberId, signature, extra] = token.split('.');
  if (!subscriberId || !signature || extra !== undefined || !/^[0-9a-z]{1,40}$/.test(subscriberId)) return null;
  return matches(signature, sign(secret, 'manage', subscriberId)) ? subscriberId : null;
}

export function unsubscribeUrl(baseUrl: string, secret: string, subscriberId: string): string {
  return `${baseUrl}/newsletters/unsubscribe?token=${encodeURIComponent(manageToken(secret, subscriberId))}`;
}

export function preferencesUrl(baseUrl: string, secret: string, subscriberId: string): string {
  return `${baseUrl}/newsletters/preferences?token=${encodeURIComponent(manageToken(secret, subscriberId))}`;
}

export function confirmUrl(baseUrl: string, secret: string, email: string, newsletterIds: string[], now: Date): string {
  return `${baseUrl}/newsletters/confirm?token=${encodeURIComponent(confirmToken(secret, email, newsletterIds, now))}`;
}
