import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * An opaque id that sorts by creation time: 9 base-36 characters of milliseconds and 11 random ones.
 * Lower-case letters and digits only, so byte order and every collation agree on the order.
 */
export function newId(now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  const bytes = randomBytes(11);
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte % 36];
  return time + random;
}

/** A secret token for URLs and cookies (magic links, sessions, unsubscribe links). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
