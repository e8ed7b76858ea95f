import { defineErrors } from '../../errors.js';

export const twoFactorErrors = defineErrors({
  TWO_FACTOR_CODE_WRONG: { status: 401, message: 'That code is not right. Check the time on your phone and try the newest code.' },
  TWO_FACTOR_CODE_USED: { status: 401, message: 'That code was already used. Wait for the next one.' },
  TWO_FACTOR_LOCKED: { status: 429, message: 'Too many wrong codes. Wait 15 minutes, or use a recovery code or a passkey.' },
  TWO_FACTOR_RECOVERY_WRONG: { status: 401, message: 'That recovery code is not right, or was used already.' },
  TWO_FACTOR_SIGN_IN_EXPIRED: { status: 401, message: 'This sign-in expired or was already finished. Sign in again with your password.' },
  TWO_FACTOR_ATTEMPTS_EXHAUSTED: { status: 401, message: 'Too many wrong attempts. Sign in again with your password.' },
  TWO_FACTOR_METHOD_UNAVAILABLE: { status: 400, message: 'This account does not use that kind of second step.' },
  TWO_FACTOR_ALREADY_ON: { status: 409, message: 'The authenticator app is already set up. Remove it first to set up another.' },
  TWO_FACTOR_NOT_STARTED: { status: 409, message: 'Start setting up the authenticator app first.' },
  TWO_FACTOR_CONFIRM_FAILED: { status: 401, message: 'Enter your password, or a current code from your authenticator app.' },
  TWO_FACTOR_LAST_METHOD: {
    status: 409,
    message: 'This site requires two-factor sign-in for staff. Add another method before removing this one.',
  },
  TWO_FACTOR_SETUP_REQUIRED: { status: 403, message: 'This site requires two-factor sign-in for staff. Set it up first.' },
  TWO_FACTOR_NOT_ON: { status: 409, message: 'Two-factor sign-in is not on for this account.' },
  PASSKEY_FAILED: { status: 400, message: 'The passkey could not be checked. Try again.' },
  PASSKEY_NOT_FOUND: { status: 404, message: 'No such passkey on this account.' },
  PASSKEY_NAME_INVALID: { status: 400, message: 'Give the passkey a name of 1 to 60 characters.' },
  PASSKEY_EXISTS: { status: 409, message: 'This passkey is already registered.' },
});
