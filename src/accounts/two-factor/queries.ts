import type { Kysely } from 'kysely';
import type { Database, NewRow } from '../../db/schema.js';

type Db = Kysely<Database>;

export function findTotp(db: Db, userId: string) {
  return db.selectFrom('two_factor_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A fresh, unconfirmed secret; replaces an earlier unconfirmed one, never a confirmed one. */
export async function putUnconfirmedTotp(db: Db, row: { userId: string; ciphertext: string; createdAt: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('two_factor_totp').where('user_id', '=', row.userId).where('confirmed_at', 'is', null).execute();
    const result = await trx
      .insertInto('two_factor_totp')
      .values({ user_id: row.userId, secret_ciphertext: row.ciphertext, created_at: row.createdAt })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  });
}

/**
 * Accepts `step` only if it is newer than the last accepted one: one UPDATE, so two requests racing
 * with the same code cannot both win. `confirming` turns an unconfirmed secret on in the same move.
 */
export async function claimTotpStep(db: Db, userId: string, step: number, options: { confirmingAt?: string } = {}): Promise<boolean> {
  let query = db
    .updateTable('two_factor_totp')
    .set({ last_used_step: step, failed_attempts: 0, locked_until: null, ...(options.confirmingAt ? { confirmed_at: options.confirmingAt } : {}) })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]));
  query = options.confirmingAt ? query.where('confirmed_at', 'is', null) : query.where('confirmed_at', 'is not', null);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Counts a wrong code; at `limit` in a row, codes are refused until `lockUntil`. Returns the new count. */
export async function recordTotpFailure(db: Db, userId: string, limit: number, lockUntil: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('two_factor_totp')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('user_id', '=', userId)
      .returning('failed_attempts')
      .executeTakeFirst();
    const failures = row?.failed_attempts ?? 0;
    if (failures >= limit) {
      await trx.updateTable('two_factor_totp').set({ locked_until: lockUntil, failed_attempts: 0 }).where('user_id', '=', userId).execute();
    }
    return failures;
  });
}

export async function deleteTotp(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('two_factor_totp').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[], createdAt: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('two_factor_recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: createdAt })))
      .execute();
  });
}

export async function deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
}

/** Marks a code used, once: a second use of the same code (or a racing one) changes no row. */
export async function useRecoveryCode(db: Db, userId: string, hash: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function countRecoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listPasskeys(db: Db, userId: string) {
  return db.selectFrom('two_factor_passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export function findPasskey(db: Db, id: string) {
  return db.selectFrom('two_factor_passkeys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPasskey(db: Db, row: NewRow<'two_factor_passkeys'>): Promise<void> {
  await db.insertInto('two_factor_passkeys').values(row).execute();
}

/** Moves the signature counter on, only from the value the check was made against (compare and set). */
export async function advancePasskeyCounter(db: Db, id: string, from: number, to: number, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('two_factor_passkeys')
    .set({ counter: to, last_used_at: usedAt })
    .where('id', '=', id)
    .where('counter', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deletePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('two_factor_passkeys').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** Whether the user has a working second factor: a confirmed authenticator app or a passkey. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const totp = await db
    .selectFrom('two_factor_totp')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  if (totp) return true;
  const passkey = await db.selectFrom('two_factor_passkeys').select('id').where('user_id', '=', userId).limit(1).executeTakeFirst();
  return passkey !== undefined;
}

export async function insertPending(db: Db, row: NewRow<'two_factor_pending'>): Promise<void> {
  await db.insertInto('two_factor_pending').values(row).execute();
}

export function findPending(db: Db, id: string, now: string) {
  return db.selectFrom('two_factor_pending').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}

/** The newest unexpired passkey registration the user started. */
export function findRegistration(db: Db, userId: string, now: string) {
  return db
    .selectFrom('two_factor_pending')
    .selectAll()
    .where('user_id', '=', userId)
    .where('purpose', '=', 'register')
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function deleteRegistrations(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('two_factor_pending').where('user_id', '=', userId).where('purpose', '=', 'register').execute();
}

export async function setPendingChallenge(db: Db, id: string, challenge: string): Promise<void> {
  await db.updateTable('two_factor_pending').set({ challenge }).where('id', '=', id).execute();
}

/** One more wrong attempt; returns how many there have been. */
export async function countPendingAttempt(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('two_factor_pending')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? Number.POSITIVE_INFINITY;
}

/** Takes the pending row for good: true for exactly one caller, so one sign-in starts one session. */
export async function claimPending(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('two_factor_pending').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

export async function deleteExpiredPending(db: Db, now: string): Promise<void> {
  await db.deleteFrom('two_factor_pending').where('expires_at', '<=', now).execute();
}
