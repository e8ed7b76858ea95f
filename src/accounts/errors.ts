import { defineErrors } from '../errors.js';

export const accountErrors = defineErrors({
  LOGIN_FAILED: { status: 401, message: 'Email or password is wrong.' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists.' },
  WEAK_PASSWORD: { status: 400, message: 'The password needs at least 10 characters.' },
  INVALID_ROLE: { status: 400, message: 'The role must be admin, editor or moderator.' },
  USER_NOT_FOUND: { status: 404, message: 'No such user.' },
  LAST_ADMIN: { status: 409, message: 'The last admin cannot be removed or demoted.' },
});
