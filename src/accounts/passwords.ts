import { hash, verify, type Options } from '@node-rs/argon2';
import { accountErrors } from './errors.js';

export const MIN_PASSWORD_LENGTH = 10;

/** The library's defaults (19 MiB, 2 passes): OWASP's recommended minimum for argon2id. */
let cost: Options = {};

/**
 * For test processes only (src/testing/setup.ts): the cheapest argon2id, 1 MiB and one pass, so a suite
 * of a thousand sign-ins does not spend 20 ms of CPU on each. Nothing the site runs calls it, and no
 * setting reaches it. Hashes carry their own parameters, so either kind verifies in either process.
 */
export function hashPasswordsCheaplyInTests(): void {
  cost = { memoryCost: 1024, timeCost: 1 };
}

/** Argon2id at OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, cost);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A new password: long enough, and typed the same twice when the form asks for it twice. */
export function checkNewPassword(password: string, confirmation?: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw accountErrors.raise('WEAK_PASSWORD', undefined, 'password');
  if (confirmation !== undefined && confirmation !== password) throw accountErrors.raise('PASSWORDS_DIFFER', undefined, 'passwordConfirm');
}
