import { describe, expect, it } from 'vitest';
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode, newRecoveryCodes } from './secrets.js';
import { matchTotpStep, newTotpSecret, otpauthUri, totpCodeAt } from './totp.js';

const KEY = 'a-site-secret-of-some-length-0123';

describe('the authenticator secret at rest', () => {
  it('opens only with the same site secret, for the same user, unaltered', () => {
    const secret = newTotpSecret();
    const sealed = encryptTotpSecret(KEY, 'user-1', secret);
    expect(sealed).not.toContain(secret);
    expect(decryptTotpSecret(KEY, 'user-1', sealed)).toBe(secret);
    expect(decryptTotpSecret(`${KEY}x`, 'user-1', sealed)).toBeNull();
    expect(decryptTotpSecret(KEY, 'user-2', sealed)).toBeNull();
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(decryptTotpSecret(KEY, 'user-1', `v1.${bytes.toString('base64url')}`)).toBeNull();
    expect(decryptTotpSecret(KEY, 'user-1', 'v2.AAAA')).toBeNull();
    // A fresh IV each time: the same secret never seals to the same text.
    expect(encryptTotpSecret(KEY, 'user-1', secret)).not.toBe(sealed);
  });
});

describe('recovery codes', () => {
  it('are ten different codes of 60 random bits, in Crockford base32', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('match however a person retypes them, and nothing else', () => {
    const hash = hashRecoveryCode('0a1b-2c3d-4e5f');
    for (const typed of ['0A1B-2C3D-4E5F', ' 0a1b 2c3d 4e5f ', 'oa1b2c3d4e5f', '0aib-2c3d-4e5f', '0alb2c3d4e5f']) expect(hashRecoveryCode(typed)).toBe(hash);
    expect(hashRecoveryCode('0a1b-2c3d-4e5g')).not.toBe(hash);
  });
});

describe('codes from the app', () => {
  it('match within one 30-second step either side, as the step they belong to', () => {
    const secret = newTotpSecret();
    const now = new Date('2030-01-01T00:00:15Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotpStep(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(now.getTime() - 60_000)), now)).toBeNull();
    const code = totpCodeAt(secret, now);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
    expect(matchTotpStep(secret, `${code}0`, now)).toBeNull();
  });

  it('are set up from an otpauth:// address naming the site and the account', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'The Ledger', 'ed@example.org');
    expect(uri).toBe('otpauth://totp/The%20Ledger:ed%40example.org?issuer=The%20Ledger&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30');
  });
});
