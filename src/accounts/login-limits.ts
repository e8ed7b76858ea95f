import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { addSeconds } from '../db/time.js';
import { accountErrors } from './errors.js';

/**
 * The per-account brake on password guessing, on top of the per-address limit on POST /login: an
 * attacker with many addresses still gets only this many guesses at one account per window.
 */
export const LOGIN_LIMIT = { failures: 10, windowMinutes: 15, lockMinutes: 15 } as const;

export interface LoginLimitDeps {
  db: Kysely<Database>;
  now: () => Date;
  log: Pick<FastifyBaseLogger, 'warn'>;
}

export interface PasswordAttempt {
  email: string;
  ip: string;
  /** The account the email belongs to, when there is one (for the lockout record and the log). */
  userId: string | null;
}

/**
 * Keyed by the typed email, not by the account, so an unknown address locks exactly like a real one
 * and the lockout message says nothing about which addresses have accounts.
 */
export function accountKey(email: string): string {
  return createHash('sha256').update(`login:${email.trim().toLowerCase()}`).digest('hex');
}

/**
 * Runs a password check under the per-account limit. The attempt is written down before `check` runs
 * and only erased when it succeeds, so a burst of parallel guesses is counted in full, not after the fact.
 */
export async function limitedPasswordCheck(deps: LoginLimitDeps, attempt: PasswordAttempt, check: () => Promise<boolean>): Promise<void> {
  const { db } = deps;
  const key = accountKey(attempt.email);
  const now = deps.now();
  const locked = await activeLockout(db, key, now);
  if (locked) throw lockedError(locked.locked_until, now);

  const windowStart = addSeconds(now, -LOGIN_LIMIT.windowMinutes * 60).toISOString();
  await db.deleteFrom('login_failures').where('attempted_at', '<', windowStart).execute();
  const id = newId(now);
  await db.insertInto('login_failures').values({ id, account_key: key, ip: attempt.ip.slice(0, 100), attempted_at: now.toISOString() }).execute();
  const counted = await db.selectFrom('login_failures').select(['id', 'ip']).where('account_key', '=', key).where('attempted_at', '>=', windowStart).execute();
  // A parallel attempt may have locked the account meanwhile (and cleared the count): this one waits too.
  const lockedMeanwhile = await activeLockout(db, key, now);
  if (lockedMeanwhile) {
    await db.deleteFrom('login_failures').where('id', '=', id).execute();
    throw lockedError(lockedMeanwhile.locked_until, now);
  }
  // More than the limit already under way (a parallel burst): refuse without spending a guess.
  if (counted.length > LOGIN_LIMIT.failures) throw await lock(deps, key, attempt.userId, counted.map((row) => row.ip));

  if (await check()) {
    await db.deleteFrom('login_failures').where('account_key', '=', key).execute();
    return;
  }
  if (counted.length >= LOGIN_LIMIT.failures) throw await lock(deps, key, attempt.userId, counted.map((row) => row.ip));
  throw accountErrors.raise('LOGIN_FAILED');
}

/** After a password reset: the owner proved who they are, so any lock and count on the address ends. */
export async function clearLoginLimit(db: Kysely<Database>, email: string, now: Date, reason: string): Promise<void> {
  const key = accountKey(email);
  await db.deleteFrom('login_failures').where('account_key', '=', key).execute();
  await db
    .updateTable('login_lockouts')
    .set({ cleared_at: now.toISOString(), cleared_reason: reason })
    .where('account_key', '=', key)
    .where('cleared_at', 'is', null)
    .where('locked_until', '>', now.toISOString())
    .execute();
}

export function activeLockout(db: Kysely<Database>, key: string, now: Date) {
  return db
    .selectFrom('login_lockouts')
    .select(['id', 'locked_until'])
    .where('account_key', '=', key)
    .where('cleared_at', 'is', null)
    .where('locked_until', '>', now.toISOString())
    .orderBy('locked_until', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function lock(deps: LoginLimitDeps, key: string, userId: string | null, ips: string[]) {
  const { db } = deps;
  const now = deps.now();
  const existing = await activeLockout(db, key, now);
  if (existing) return lockedError(existing.locked_until, now);
  const until = addSeconds(now, LOGIN_LIMIT.lockMinutes * 60).toISOString();
  const addresses = [...new Set(ips)];
  await db.deleteFrom('login_lockouts').where('locked_until', '<', addSeconds(now, -90 * 86400).toISOString()).execute();
  await db
    .insertInto('login_lockouts')
    .values({ id: newId(now), account_key: key, user_id: userId, failures: ips.length, addresses: JSON.stringify(addresses), locked_at: now.toISOString(), locked_until: until })
    .execute();
  await db.deleteFrom('login_failures').where('account_key', '=', key).execute();
  deps.log.warn({ event: 'account_locked', userId, failures: ips.length, addresses, lockedUntil: until }, 'sign-in locked for an account after repeated failed passwords');
  return lockedError(until, now);
}

function lockedError(until: string, now: Date) {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const time = `${until.slice(11, 16)} UTC`;
  return accountErrors.raise(
    'ACCOUNT_LOCKED',
    `Too many failed sign-ins for this account, so it is locked for sign-in until ${time} (in ${minutes} minute${minutes === 1 ? '' : 's'}). Try again then, or reset your password with "Forgot password?".`,
    undefined,
    { retryAfter: seconds, lockedUntil: until },
  );
}
