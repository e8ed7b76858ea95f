import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role, Row } from '../db/schema.js';
import { newId, newToken } from '../db/ids.js';
import { addSeconds } from '../db/time.js';
import { accountErrors } from './errors.js';
import { limitedPasswordCheck, type LoginLimitDeps } from './login-limits.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import * as queries from './queries.js';
import { touchSession } from './sessions.js';
import type { Viewer } from '../web/viewer.js';

export const SESSION_DAYS = 30;

export type { Viewer };

export interface AccountsDeps {
  db: Kysely<Database>;
  now: () => Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createStaffUser(
  { db, now }: AccountsDeps,
  input: { email: string; role: Role; displayName?: string; password: string },
): Promise<string> {
  if (!queries.STAFF_ROLES.includes(input.role)) throw accountErrors.raise('INVALID_ROLE', undefined, 'role');
  if (input.password.length < MIN_PASSWORD_LENGTH) throw accountErrors.raise('WEAK_PASSWORD', undefined, 'password');
  const email = input.email.trim().toLowerCase();
  if (await queries.findUserByEmail(db, email)) throw accountErrors.raise('EMAIL_TAKEN', undefined, 'email');
  const time = now().toISOString();
  const id = newId(now());
  await queries.insertUser(db, {
    id,
    email,
    display_name: input.displayName?.trim() || email.split('@')[0],
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: time,
    updated_at: time,
  });
  return id;
}

/**
 * Checks a staff password under the per-account limit; the same error for an unknown email and a
 * wrong password, and the same lock for both once an address has failed too often.
 */
export async function authenticate(deps: LoginLimitDeps, email: string, password: string, ip: string): Promise<string> {
  const user = await queries.findUserByEmail(deps.db, email.trim());
  const staff = user?.password_hash && queries.STAFF_ROLES.includes(user.role) && user.status !== 'banned' ? user : undefined;
  await limitedPasswordCheck(deps, { email, ip, userId: staff?.id ?? null }, () => checkPassword(staff?.password_hash ?? null, password));
  return staff!.id;
}

/** Verifies a password against a hash, or spends the same time when there is none, so timing tells nothing. */
export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('tribune-timing-equaliser');
    await verifyPassword(await dummyHash, password);
    return false;
  }
  return verifyPassword(passwordHash, password);
}

let dummyHash: Promise<string> | undefined;

/** Starts a session and returns the cookie token; only its hash is stored. */
export async function startSession({ db, now }: AccountsDeps, userId: string, options: { userAgent?: string } = {}): Promise<string> {
  const token = newToken();
  const createdAt = now();
  await queries.insertSession(db, {
    id: hashToken(token),
    userId,
    createdAt: createdAt.toISOString(),
    expiresAt: addSeconds(createdAt, SESSION_DAYS * 86400).toISOString(),
    userAgent: options.userAgent?.slice(0, 300) || null,
  });
  return token;
}

export async function viewerForSession({ db, now }: AccountsDeps, token: string): Promise<Viewer | null> {
  const sessionId = hashToken(token);
  const time = now();
  const row = await queries.findSessionUser(db, sessionId, time.toISOString());
  if (!row || row.status === 'banned' && row.role !== 'reader') return null;
  await touchSession(db, sessionId, row.last_seen_at, time);
  return toViewer(row);
}

/** A user row as the rest of the app sees its signed-in user. */
export function toViewer(row: Pick<Row<'users'>, 'id' | 'email' | 'display_name' | 'role' | 'status' | 'suspended_until'>): Viewer {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    suspendedUntil: row.suspended_until,
  };
}

export async function endSession({ db }: AccountsDeps, token: string): Promise<void> {
  await queries.deleteSession(db, hashToken(token));
}
