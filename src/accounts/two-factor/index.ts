export { twoFactorErrors } from './errors.js';
export { TWO_FACTOR_SETUP_PATH, TWO_FACTOR_SIGN_IN_PATH } from './paths.js';
export { divertToSecondStep, staffNeedsTwoFactor } from './sign-in-step.js';
export { securitySettingsSection } from './settings-section.js';
export { twoFactorSetupRoutes } from './setup-routes.js';
export { twoFactorSignInRoutes } from './sign-in-routes.js';
export { resetTwoFactor, twoFactorStatus, type TwoFactorStatus } from './service.js';
