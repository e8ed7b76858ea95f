import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long an emailed link to the donor's page opens it. */
export const DONOR_LINK_DAYS = 14;

function signature(secret: string, email: string, expires: number): Buffer {
  return createHmac('sha256', secret).update(`tribune-donor-page\n${email}\n${expires}`).digest();
}

/**
 * A link token naming a donor's email, signed with the site secret and valid until `expires`: it opens
 * that donor's page without an account, and is nothing but text, so no table grows with every request.
 */
export function donorToken(secret: string, email: string, now: Date, days = DONOR_LINK_DAYS): string {
  const expires = Math.floor(now.getTime() / 1000) + days * 86_400;
  return `${Buffer.from(email, 'utf8').toString('base64url')}.${expires}.${signature(secret, email, expires).toString('base64url')}`;
}

/** The email a token names, or null when it is forged, altered or expired. */
export function verifyDonorToken(secret: string, token: string, now: Date): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^\d{1,12}$/.test(parts[1])) return null;
  const email = Buffer.from(parts[0], 'base64url').toString('utf8');
  const expires = Number(parts[1]);
  if (expires * 1000 <= now.getTime()) return null;
  const expected = signature(secret, email, expires);
  const given = Buffer.from(parts[2], 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}

export function donorPageUrl(baseUrl: string, secret: string, email: string, now: Date): string {
  return `${baseUrl}/donate/manage?token=${encodeURIComponent(donorToken(secret, email, now))}`;
}
