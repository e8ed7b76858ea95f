import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';

/**
 * Why the TOTP secret is encrypted, and with a key derived from TRIBUNE_SECRET: unlike a password or a
 * recovery code, it cannot be stored as a hash, because the server must compute codes from it. Kept in
 * plain text it would travel with every database dump, backup and `tribune export` file, and anyone
 * holding one could mint codes forever. TRIBUNE_SECRET lives apart from the data (environment, or a
 * 0600 file), so a leaked dump alone is useless. The cost: rotating TRIBUNE_SECRET makes existing
 * authenticator apps unreadable; those staff sign in with a recovery code or a passkey (neither needs
 * the key) and set the app up again.
 */
const VERSION = 'v1';

function totpKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'tribune', 'two-factor totp secret v1', 32));
}

/** AES-256-GCM; the user id is associated data, so a ciphertext copied onto another user does not open. */
export function encryptTotpSecret(appSecret: string, userId: string, base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', totpKey(appSecret), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The base32 secret, or null when it was sealed under another key (TRIBUNE_SECRET rotated) or altered. */
export function decryptTotpSecret(appSecret: string, userId: string, sealed: string): string | null {
  const [version, data] = sealed.split('.');
  if (version !== VERSION || !data) return null;
  const bytes = Buffer.from(data, 'base64url');
  if (bytes.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', totpKey(appSecret), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32 (no i, l, o, u): 5 bits a symbol, and a code copied from paper reads back the same. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Ten codes of 12 symbols (60 random bits each), shown as `xxxx-xxxx-xxxx`. That is far beyond
 * guessing online or offline, so a plain SHA-256 stores them safely (like session tokens), and they
 * keep working after TRIBUNE_SECRET is rotated, which is when they are needed most.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = '';
    for (let i = 0; i < 12; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
  });
}

/** Case, spaces and dashes do not matter, nor o for 0 or i/l for 1: people retype these from paper. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(`tribune-recovery:${normaliseRecoveryCode(input)}`).digest('hex');
}
