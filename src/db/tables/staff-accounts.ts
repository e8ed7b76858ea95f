import type { Role } from './accounts.js';

/** An emailed invitation to join the staff: the link's token is stored only as a SHA-256. */
export interface StaffInvitesTable {
  id: string;
  token_hash: string;
  /** Lower-cased. */
  email: string;
  role: Role;
  /** The byline the admin suggested; the invitee may change it when accepting. */
  display_name: string;
  invited_by: string | null;
  created_at: string;
  /** When the current link was mailed: a resend replaces the token and moves this and `expires_at`. */
  sent_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}

/** A one-time password-reset link for a staff member, stored as a SHA-256 of its token. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/**
 * One failed (or still being checked) password sign-in. `account_key` is a SHA-256 of the typed
 * email, so addresses that have no account (or a password typed into the email field) are not kept.
 */
export interface LoginFailuresTable {
  id: string;
  account_key: string;
  ip: string;
  attempted_at: string;
}

/** An account locked for sign-in after too many failures: the record of it, kept after it ends. */
export interface LoginLockoutsTable {
  id: string;
  account_key: string;
  /** The account, when the email belongs to one. */
  user_id: string | null;
  failures: number;
  /** JSON list of the addresses the failures came from. */
  addresses: string;
  locked_at: string;
  locked_until: string;
  cleared_at: string | null;
  /** e.g. `password reset`. */
  cleared_reason: string | null;
}

export interface StaffAccountsTables {
  staff_invites: StaffInvitesTable;
  password_resets: PasswordResetsTable;
  login_failures: LoginFailuresTable;
  login_lockouts: LoginLockoutsTable;
}
