import { hash, verify } from '@node-rs/argon2';
import { accountErrors } from './errors.js';

export const MIN_PASSWORD_LENGTH = 10;

/** Argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
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
