import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it by default: SHA-1, six digits, 30-second steps. */
const PERIOD = 30;
const DIGITS = 6;

/** 160 random bits, RFC 4226's recommended length, as base32 (what apps accept typed in). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(base32: string, issuer = '', label = ''): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(base32), algorithm: 'SHA1', digits: DIGITS, period: PERIOD });
}

/** The `otpauth://` address a QR code carries: the site as issuer, the staff email as account. */
export function otpauthUri(base32: string, issuer: string, account: string): string {
  return totp(base32, issuer, account).toString();
}

/** Digits only, so "123 456" and "123-456" as typed from a phone are read as the code they are. */
export function normaliseTotpCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function looksLikeTotpCode(input: string): boolean {
  return new RegExp(`^\\d{${DIGITS}}$`).test(normaliseTotpCode(input));
}

/**
 * The time step a code belongs to, when it is right for the step at `now` or one either side (clocks
 * on phones drift, and people type slowly); otherwise null. The caller refuses a step already used.
 */
export function matchTotpStep(base32: string, input: string, now: Date): number | null {
  const token = normaliseTotpCode(input);
  if (!looksLikeTotpCode(token)) return null;
  const timestamp = now.getTime();
  const delta = totp(base32).validate({ token, timestamp, window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp }) + delta;
}

/** The code for `now` (tests and the demo use it; the server never shows a code). */
export function totpCodeAt(base32: string, now: Date): string {
  return totp(base32).generate({ timestamp: now.getTime() });
}

/** "ABCD EFGH …": the secret in groups of four, for typing into an app by hand. */
export function groupedSecret(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, '$1 ');
}
