import { accountErrors } from './errors.js';
import { limitedPasswordCheck, type LoginLimitDeps } from './login-limits.js';
import { checkNewPassword, hashPassword } from './passwords.js';
import { findUserById, STAFF_ROLES } from './queries.js';
import { checkPassword } from './service.js';
import { endUserSessions } from './sessions.js';

export interface ChangePasswordInput {
  userId: string;
  /** The stored id of the session making the change: it stays signed in, every other one ends. */
  sessionId: string;
  currentPassword: string;
  password: string;
  passwordConfirm?: string;
  ip: string;
}

/**
 * Changes a staff member's password. The current one is checked under the same per-account limit as
 * signing in, so a stolen session cannot be used to guess it.
 */
export async function changePassword(deps: LoginLimitDeps, input: ChangePasswordInput): Promise<void> {
  const user = await findUserById(deps.db, input.userId);
  if (!user?.email || !user.password_hash || !STAFF_ROLES.includes(user.role)) throw accountErrors.raise('USER_NOT_FOUND');
  checkNewPassword(input.password, input.passwordConfirm);
  try {
    await limitedPasswordCheck(deps, { email: user.email, ip: input.ip, userId: user.id }, () => checkPassword(user.password_hash, input.currentPassword));
  } catch (error) {
    if ((error as { code?: string }).code === 'LOGIN_FAILED') throw accountErrors.raise('CURRENT_PASSWORD_WRONG', undefined, 'currentPassword');
    throw error;
  }
  const passwordHash = await hashPassword(input.password);
  await deps.db.updateTable('users').set({ password_hash: passwordHash, updated_at: deps.now().toISOString() }).where('id', '=', user.id).execute();
  await endUserSessions(deps.db, user.id, input.sessionId);
}
