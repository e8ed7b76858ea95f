import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { STAFF_ROLES } from './queries.js';
import { validateDisplayName } from './readers.js';

/**
 * The accounts side of moving in and out: users for imported authors (readers and newsroom staff,
 * all without passwords), and a reader's own account data for download and deletion.
 */
type Db = Kysely<Database>;

export interface ImportUsersDeps {
  db: Db;
  now: () => Date;
  siteName?: string;
}

const MAX_NAME = 40;

/**
 * A display name for someone who never chose one here: the old name when it passes the same checks a
 * reader's own choice does (length, not passing for staff), else `fallback` (`Reader 1a2b`, `Guest`).
 */
export async function importedDisplayName(deps: ImportUsersDeps, raw: string, fallback: string): Promise<string> {
  const name = [...raw.replace(/\s+/gu, ' ').trim()].slice(0, MAX_NAME).join('').trim();
  try {
    return await validateDisplayName(deps.db, name, { siteName: deps.siteName });
  } catch {
    return fallback;
  }
}

/**
 * Reader users for imported comment authors, by email: found, or created as readers without a password
 * (they can claim the account by signing in with that address). An address belonging to staff maps to
 * null: an imported record must not make a comment speak with a staff member's badge.
 */
export async function readersByEmail(deps: ImportUsersDeps, people: readonly { email: string; name: string }[]): Promise<Map<string, string | null>> {
  const byEmail = new Map<string, string>();
  for (const person of people) if (!byEmail.has(person.email)) byEmail.set(person.email, person.name);
  const result = new Map<string, string | null>();
  if (byEmail.size === 0) return result;
  const emails = [...byEmail.keys()];
  const known = async () => deps.db.selectFrom('users').select(['id', 'email', 'role']).where('email', 'in', emails).execute();
  const found = await known();
  const missing = emails.filter((email) => !found.some((user) => user.email === email));
  if (missing.length > 0) {
    const time = deps.now().toISOString();
    const rows = [];
    for (const email of missing) {
      const id = newId(deps.now());
      rows.push({ id, email, display_name: await importedDisplayName(deps, byEmail.get(email)!, `Reader ${id.slice(-4)}`), role: 'reader' as const, created_at: time, updated_at: time });
    }
    await deps.db.insertInto('users').values(rows).onConflict((conflict) => conflict.column('email').doNothing()).execute();
    found.push(...(await known()).filter((user) => missing.includes(user.email!)));
  }
  for (const user of found) result.set(user.email!, STAFF_ROLES.includes(user.role) ? null : user.id);
  return result;
}

/** A reader without email or password, for an author known only by their name in the old system. */
export async function createImportedReader(deps: ImportUsersDeps, name: string): Promise<string> {
  const id = newId(deps.now());
  const time = deps.now().toISOString();
  await deps.db
    .insertInto('users')
    .values({ id, email: null, display_name: await importedDisplayName(deps, name, `Reader ${id.slice(-4)}`), role: 'reader', created_at: time, updated_at: time })
    .execute();
  return id;
}

/**
 * An article author from an imported site: an existing staff member with that address, or a new
 * editor without a password, who cannot sign in until an admin gives them one. When the address
 * belongs to a reader, the author is created without it (a reader is never promoted by an import).
 */
export async function importedStaffAuthor(deps: ImportUsersDeps, person: { email: string | null; name: string }): Promise<{ userId: string; note?: string }> {
  const email = person.email?.trim().toLowerCase() || null;
  let note: string | undefined;
  if (email) {
    const existing = await deps.db.selectFrom('users').select(['id', 'role']).where('email', '=', email).executeTakeFirst();
    if (existing && STAFF_ROLES.includes(existing.role)) return { userId: existing.id };
    if (existing) note = `${email} belongs to a reader account; the author was added without an address`;
  }
  const id = newId(deps.now());
  const time = deps.now().toISOString();
  const displayName = [...(person.name.replace(/\s+/gu, ' ').trim() || 'Archive')].slice(0, MAX_NAME).join('');
  await deps.db
    .insertInto('users')
    .values({ id, email: note ? null : email, display_name: displayName, role: 'editor', password_hash: null, created_at: time, updated_at: time })
    .execute();
  return { userId: id, ...(note ? { note } : {}) };
}

/** Who stub articles are filed under: the longest-serving admin, else any staff, else a new password-less editor. */
export async function archiveAuthor(deps: ImportUsersDeps): Promise<string> {
  for (const roles of [['admin'], STAFF_ROLES] as const) {
    const row = await deps.db.selectFrom('users').select('id').where('role', 'in', roles).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    if (row) return row.id;
  }
  return (await importedStaffAuthor(deps, { email: null, name: 'Archive' })).userId;
}

export interface AccountData {
  id: string;
  email: string | null;
  displayName: string;
  role: string;
  status: string;
  notifyReplies: boolean;
  bio: string;
  createdAt: string;
  updatedAt: string;
  sessions: { createdAt: string; expiresAt: string }[];
}

/** The account itself, as its owner downloads it (never the password hash or session tokens). */
export async function accountData(db: Db, userId: string): Promise<AccountData | undefined> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return undefined;
  const sessions = await db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', userId).orderBy('created_at').execute();
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    status: user.status,
    notifyReplies: user.notify_replies === 1,
    bio: user.bio,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
    sessions: sessions.map((session) => ({ createdAt: session.created_at, expiresAt: session.expires_at })),
  };
}

/**
 * Removes a reader's account: the user row, every session (signed out everywhere), unused sign-in
 * links for the address. Staff are refused here: they are removed by an admin, who keeps the newsroom staffed.
 */
export async function deleteReaderAccount(db: Db, userId: string): Promise<boolean> {
  const user = await db.selectFrom('users').select(['id', 'email', 'role']).where('id', '=', userId).executeTakeFirst();
  if (!user) return false;
  if (user.role !== 'reader') throw new Error('deleteReaderAccount: staff accounts are not deleted here');
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  if (user.email) await db.deleteFrom('magic_links').where('email', '=', user.email).execute();
  await db.deleteFrom('users').where('id', '=', userId).execute();
  return true;
}
