import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken } from '../../db/ids.js';
import { addSeconds } from '../../db/time.js';
import { findUserById, STAFF_ROLES } from '../queries.js';
import { hashToken } from '../service.js';
import { twoFactorErrors } from './errors.js';
import { TWO_FACTOR_SIGN_IN_PATH } from './paths.js';
import * as queries from './queries.js';
import type { TwoFactorDeps } from './service.js';

export const PENDING_COOKIE = 'tribune_2fa';
export const PENDING_MINUTES = 5;
/** Wrong answers to one pending sign-in before it is thrown away and the password is asked again. */
export const PENDING_ATTEMPTS = 5;

/** A password-checked sign-in waiting for its second step. */
export interface PendingSignIn {
  id: string;
  userId: string;
  next: string | null;
  challenge: string | null;
}

const cookieOptions = (secure: boolean) => ({ path: TWO_FACTOR_SIGN_IN_PATH, httpOnly: true, sameSite: 'strict' as const, secure });

/**
 * After the password: a one-time nonce, stored hashed with the user and the `next` page, and handed to
 * the browser in a signed cookie that also names the user. Forging needs the cookie secret; replaying
 * a finished sign-in finds no row; both halves must agree.
 */
export async function beginPendingSignIn(
  deps: Pick<TwoFactorDeps, 'db' | 'now'>,
  reply: FastifyReply,
  input: { userId: string; next: string | null; secure: boolean },
): Promise<void> {
  const nonce = newToken();
  const created = deps.now();
  await queries.deleteExpiredPending(deps.db, created.toISOString());
  await queries.insertPending(deps.db, {
    id: hashToken(nonce),
    user_id: input.userId,
    purpose: 'sign-in',
    next: input.next,
    challenge: null,
    created_at: created.toISOString(),
    expires_at: addSeconds(created, PENDING_MINUTES * 60).toISOString(),
  });
  reply.setCookie(PENDING_COOKIE, `${input.userId}.${nonce}`, { ...cookieOptions(input.secure), signed: true, maxAge: PENDING_MINUTES * 60 });
}

export function clearPendingCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(PENDING_COOKIE, cookieOptions(secure));
}

/** The pending sign-in this browser holds, or null when there is none, it expired, or it was forged. */
export async function readPendingSignIn(deps: Pick<TwoFactorDeps, 'db' | 'now'>, request: FastifyRequest): Promise<PendingSignIn | null> {
  const raw = request.cookies[PENDING_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const [userId, nonce, extra] = unsigned.value.split('.');
  if (!userId || !nonce || extra !== undefined) return null;
  const row = await queries.findPending(deps.db, hashToken(nonce), deps.now().toISOString());
  if (!row || row.purpose !== 'sign-in' || row.user_id !== userId || row.attempts >= PENDING_ATTEMPTS) return null;
  return { id: row.id, userId, next: row.next, challenge: row.challenge };
}

export async function requirePendingSignIn(deps: Pick<TwoFactorDeps, 'db' | 'now'>, request: FastifyRequest): Promise<PendingSignIn> {
  const pending = await readPendingSignIn(deps, request);
  if (!pending) throw twoFactorErrors.raise('TWO_FACTOR_SIGN_IN_EXPIRED');
  return pending;
}

const COUNTED = new Set(['TWO_FACTOR_CODE_WRONG', 'TWO_FACTOR_CODE_USED', 'TWO_FACTOR_RECOVERY_WRONG', 'PASSKEY_FAILED']);

/**
 * Runs one answer to the second step. A wrong one counts against the pending sign-in, which is
 * thrown away after PENDING_ATTEMPTS; a right one takes the pending sign-in for good (exactly once,
 * even when two answers race) and hands back the user to start a session for.
 */
export async function answerPendingSignIn(
  deps: Pick<TwoFactorDeps, 'db' | 'now'>,
  pending: PendingSignIn,
  check: () => Promise<void>,
): Promise<{ userId: string; next: string | null }> {
  // The account may have been removed, demoted or banned since the password was checked.
  const user = await findUserById(deps.db, pending.userId);
  if (!user || !STAFF_ROLES.includes(user.role) || user.status === 'banned') {
    await queries.claimPending(deps.db, pending.id);
    throw twoFactorErrors.raise('TWO_FACTOR_SIGN_IN_EXPIRED');
  }
  try {
    await check();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && COUNTED.has(code) && (await queries.countPendingAttempt(deps.db, pending.id)) >= PENDING_ATTEMPTS) {
      await queries.claimPending(deps.db, pending.id);
      throw twoFactorErrors.raise('TWO_FACTOR_ATTEMPTS_EXHAUSTED');
    }
    throw error;
  }
  if (!(await queries.claimPending(deps.db, pending.id))) throw twoFactorErrors.raise('TWO_FACTOR_SIGN_IN_EXPIRED');
  return { userId: pending.userId, next: pending.next };
}
