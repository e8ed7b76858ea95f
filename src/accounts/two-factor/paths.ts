/** Where staff set up their second factor; the admin guard sends staff here when the site requires it. */
export const TWO_FACTOR_SETUP_PATH = '/admin/account/two-factor';
/** The second step of signing in, after the password. */
export const TWO_FACTOR_SIGN_IN_PATH = '/login/two-factor';
