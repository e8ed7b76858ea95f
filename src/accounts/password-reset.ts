import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import { newToken } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { addSeconds } from '../db/time.js';
import type { Mailer } from '../mail/index.js';
import { escapeHtml } from '../web/html.js';
import { accountErrors } from './errors.js';
import { clearLoginLimit } from './login-limits.js';
import { checkNewPassword, hashPassword } from './passwords.js';
import { findUserByEmail, STAFF_ROLES } from './queries.js';
import { hashToken } from './service.js';

export const RESET_MINUTES = 60;
/** Per account: beyond this, requests get the same answer but send no mail (no flooding someone's inbox). */
export const RESETS_PER_HOUR = 3;

export interface ResetDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  now: () => Date;
  mailer: Mailer;
  baseUrl: string;
  siteName: string;
  log: Pick<FastifyBaseLogger, 'info'>;
}

/**
 * Mails a one-time reset link when the address belongs to staff who sign in with a password, and does
 * nothing otherwise; the caller answers the same either way. Readers have no password (they sign in by
 * link), and an imported author without one is given access by an invitation, never by a mailbox alone.
 */
export async function requestPasswordReset(deps: ResetDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email.trim());
  if (!user?.email || !user.password_hash || !STAFF_ROLES.includes(user.role) || user.status === 'banned') return;
  const now = deps.now();
  const token = newToken();
  // The count and the insert in one transaction, the user's row locked on PostgreSQL, so parallel requests cannot all pass the cap.
  const allowed = await deps.db.transaction().execute(async (trx) => {
    let lock = trx.selectFrom('users').select('id').where('id', '=', user.id);
    if (deps.dialect === 'postgres') lock = lock.forUpdate();
    await lock.execute();
    const recent = await trx
      .selectFrom('password_resets')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .where('created_at', '>', addSeconds(now, -3600).toISOString())
      .execute();
    if (recent.length >= RESETS_PER_HOUR) return false;
    await trx.deleteFrom('password_resets').where('expires_at', '<', addSeconds(now, -86400).toISOString()).execute();
    await trx
      .insertInto('password_resets')
      .values({ token_hash: hashToken(token), user_id: user.id, created_at: now.toISOString(), expires_at: addSeconds(now, RESET_MINUTES * 60).toISOString() })
      .execute();
    return true;
  });
  if (!allowed) {
    deps.log.info({ userId: user.id }, 'password reset not mailed: too many asked for this hour');
    return;
  }
  const link = `${deps.baseUrl}/login/reset/${token}`;
  const site = deps.siteName;
  await deps.mailer.send({
    to: user.email,
    subject: `Reset your password for ${site}`,
    text: `Someone asked to reset the password of your ${site} account.\n\nOpen this link to choose a new one:\n\n${link}\n\nIt works once, for ${RESET_MINUTES} minutes. If it was not you, ignore this mail: your password stays as it is.\n`,
    html: `<p>Someone asked to reset the password of your ${escapeHtml(site)} account.</p><p><a href="${escapeHtml(link)}">Choose a new password</a></p><p>It works once, for ${RESET_MINUTES} minutes. If it was not you, ignore this mail: your password stays as it is.</p>`,
  });
}

/** The account a reset link is for, while it can still be used. */
export async function openReset(deps: Pick<ResetDeps, 'db' | 'now'>, token: string): Promise<{ userId: string; email: string }> {
  const row = await deps.db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['users.id', 'users.email', 'users.role'])
    .where('password_resets.token_hash', '=', hashToken(token))
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', deps.now().toISOString())
    .executeTakeFirst();
  if (!row?.email || !STAFF_ROLES.includes(row.role)) throw accountErrors.raise('RESET_INVALID');
  return { userId: row.id, email: row.email };
}

/**
 * Spends a reset link and sets the new password. Every other reset link of the account is spent with
 * it, every session ends (whoever asked may be the one who stole a session), and any sign-in lock on
 * the address is lifted: the owner just proved they hold the mailbox.
 */
export async function resetPassword(deps: Pick<ResetDeps, 'db' | 'now'>, token: string, password: string, passwordConfirm?: string): Promise<string> {
  checkNewPassword(password, passwordConfirm);
  const { userId, email } = await openReset(deps, token);
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('password_resets')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) throw accountErrors.raise('RESET_INVALID');
    await trx.updateTable('password_resets').set({ used_at: now.toISOString() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now.toISOString() }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  });
  await clearLoginLimit(deps.db, email, now, 'password reset');
  return userId;
}
