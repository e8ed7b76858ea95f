import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random bytes drawn from the CSPRNG in blocks and handed out once each: asking for 11 bytes per id was
 * a call into OpenSSL per id, a percent of a comment post's time. Every byte is used once only.
 */
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

function randomSlice(size: number): Buffer {
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const slice = pool.subarray(offset, offset + size);
  offset += size;
  return slice;
}

/**
 * An opaque id that sorts by creation time: 9 base-36 characters of milliseconds and 11 random ones.
 * Lower-case letters and digits only, so byte order and every collation agree on the order.
 */
export function newId(now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  const bytes = randomSlice(11);
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte % 36];
  return time + random;
}

/** A secret token for URLs and cookies (magic links, sessions, unsubscribe links). */
export function newToken(): string {
  // Copied out of the pool, so no caller can hold a view of bytes the next refill overwrites.
  return Buffer.from(randomSlice(32)).toString('base64url');
}
