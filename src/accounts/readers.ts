import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { defineErrors } from '../errors.js';
import { nameSkeleton } from './confusables.js';
import { findUserByEmail, findUserById, staffNames } from './queries.js';

export { nameSkeleton };

export const readerErrors = defineErrors({
  DISPLAY_NAME_INVALID: { status: 400, message: 'A display name needs 2 to 40 characters.' },
  DISPLAY_NAME_RESERVED: { status: 400, message: 'This name belongs to, or looks like, a member of staff; choose another.' },
  EMAIL_INVALID: { status: 400, message: 'This does not look like an email address.' },
  MAGIC_LINK_INVALID: { status: 400, message: 'This sign-in link has expired or was already used. Ask for a new one.' },
});

export interface ReaderDeps {
  db: Kysely<Database>;
  now: () => Date;
}

const MIN_NAME = 2;
const MAX_NAME = 40;
/** Words that make a name read as an official voice of the site, whole words only. */
const RESERVED_WORDS = ['admin', 'administrator', 'moderator', 'mod', 'editor', 'staff', 'official', 'tribune'];
const reservedSkeletons = new Set(RESERVED_WORDS.map(nameSkeleton));

function words(skeleton: string): string[] {
  return skeleton.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Trims, folds runs of white space and checks length (2–40 characters) and that the name does not pass
 * for staff: no staff member's name in any spelling, no "admin"/"moderator"/"editor" as a word, not the site.
 */
export async function validateDisplayName(
  db: Kysely<Database>,
  raw: string,
  options: { siteName?: string; userId?: string } = {},
): Promise<string> {
  const name = raw.replace(/\s+/gu, ' ').trim();
  const length = [...name].length;
  // One character is a whole name in scripts without case ('泱', '鑫'); a lone Latin letter, digit or symbol is not.
  if ((length < MIN_NAME && !/^\p{Lo}$/u.test(name)) || length > MAX_NAME || /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(name)) {
    throw readerErrors.raise('DISPLAY_NAME_INVALID', undefined, 'displayName');
  }
  const nameWords = words(nameSkeleton(name));
  const skeleton = nameWords.join('');
  if (nameWords.some((word) => reservedSkeletons.has(word))) {
    throw readerErrors.raise('DISPLAY_NAME_RESERVED', undefined, 'displayName');
  }
  const protectedNames = await staffNames(db, {});
  if (options.siteName) protectedNames.push({ id: '', display_name: options.siteName });
  for (const staff of protectedNames) {
    if (staff.id === options.userId) continue;
    if (words(nameSkeleton(staff.display_name)).join('') === skeleton) {
      throw readerErrors.raise('DISPLAY_NAME_RESERVED', undefined, 'displayName');
    }
  }
  return name;
}

export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(email)) {
    throw readerErrors.raise('EMAIL_INVALID', undefined, 'email');
  }
  return email;
}

/** The reader account for an email, created on first sign-in with a name taken from the address. */
export async function findOrCreateReader({ db, now }: ReaderDeps, email: string): Promise<string> {
  const existing = await findUserByEmail(db, email);
  if (existing) return existing.id;
  const time = now().toISOString();
  const id = newId(now());
  const local = email.split('@')[0].replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/(^|\s)\p{Ll}/gu, (start) => start.toUpperCase());
  let displayName = local.length >= MIN_NAME ? local.slice(0, MAX_NAME) : `Reader ${id.slice(-4)}`;
  try {
    displayName = await validateDisplayName(db, displayName);
  } catch {
    displayName = `Reader ${id.slice(-4)}`;
  }
  await db
    .insertInto('users')
    .values({ id, email, display_name: displayName, role: 'reader', created_at: time, updated_at: time })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .execute();
  // Two first sign-ins racing: the loser reads the winner's row.
  return (await findUserByEmail(db, email))!.id;
}

export interface ReaderProfile {
  id: string;
  email: string | null;
  displayName: string;
  notifyReplies: boolean;
  role: string;
}

export async function readerProfile({ db }: Pick<ReaderDeps, 'db'>, userId: string): Promise<ReaderProfile | undefined> {
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  return { id: user.id, email: user.email, displayName: user.display_name, notifyReplies: user.notify_replies === 1, role: user.role };
}

export async function updateReaderProfile(
  { db, now }: ReaderDeps,
  userId: string,
  changes: { displayName?: string; notifyReplies?: boolean },
  options: { siteName?: string } = {},
): Promise<void> {
  const values: { display_name?: string; notify_replies?: number; updated_at: string } = { updated_at: now().toISOString() };
  if (changes.displayName !== undefined) values.display_name = await validateDisplayName(db, changes.displayName, { ...options, userId });
  if (changes.notifyReplies !== undefined) values.notify_replies = changes.notifyReplies ? 1 : 0;
  await db.updateTable('users').set(values).where('id', '=', userId).execute();
}

/** A token for the one-click unsubscribe link: the user id with an HMAC, so it needs no table. */
export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${signature(secret, userId)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [userId, given] = token.split('.');
  if (!userId || !given) return null;
  const expected = Buffer.from(signature(secret, userId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? userId : null;
}

function signature(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(`unsubscribe-replies:${userId}`).digest('base64url');
}
