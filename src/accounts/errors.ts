import { defineErrors } from '../errors.js';

export const accountErrors = defineErrors({
  LOGIN_FAILED: { status: 401, message: 'Email or password is wrong.' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists.' },
  WEAK_PASSWORD: { status: 400, message: 'The password needs at least 10 characters.' },
  INVALID_ROLE: { status: 400, message: 'The role must be admin, editor or moderator.' },
  USER_NOT_FOUND: { status: 404, message: 'No such user.' },
  LAST_ADMIN: { status: 409, message: 'The last admin cannot be removed or demoted.' },
  ACCOUNT_LOCKED: { status: 429, message: 'Too many failed sign-ins for this account, so it is locked for sign-in for a while. Try again later, or reset your password.' },
  PASSWORDS_DIFFER: { status: 400, message: 'The two new passwords are not the same.' },
  CURRENT_PASSWORD_WRONG: { status: 400, message: 'Your current password is wrong.' },
  STAFF_NAME_INVALID: { status: 400, message: 'A name needs 1 to 100 characters, without control characters.' },
  INVITE_INVALID: { status: 400, message: 'This invitation has expired, was withdrawn or was already used. Ask an admin to send a new one.' },
  INVITE_NOT_FOUND: { status: 404, message: 'No such pending invitation.' },
  RESET_INVALID: { status: 400, message: 'This password-reset link has expired or was already used. Ask for a new one.' },
  SESSION_NOT_FOUND: { status: 404, message: 'No such session.' },
});
