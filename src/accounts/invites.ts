import type { Kysely } from 'kysely';
import { newId, newToken } from '../db/ids.js';
import type { Database, Role } from '../db/schema.js';
import { addSeconds } from '../db/time.js';
import type { Mailer } from '../mail/index.js';
import { escapeHtml } from '../web/html.js';
import { accountErrors } from './errors.js';
import { checkNewPassword, hashPassword } from './passwords.js';
import { STAFF_ROLES } from './queries.js';
import { normaliseEmail } from './readers.js';
import { hashToken } from './service.js';

export const INVITE_DAYS = 7;

export interface InviteDeps {
  db: Kysely<Database>;
  now: () => Date;
  mailer: Mailer;
  baseUrl: string;
  siteName: string;
}

export interface PendingInvite {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
}

export const ROLE_WORDS: Record<string, string> = { admin: 'an admin', editor: 'an editor', moderator: 'a moderator' };

/** A staff name as shown in bylines: 1–100 characters, white space folded, no control characters. */
export function checkStaffName(raw: string): string {
  const name = raw.replace(/\s+/gu, ' ').trim();
  const length = [...name].length;
  if (length < 1 || length > 100 || /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(name)) throw accountErrors.raise('STAFF_NAME_INVALID', undefined, 'displayName');
  return name;
}

/** Someone who already signs in with a password here is staff already; a reader or a password-less imported author may be invited. */
async function assertInvitable(db: Kysely<Database>, email: string): Promise<void> {
  const user = await db.selectFrom('users').select(['role', 'password_hash']).where('email', '=', email).executeTakeFirst();
  if (user && STAFF_ROLES.includes(user.role) && user.password_hash) {
    throw accountErrors.raise('EMAIL_TAKEN', 'This address already belongs to a member of staff.', 'email');
  }
}

/**
 * Invites someone to the staff by email: a one-time link, valid for a week, to set a password. An
 * earlier pending invitation for the same address is withdrawn, so only the newest link works.
 */
export async function inviteStaff(deps: InviteDeps, input: { email: string; role: string; displayName?: string; invitedBy: string }): Promise<string> {
  const email = normaliseEmail(input.email);
  if (!STAFF_ROLES.includes(input.role as Role)) throw accountErrors.raise('INVALID_ROLE', undefined, 'role');
  const displayName = input.displayName?.trim() ? checkStaffName(input.displayName) : '';
  await assertInvitable(deps.db, email);
  const now = deps.now();
  const token = newToken();
  const id = newId(now);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_invites').set({ revoked_at: now.toISOString() }).where('email', '=', email).where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
    await trx
      .insertInto('staff_invites')
      .values({
        id, token_hash: hashToken(token), email, role: input.role as Role, display_name: displayName, invited_by: input.invitedBy,
        created_at: now.toISOString(), sent_at: now.toISOString(), expires_at: addSeconds(now, INVITE_DAYS * 86400).toISOString(),
      })
      .execute();
  });
  await mailInvite(deps, { email, role: input.role }, token);
  return id;
}

/** Mails a pending invitation again with a new link (the old one stops working) and a new week. */
export async function resendInvite(deps: InviteDeps, inviteId: string): Promise<void> {
  const invite = await pendingById(deps.db, inviteId);
  await assertInvitable(deps.db, invite.email);
  const now = deps.now();
  const token = newToken();
  await deps.db
    .updateTable('staff_invites')
    .set({ token_hash: hashToken(token), sent_at: now.toISOString(), expires_at: addSeconds(now, INVITE_DAYS * 86400).toISOString() })
    .where('id', '=', inviteId)
    .execute();
  await mailInvite(deps, invite, token);
}

export async function revokeInvite(deps: Pick<InviteDeps, 'db' | 'now'>, inviteId: string): Promise<void> {
  await pendingById(deps.db, inviteId);
  await deps.db.updateTable('staff_invites').set({ revoked_at: deps.now().toISOString() }).where('id', '=', inviteId).where('accepted_at', 'is', null).execute();
}

/** Invitations neither accepted nor withdrawn, newest first; expired ones stay listed so they can be resent. */
export async function listPendingInvites(db: Kysely<Database>, now: Date): Promise<PendingInvite[]> {
  const rows = await db
    .selectFrom('staff_invites')
    .select(['id', 'email', 'role', 'display_name', 'sent_at', 'expires_at'])
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('sent_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id, email: row.email, role: row.role, displayName: row.display_name, sentAt: row.sent_at, expiresAt: row.expires_at,
    expired: row.expires_at <= now.toISOString(),
  }));
}

/** The invitation a link opens, while it can still be accepted. */
export async function openInvite(deps: Pick<InviteDeps, 'db' | 'now'>, token: string) {
  const invite = await deps.db
    .selectFrom('staff_invites')
    .select(['id', 'email', 'role', 'display_name'])
    .where('token_hash', '=', hashToken(token))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', deps.now().toISOString())
    .executeTakeFirst();
  if (!invite) throw accountErrors.raise('INVITE_INVALID');
  const existing = await deps.db.selectFrom('users').select('display_name').where('email', '=', invite.email).executeTakeFirst();
  return { ...invite, suggestedName: invite.display_name || existing?.display_name || invite.email.split('@')[0] };
}

/**
 * Spends an invitation and makes the staff account, in one transaction: the conditional update lets
 * exactly one of two racing requests win. A reader (or a password-less imported author) with the
 * address becomes staff in place, keeping their comments, and their earlier sessions end.
 */
export async function acceptInvite(deps: Pick<InviteDeps, 'db' | 'now'>, token: string, input: { displayName: string; password: string; passwordConfirm?: string }): Promise<string> {
  const displayName = checkStaffName(input.displayName);
  checkNewPassword(input.password, input.passwordConfirm);
  await openInvite(deps, token);
  const passwordHash = await hashPassword(input.password);
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('staff_invites')
      .set({ accepted_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) throw accountErrors.raise('INVITE_INVALID');
    const invite = await trx.selectFrom('staff_invites').select(['id', 'email', 'role']).where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('users').select(['id', 'role', 'password_hash']).where('email', '=', invite.email).executeTakeFirst();
    let userId: string;
    if (existing) {
      if (STAFF_ROLES.includes(existing.role) && existing.password_hash) throw accountErrors.raise('EMAIL_TAKEN', 'This address already belongs to a member of staff.');
      userId = existing.id;
      await trx
        .updateTable('users')
        .set({ role: invite.role, password_hash: passwordHash, display_name: displayName, status: 'active', suspended_until: null, updated_at: now })
        .where('id', '=', userId)
        .execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    } else {
      userId = newId(deps.now());
      await trx
        .insertInto('users')
        .values({ id: userId, email: invite.email, display_name: displayName, role: invite.role, password_hash: passwordHash, created_at: now, updated_at: now })
        .execute();
    }
    await trx.updateTable('staff_invites').set({ accepted_user_id: userId }).where('id', '=', invite.id).execute();
    return userId;
  });
}

async function pendingById(db: Kysely<Database>, inviteId: string) {
  const invite = await db
    .selectFrom('staff_invites')
    .select(['id', 'email', 'role'])
    .where('id', '=', inviteId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!invite) throw accountErrors.raise('INVITE_NOT_FOUND');
  return invite;
}

async function mailInvite(deps: InviteDeps, invite: { email: string; role: string }, token: string): Promise<void> {
  const link = `${deps.baseUrl}/invite/${token}`;
  const role = ROLE_WORDS[invite.role] ?? 'a member of staff';
  const site = deps.siteName;
  await deps.mailer.send({
    to: invite.email,
    subject: `You are invited to join ${site}`,
    text: `You are invited to join ${site} as ${role}.\n\nOpen this link to choose your password and sign in:\n\n${link}\n\nIt works once, for ${INVITE_DAYS} days. If you did not expect this, ignore this mail.\n`,
    html: `<p>You are invited to join ${escapeHtml(site)} as ${role}.</p><p><a href="${escapeHtml(link)}">Choose your password and sign in</a></p><p>It works once, for ${INVITE_DAYS} days. If you did not expect this, ignore this mail.</p>`,
  });
}
