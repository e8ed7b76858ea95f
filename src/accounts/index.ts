export { accountErrors } from './errors.js';
export { csrfToken, requireRole, requireViewer, sessionPlugin, setSessionCookie, wantsHtml } from './http.js';
export { accountRoutes as accountsPlugin } from './routes.js';
export { STAFF_ROLES, findUserById, findUserByEmail, listStaff } from './queries.js';
export { listMemberAccounts, type MemberAccount } from './people.js';
export { createStaffUser, startSession, type Viewer } from './service.js';
export { hashPasswordsCheaplyInTests } from './passwords.js';
export { changeStaffRole, removeStaff, signOutStaffEverywhere } from './staff.js';
export { INVITE_DAYS, inviteStaff, listPendingInvites, resendInvite, revokeInvite, type PendingInvite } from './invites.js';
export { signInCompleter, type CompleteSignIn } from './sign-in.js';
export { sessionIdOf } from './http.js';
export { readerRoutes } from './reader-routes.js';
export {
  nameSkeleton, normaliseEmail, readerErrors, readerProfile, unsubscribeToken, updateReaderProfile, validateDisplayName, verifyUnsubscribeToken,
  type ReaderProfile,
} from './readers.js';
export { consumeMagicLink, requestMagicLink, MAGIC_LINK_MINUTES } from './magic-links.js';
export { effectiveStatus, findReaderStanding, findReaderStandings, setReaderStanding, type ReaderStanding, type StandingChange } from './reader-moderation.js';
export {
  resetTwoFactor, securitySettingsSection, staffNeedsTwoFactor, twoFactorSetupRoutes, twoFactorSignInRoutes,
} from './two-factor/index.js';
export { usersRoutes } from './users-routes.js';
// What imports and data-rights tools write and read (src/transfer), as one contract.
export * from './reader-data.js';
// The domain's contract (contract.ts): what routes, other domains and client/ rely on.
export { accountChangesBody, profileResponse } from './contract.js';
