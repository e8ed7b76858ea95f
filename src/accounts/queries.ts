import type { Kysely } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { Database, NewRow, Role } from '../db/schema.js';

export const STAFF_ROLES: readonly Role[] = ['admin', 'editor', 'moderator'];

/** Every staff member's id and display name: asked on each guest's comment, so compiled once. */
export const staffNames = preparedQuery<Record<string, never>>()((db) => db
  .selectFrom('users')
  .select(['id', 'display_name'])
  .where('role', 'in', STAFF_ROLES));

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

const userById = preparedQuery<{ id: string }>()((db, arg) => db.selectFrom('users').selectAll().where('id', '=', arg('id')));

/** Read on every signed-in reader's comment: compiled once. */
export async function findUserById(db: Kysely<Database>, id: string) {
  const [row] = await userById(db, { id });
  return row;
}

export async function insertUser(db: Kysely<Database>, user: NewRow<'users'>): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export function listStaff(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'status', 'created_at'])
    .where('role', 'in', STAFF_ROLES)
    .orderBy('display_name')
    .execute();
}

export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; userId: string; createdAt: string; expiresAt: string; userAgent?: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt,
      last_seen_at: session.createdAt, user_agent: session.userAgent ?? null,
    })
    .execute();
}

// Every signed-in request asks this: compiled once (db/prepared.ts).
const sessionUser = preparedQuery<{ sessionId: string; now: string }>()((db, arg) => db
  .selectFrom('sessions')
  .innerJoin('users', 'users.id', 'sessions.user_id')
  .select(['users.id', 'users.email', 'users.display_name', 'users.role', 'users.status', 'users.suspended_until', 'sessions.expires_at', 'sessions.last_seen_at'])
  .where('sessions.id', '=', arg('sessionId'))
  .where('sessions.expires_at', '>', arg('now')));

export async function findSessionUser(db: Kysely<Database>, sessionId: string, now: string) {
  const [row] = await sessionUser(db, { sessionId, now });
  return row;
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
