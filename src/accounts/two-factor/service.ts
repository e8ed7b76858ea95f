import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addSeconds } from '../../db/time.js';
import { verifyPassword } from '../passwords.js';
import { findUserById } from '../queries.js';
import { twoFactorErrors } from './errors.js';
import * as queries from './queries.js';
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode, newRecoveryCodes } from './secrets.js';
import { looksLikeTotpCode, matchTotpStep, newTotpSecret, otpauthUri } from './totp.js';

export interface TwoFactorDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** TRIBUNE_SECRET: the key for authenticator secrets is derived from it. */
  secret: string;
}

/** Wrong codes in a row (across sign-ins) before codes are refused for a while: RFC 4226 §7.3 throttling. */
export const TOTP_FAILURE_LIMIT = 10;
export const TOTP_LOCK_MINUTES = 15;

export interface TwoFactorStatus {
  totp: 'off' | 'pending' | 'on';
  totpSince: string | null;
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  recoveryCodesLeft: number;
  /** At least one working second factor. */
  enabled: boolean;
}

export async function twoFactorStatus({ db }: Pick<TwoFactorDeps, 'db'>, userId: string): Promise<TwoFactorStatus> {
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    queries.findTotp(db, userId),
    queries.listPasskeys(db, userId),
    queries.countRecoveryCodesLeft(db, userId),
  ]);
  const totpState = !totp ? 'off' : totp.confirmed_at ? 'on' : 'pending';
  return {
    totp: totpState,
    totpSince: totp?.confirmed_at ?? null,
    passkeys: passkeys.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at })),
    recoveryCodesLeft,
    enabled: totpState === 'on' || passkeys.length > 0,
  };
}

/** A new secret waiting for its first code; the app is not asked for at sign-in until then. */
export async function startTotpEnrolment(deps: TwoFactorDeps, userId: string): Promise<void> {
  const existing = await queries.findTotp(deps.db, userId);
  if (existing?.confirmed_at) throw twoFactorErrors.raise('TWO_FACTOR_ALREADY_ON');
  const ciphertext = encryptTotpSecret(deps.secret, userId, newTotpSecret());
  if (!(await queries.putUnconfirmedTotp(deps.db, { userId, ciphertext, createdAt: deps.now().toISOString() }))) {
    throw twoFactorErrors.raise('TWO_FACTOR_ALREADY_ON');
  }
}

/** What the setup page shows while enrolment waits: the secret as text and as an otpauth:// address. */
export async function pendingTotpEnrolment(deps: TwoFactorDeps, userId: string, issuer: string, account: string) {
  const row = await queries.findTotp(deps.db, userId);
  if (!row || row.confirmed_at) return null;
  const secret = decryptTotpSecret(deps.secret, userId, row.secret_ciphertext);
  return secret ? { secret, uri: otpauthUri(secret, issuer, account) } : null;
}

/**
 * Turns the app on with its first right code, which also counts as used. Returns fresh recovery codes
 * when this is the account's first second factor (to be shown once), otherwise null.
 */
export async function confirmTotpEnrolment(deps: TwoFactorDeps, userId: string, code: string): Promise<string[] | null> {
  const row = await queries.findTotp(deps.db, userId);
  if (!row) throw twoFactorErrors.raise('TWO_FACTOR_NOT_STARTED');
  if (row.confirmed_at) throw twoFactorErrors.raise('TWO_FACTOR_ALREADY_ON');
  const secret = decryptTotpSecret(deps.secret, userId, row.secret_ciphertext);
  if (!secret) throw twoFactorErrors.raise('TWO_FACTOR_NOT_STARTED');
  const step = matchTotpStep(secret, code, deps.now());
  if (step === null) throw twoFactorErrors.raise('TWO_FACTOR_CODE_WRONG', undefined, 'code');
  const hadFactor = await queries.hasSecondFactor(deps.db, userId);
  if (!(await queries.claimTotpStep(deps.db, userId, step, { confirmingAt: deps.now().toISOString() }))) {
    throw twoFactorErrors.raise('TWO_FACTOR_CODE_USED', undefined, 'code');
  }
  return hadFactor ? null : issueRecoveryCodes(deps, userId);
}

/**
 * Checks a code from the app: right within one step either side, newer than the last accepted one
 * (so a code seen over a shoulder cannot be replayed), and not while locked after many wrong ones.
 */
export async function verifyTotpCode(deps: TwoFactorDeps, userId: string, code: string): Promise<void> {
  const row = await queries.findTotp(deps.db, userId);
  if (!row?.confirmed_at) throw twoFactorErrors.raise('TWO_FACTOR_METHOD_UNAVAILABLE');
  const now = deps.now();
  if (row.locked_until && row.locked_until > now.toISOString()) throw twoFactorErrors.raise('TWO_FACTOR_LOCKED');
  const secret = decryptTotpSecret(deps.secret, userId, row.secret_ciphertext);
  const step = secret ? matchTotpStep(secret, code, now) : null;
  if (step === null) {
    await queries.recordTotpFailure(deps.db, userId, TOTP_FAILURE_LIMIT, addSeconds(now, TOTP_LOCK_MINUTES * 60).toISOString());
    throw twoFactorErrors.raise('TWO_FACTOR_CODE_WRONG', undefined, 'code');
  }
  if (!(await queries.claimTotpStep(deps.db, userId, step))) throw twoFactorErrors.raise('TWO_FACTOR_CODE_USED', undefined, 'code');
}

/** Uses up one recovery code. */
export async function redeemRecoveryCode(deps: Pick<TwoFactorDeps, 'db' | 'now'>, userId: string, code: string): Promise<void> {
  const used = code.length <= 100 && (await queries.useRecoveryCode(deps.db, userId, hashRecoveryCode(code), deps.now().toISOString()));
  if (!used) throw twoFactorErrors.raise('TWO_FACTOR_RECOVERY_WRONG', undefined, 'code');
}

/** Ten new codes replace all earlier ones; only their hashes are kept. */
export async function issueRecoveryCodes(deps: Pick<TwoFactorDeps, 'db' | 'now'>, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await queries.replaceRecoveryCodes(deps.db, userId, codes.map(hashRecoveryCode), deps.now().toISOString());
  return codes;
}

/**
 * A person at the keyboard proves it is them before weakening the account: their password, or a
 * current code from the app (a password is at least 10 characters, so six digits can only be a code).
 */
export async function confirmIdentity(deps: TwoFactorDeps, userId: string, proof: string): Promise<void> {
  if (looksLikeTotpCode(proof) && (await queries.findTotp(deps.db, userId))?.confirmed_at) {
    try {
      await verifyTotpCode(deps, userId, proof);
      return;
    } catch {
      throw twoFactorErrors.raise('TWO_FACTOR_CONFIRM_FAILED', undefined, 'proof');
    }
  }
  const user = await findUserById(deps.db, userId);
  if (!user?.password_hash || !proof || proof.length > 1000 || !(await verifyPassword(user.password_hash, proof))) {
    throw twoFactorErrors.raise('TWO_FACTOR_CONFIRM_FAILED', undefined, 'proof');
  }
}

/**
 * Refuses to remove the last second factor where the site requires one for staff; when the last one
 * goes otherwise, the recovery codes go with it (they would open nothing).
 */
export async function afterFactorRemoved(deps: Pick<TwoFactorDeps, 'db'>, userId: string): Promise<void> {
  if (!(await queries.hasSecondFactor(deps.db, userId))) await queries.deleteRecoveryCodes(deps.db, userId);
}

export async function assertMayRemoveFactor(
  deps: Pick<TwoFactorDeps, 'db'>,
  userId: string,
  required: boolean,
  removing: { totp?: boolean; passkeyId?: string },
): Promise<void> {
  if (!required) return;
  const status = await twoFactorStatus(deps, userId);
  const left = (status.totp === 'on' && !removing.totp ? 1 : 0) + status.passkeys.filter((p) => p.id !== removing.passkeyId).length;
  if (left === 0) throw twoFactorErrors.raise('TWO_FACTOR_LAST_METHOD');
}

export async function removeTotp(deps: TwoFactorDeps, userId: string, required: boolean): Promise<void> {
  const row = await queries.findTotp(deps.db, userId);
  if (!row) throw twoFactorErrors.raise('TWO_FACTOR_NOT_ON');
  if (row.confirmed_at) await assertMayRemoveFactor(deps, userId, required, { totp: true });
  await queries.deleteTotp(deps.db, userId);
  await afterFactorRemoved(deps, userId);
}

/** An admin's reset for someone who lost every factor: all of them go, and their recovery codes. */
export async function resetTwoFactor({ db }: Pick<TwoFactorDeps, 'db'>, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('two_factor_totp').where('user_id', '=', userId).execute();
    await trx.deleteFrom('two_factor_passkeys').where('user_id', '=', userId).execute();
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('two_factor_pending').where('user_id', '=', userId).execute();
  });
}
