/**
 * Every route that takes a request body, with a valid body to bend out of shape. `valid` is sent last
 * and must succeed (so the hostile cases fail for their hostility, not for a wrong table); keys in
 * `required` are left out one at a time; every key of `valid` gets values of the wrong type; keys whose
 * valid value is a number, or that `numbers` lists, get huge and odd numbers. Routes with `valid: null` take no
 * input (delete, publish, react): they get only malformed JSON and an oversized body.
 */
export type Actor = 'admin' | 'guest' | 'author' | 'reader' | 'anonymous' | 'leaving';

export interface Ids {
  slug: string;
  articleId: string;
  scratchArticleId: string;
  topicId: string;
  staffId: string;
  commentId: string;
  ownCommentId: string;
  driveId: string;
  donationId: string;
  /** A monthly demo gift the signed-in reader gave, for the donor's own page. */
  readerGiftId: string;
  loginEmail: string;
  loginPassword: string;
  /** Emailed one-time tokens, for the password-reset and invitation forms. */
  resetToken: string;
  inviteToken: string;
  readerId: string;
  /** Comments for the moderation rows: two held, two published. */
  heldIds: [string, string];
  publishedIds: [string, string];
}

export interface HostileRow {
  method: 'POST' | 'PATCH' | 'DELETE';
  route: string;
  url: (ids: Ids) => string;
  as: Actor;
  valid: ((ids: Ids) => Record<string, unknown>) | null;
  required?: string[];
  /** Keys that hold numbers (as JSON numbers or numeric text): they also get huge and odd numbers. */
  numbers?: string[];
  /** Form routes may answer a refused submission with the form again (HTML) instead of JSON. */
  html?: true;
  /** Form routes that answer a refused action with a redirect back carrying `error=CODE`. */
  redirectsErrors?: true;
}

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const commentSettings = {
  guestsAllowed: '1', maxLength: '5000', editWindowMinutes: '15', autoCloseDays: '14', embedOrigins: '',
  postsPerMinutePerIp: '1000', postsPerMinutePerReader: '1000',
};

export const HOSTILE_TABLE: HostileRow[] = [
  { method: 'POST', route: '/auth/magic-link', url: () => '/auth/magic-link', as: 'anonymous', valid: () => ({ email: 'valid.reader@readers.test' }), required: ['email'], html: true },
  { method: 'POST', route: '/api/auth/magic-link', url: () => '/api/auth/magic-link', as: 'anonymous', valid: () => ({ email: 'api.reader@readers.test' }), required: ['email'] },
  { method: 'POST', route: '/login', url: () => '/login', as: 'anonymous', valid: (ids) => ({ email: ids.loginEmail, password: ids.loginPassword }), required: ['email', 'password'] },
  { method: 'POST', route: '/logout', url: () => '/logout', as: 'anonymous', valid: null },
  // Not a staff address, so the reset mailed after the answer writes nothing while later rows count tables.
  { method: 'POST', route: '/login/forgot', url: () => '/login/forgot', as: 'anonymous', valid: () => ({ email: 'no.account@readers.test' }), required: ['email'], html: true },
  {
    method: 'POST', route: '/login/reset/:token', url: (ids) => `/login/reset/${ids.resetToken}`, as: 'anonymous',
    valid: () => ({ password: 'a-reset-long-password', passwordConfirm: 'a-reset-long-password' }), required: ['password'], html: true,
  },
  {
    method: 'POST', route: '/invite/:token', url: (ids) => `/invite/${ids.inviteToken}`, as: 'anonymous',
    valid: () => ({ displayName: 'Invited Probe', password: 'an-invited-long-password', passwordConfirm: 'an-invited-long-password' }), required: ['password'], html: true,
  },
  {
    method: 'POST', route: '/admin/account/password', url: () => '/admin/account/password', as: 'admin',
    valid: () => ({ currentPassword: 'correct horse battery staple', password: 'a-changed-long-password', passwordConfirm: 'a-changed-long-password' }),
    required: ['currentPassword', 'password'], html: true,
  },
  { method: 'POST', route: '/admin/account/sessions/:handle/revoke', url: () => '/admin/account/sessions/nosuchsession/revoke', as: 'admin', valid: null },
  { method: 'POST', route: '/admin/account/sessions/revoke-others', url: () => '/admin/account/sessions/revoke-others', as: 'admin', valid: null },
  // Two-factor setup, in this order: the app's setup starts, then is cancelled; the admin has no second factor.
  { method: 'POST', route: '/admin/account/two-factor/totp', url: () => '/admin/account/two-factor/totp', as: 'admin', valid: () => ({}), html: true },
  { method: 'POST', route: '/admin/account/two-factor/totp/delete', url: () => '/admin/account/two-factor/totp/delete', as: 'admin', valid: () => ({}), html: true },
  { method: 'POST', route: '/admin/account/two-factor/recovery-codes', url: () => '/admin/account/two-factor/recovery-codes', as: 'admin', valid: () => ({}), html: true },
  { method: 'POST', route: '/admin/account/two-factor/passkeys/options', url: () => '/admin/account/two-factor/passkeys/options', as: 'admin', valid: () => ({}) },
  { method: 'POST', route: '/account', url: () => '/account', as: 'reader', valid: () => ({ displayName: 'Rhea Formfield' }), html: true },
  { method: 'PATCH', route: '/api/account', url: () => '/api/account', as: 'reader', valid: () => ({ displayName: 'Rhea Renamed', notifyReplies: true }) },
  { method: 'POST', route: '/notifications/unsubscribe', url: () => '/notifications/unsubscribe?token=forged', as: 'anonymous', valid: null },

  { method: 'POST', route: '/admin/articles', url: () => '/admin/articles', as: 'admin', valid: () => ({ action: 'save', title: 'A valid draft', body: 'Body.' }), required: ['title'], html: true },
  { method: 'POST', route: '/admin/articles/:id', url: (ids) => `/admin/articles/${ids.scratchArticleId}`, as: 'admin', valid: () => ({ action: 'save', title: 'Scratch, edited', body: 'Body.' }), required: ['title'], html: true },
  { method: 'POST', route: '/admin/articles/:id/delete', url: (ids) => `/admin/articles/${ids.scratchArticleId}/delete`, as: 'admin', valid: null },
  { method: 'POST', route: '/admin/topics', url: () => '/admin/topics', as: 'admin', valid: () => ({ name: 'A valid topic' }), required: ['name'], html: true },
  { method: 'POST', route: '/admin/topics/:id', url: (ids) => `/admin/topics/${ids.topicId}`, as: 'admin', valid: () => ({ name: 'A renamed topic' }), html: true },
  { method: 'POST', route: '/admin/topics/:id/delete', url: (ids) => `/admin/topics/${ids.topicId}/delete`, as: 'admin', valid: null },
  {
    method: 'POST', route: '/admin/users', url: () => '/admin/users', as: 'admin',
    valid: () => ({ email: 'new.moderator@tribune.test', displayName: 'New Moderator', role: 'moderator', password: 'a-long-enough-password' }),
    required: ['email', 'role', 'password'], html: true,
  },
  { method: 'POST', route: '/admin/users/:id/role', url: (ids) => `/admin/users/${ids.staffId}/role`, as: 'admin', valid: () => ({ role: 'editor' }), required: ['role'], html: true },
  { method: 'POST', route: '/admin/users/:id/remove', url: (ids) => `/admin/users/${ids.staffId}/remove`, as: 'admin', valid: null },
  { method: 'POST', route: '/admin/users/:id/sign-out', url: (ids) => `/admin/users/${ids.staffId}/sign-out`, as: 'admin', valid: null },
  { method: 'POST', route: '/admin/users/:id/reset-two-factor', url: (ids) => `/admin/users/${ids.staffId}/reset-two-factor`, as: 'admin', valid: null },
  {
    method: 'POST', route: '/admin/users/invites', url: () => '/admin/users/invites', as: 'admin',
    valid: () => ({ email: 'invite.probe@tribune.test', displayName: 'Invite Probe', role: 'editor' }), required: ['email', 'role'], html: true,
  },
  { method: 'POST', route: '/admin/users/invites/:id/resend', url: () => '/admin/users/invites/doesnotexist0000/resend', as: 'admin', valid: null },
  { method: 'POST', route: '/admin/users/invites/:id/revoke', url: () => '/admin/users/invites/doesnotexist0000/revoke', as: 'admin', valid: null },
  { method: 'POST', route: '/admin/settings/:id', url: () => '/admin/settings/comments', as: 'admin', valid: () => ({ ...commentSettings }), required: ['maxLength', 'editWindowMinutes'], html: true,
    numbers: ['maxLength', 'editWindowMinutes', 'autoCloseDays', 'postsPerMinutePerIp', 'postsPerMinutePerReader'] },
  { method: 'POST', route: '/admin/settings/learning/reset', url: () => '/admin/settings/learning/reset', as: 'admin', valid: null },
  // The demo site has no unmatched imported threads to attach; src/transfer/stubs.test.ts covers the body.
  { method: 'POST', route: '/admin/imported-threads/:id/attach', url: (ids) => `/admin/imported-threads/${ids.scratchArticleId}/attach`, as: 'admin', valid: null },
  {
    method: 'POST', route: '/admin/donations/drives', url: () => '/admin/donations/drives', as: 'admin',
    valid: () => ({ title: 'A scratch drive', goalMinor: 100_000, currency: 'USD', period: 'monthly' }), required: ['title', 'goalMinor'],
  },
  {
    method: 'POST', route: '/admin/donations/drives/:id', url: (ids) => `/admin/donations/drives/${ids.driveId}`, as: 'admin',
    valid: () => ({ title: 'Keep local news free', goalMinor: 470_000, currency: 'USD', period: 'monthly' }), required: ['title', 'goalMinor'],
  },
  { method: 'POST', route: '/admin/donations/drives/:id/current', url: (ids) => `/admin/donations/drives/${ids.driveId}/current`, as: 'admin', valid: null },
  { method: 'POST', route: '/admin/donations/drives/:id/delete', url: (ids) => `/admin/donations/drives/${ids.driveId}/delete`, as: 'admin', valid: null },
  { method: 'POST', route: '/admin/donations/donations/:id/wall', url: (ids) => `/admin/donations/donations/${ids.donationId}/wall`, as: 'admin', valid: null },
  {
    method: 'POST', route: '/admin/donations/ledger', url: () => '/admin/donations/ledger', as: 'admin',
    valid: (ids) => ({ driveId: ids.driveId, amount: '12.50', kind: 'payment', note: 'Bank transfer', publicName: 'Bank donor' }), required: ['driveId', 'amount', 'note'], numbers: ['amount'],
  },
  {
    method: 'POST', route: '/admin/donations/settings', url: () => '/admin/donations/settings', as: 'admin',
    valid: () => ({ currency: 'USD', presetAmounts: '5 10 25 50', minimumAmount: '1', maximumAmount: '10000' }), required: ['currency', 'presetAmounts', 'minimumAmount'], numbers: ['minimumAmount', 'maximumAmount'],
  },

  { method: 'POST', route: '/api/admin/articles', url: () => '/api/admin/articles', as: 'admin', valid: () => ({ title: 'From the API', body: 'Body.', commentsCloseAfterDays: 7 }), required: ['title'] },
  { method: 'PATCH', route: '/api/admin/articles/:id', url: (ids) => `/api/admin/articles/${ids.scratchArticleId}`, as: 'admin', valid: () => ({ title: 'Patched from the API', commentsCloseAfterDays: 3 }) },
  { method: 'DELETE', route: '/api/admin/articles/:id', url: (ids) => `/api/admin/articles/${ids.scratchArticleId}`, as: 'admin', valid: null },
  { method: 'POST', route: '/api/admin/articles/:id/publish', url: (ids) => `/api/admin/articles/${ids.scratchArticleId}/publish`, as: 'admin', valid: null },
  { method: 'POST', route: '/api/admin/articles/:id/schedule', url: (ids) => `/api/admin/articles/${ids.scratchArticleId}/schedule`, as: 'admin', valid: () => ({ publishedAt: future() }), required: ['publishedAt'] },
  { method: 'POST', route: '/api/admin/articles/:id/unpublish', url: (ids) => `/api/admin/articles/${ids.scratchArticleId}/unpublish`, as: 'admin', valid: null },
  { method: 'POST', route: '/api/admin/preview', url: () => '/api/admin/preview', as: 'admin', valid: () => ({ body: '**Preview**' }), required: ['body'] },
  { method: 'POST', route: '/api/admin/topics', url: () => '/api/admin/topics', as: 'admin', valid: () => ({ name: 'An API topic' }), required: ['name'] },
  { method: 'PATCH', route: '/api/admin/topics/:id', url: (ids) => `/api/admin/topics/${ids.topicId}`, as: 'admin', valid: () => ({ name: 'An API topic, renamed' }) },
  { method: 'DELETE', route: '/api/admin/topics/:id', url: (ids) => `/api/admin/topics/${ids.topicId}`, as: 'admin', valid: null },

  {
    method: 'POST', route: '/api/articles/:article/comments', url: (ids) => `/api/articles/${ids.slug}/comments`, as: 'guest',
    valid: () => ({ text: 'A perfectly ordinary comment.', name: 'Valerie Guest' }), required: ['text', 'name'],
  },
  { method: 'PATCH', route: '/api/comments/:id', url: (ids) => `/api/comments/${ids.ownCommentId}`, as: 'author', valid: () => ({ text: 'Thanks for publishing the full sampling data, it was easy to follow.' }), required: ['text'] },
  { method: 'DELETE', route: '/api/comments/:id', url: (ids) => `/api/comments/${ids.ownCommentId}`, as: 'author', valid: null },
  { method: 'POST', route: '/api/comments/:id/reactions', url: (ids) => `/api/comments/${ids.commentId}/reactions`, as: 'guest', valid: null },
  { method: 'POST', route: '/api/comments/:id/flags', url: (ids) => `/api/comments/${ids.commentId}/flags`, as: 'guest', valid: () => ({ reason: 'spam', note: 'Looks like an ad.' }), required: ['reason'] },
  { method: 'POST', route: '/comments', url: () => '/comments', as: 'guest', valid: (ids) => ({ article: ids.slug, text: 'Posted through the form route.', name: 'Fiona Form' }), required: ['article', 'text', 'name'] },
  { method: 'POST', route: '/comments/:id/edit', url: (ids) => `/comments/${ids.ownCommentId}/edit`, as: 'author', valid: () => ({ text: 'Thanks again for the clear charts and the sources.' }), required: ['text'] },
  { method: 'POST', route: '/comments/:id/delete', url: (ids) => `/comments/${ids.ownCommentId}/delete`, as: 'author', valid: null },
  { method: 'POST', route: '/comments/:id/react', url: (ids) => `/comments/${ids.commentId}/react`, as: 'guest', valid: null },
  { method: 'POST', route: '/comments/:id/flag', url: (ids) => `/comments/${ids.commentId}/flag`, as: 'guest', valid: () => ({ reason: 'abusive' }), required: ['reason'] },
  {
    method: 'POST', route: '/admin/moderation/comments/:id/:action', url: (ids) => `/admin/moderation/comments/${ids.heldIds[0]}/approve`, as: 'admin',
    valid: () => ({ note: 'Fine on a second read.', returnTo: '/admin/moderation' }), redirectsErrors: true,
  },
  {
    method: 'POST', route: '/admin/moderation/readers/:id/:action', url: (ids) => `/admin/moderation/readers/${ids.readerId}/suspend`, as: 'admin',
    valid: () => ({ reason: 'A day to cool off.', days: '1' }), numbers: ['days'], redirectsErrors: true,
  },
  { method: 'POST', route: '/admin/moderation/bulk', url: () => '/admin/moderation/bulk', as: 'admin', valid: (ids) => ({ action: 'approve', ids: [ids.heldIds[1]] }), required: ['action', 'ids'], redirectsErrors: true },
  {
    method: 'POST', route: '/api/admin/moderation/comments/:id/:action', url: (ids) => `/api/admin/moderation/comments/${ids.publishedIds[0]}/reject`, as: 'admin',
    valid: () => ({ reason: 'Off-topic.' }),
  },
  { method: 'POST', route: '/api/admin/moderation/bulk', url: () => '/api/admin/moderation/bulk', as: 'admin', valid: (ids) => ({ action: 'reject', ids: [ids.publishedIds[1]], reason: 'Spam.' }), required: ['action', 'ids'] },
  { method: 'POST', route: '/api/admin/moderation/readers/:id/:action', url: (ids) => `/api/admin/moderation/readers/${ids.readerId}/warn`, as: 'admin', valid: () => ({ reason: 'Please keep it civil.' }) },
  { method: 'POST', route: '/account/delete', url: () => '/account/delete', as: 'leaving', valid: () => ({ confirm: 'yes' }), required: ['confirm'] },
  // The donor's own page, as the reader who gave: cancelling last, since a cancelled gift takes no more changes.
  { method: 'POST', route: '/donate/manage/gifts/:id/amount', url: (ids) => `/donate/manage/gifts/${ids.readerGiftId}/amount`, as: 'reader', valid: () => ({ amount: '30' }), numbers: ['amount'] },
  { method: 'POST', route: '/donate/manage/gifts/:id/pause', url: (ids) => `/donate/manage/gifts/${ids.readerGiftId}/pause`, as: 'reader', valid: () => ({}) },
  { method: 'POST', route: '/donate/manage/gifts/:id/resume', url: (ids) => `/donate/manage/gifts/${ids.readerGiftId}/resume`, as: 'reader', valid: () => ({}) },
  { method: 'POST', route: '/donate/manage/gifts/:id/wall', url: (ids) => `/donate/manage/gifts/${ids.readerGiftId}/wall`, as: 'reader', valid: () => ({ show: '1', publicName: 'Rhea' }) },
  { method: 'POST', route: '/donate/manage/gifts/:id/cancel', url: (ids) => `/donate/manage/gifts/${ids.readerGiftId}/cancel`, as: 'reader', valid: () => ({}) },
  { method: 'POST', route: '/donate/demo', url: () => '/donate/demo', as: 'anonymous', valid: () => ({ amount: 2500, customAmount: '', frequency: 'once', publicName: 'Dora', message: 'Thanks' }), required: ['amount'], numbers: ['customAmount'] },
  // Last, and in this order: closing the lead article's comments is undone by the next row.
  { method: 'POST', route: '/api/admin/moderation/comments/:id/feature', url: (ids) => `/api/admin/moderation/comments/${ids.commentId}/feature`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }) },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/unfeature', url: (ids) => `/api/admin/moderation/comments/${ids.commentId}/unfeature`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }) },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/close-comments', url: (ids) => `/api/admin/moderation/comments/${ids.commentId}/close-comments`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }) },
  { method: 'POST', route: '/api/admin/moderation/comments/:id/open-comments', url: (ids) => `/api/admin/moderation/comments/${ids.commentId}/open-comments`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }) },
  { method: 'POST', route: '/admin/moderation/comments/:id/feature', url: (ids) => `/admin/moderation/comments/${ids.commentId}/feature`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }), redirectsErrors: true },
  { method: 'POST', route: '/admin/moderation/comments/:id/unfeature', url: (ids) => `/admin/moderation/comments/${ids.commentId}/unfeature`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }), redirectsErrors: true },
  { method: 'POST', route: '/admin/moderation/comments/:id/close-comments', url: (ids) => `/admin/moderation/comments/${ids.commentId}/close-comments`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }), redirectsErrors: true },
  { method: 'POST', route: '/admin/moderation/comments/:id/open-comments', url: (ids) => `/admin/moderation/comments/${ids.commentId}/open-comments`, as: 'admin', valid: () => ({ returnTo: '/admin/moderation' }), redirectsErrors: true },
];

/** Routes tested elsewhere, with the reason. */
export const HOSTILE_ELSEWHERE: Record<string, string> = {
  'POST /admin/account/two-factor/totp/confirm': 'a valid body needs a code from a fresh secret: src/accounts/two-factor/hostile.test.ts',
  'POST /admin/account/two-factor/passkeys': 'a valid body needs an authenticator: src/accounts/two-factor/hostile.test.ts, and test/e2e/two-factor.e2e.ts in Chromium',
  'POST /admin/account/two-factor/passkeys/:id/delete': 'needs a registered passkey: src/accounts/two-factor/hostile.test.ts, and test/e2e/two-factor.e2e.ts in Chromium',
  'POST /login/two-factor': 'needs a pending sign-in (password step first) and a code: src/accounts/two-factor/hostile.test.ts',
  'POST /login/two-factor/recovery': 'needs a pending sign-in (password step first): src/accounts/two-factor/hostile.test.ts',
  'POST /login/two-factor/passkey/options': 'needs a pending sign-in of a passkey user: src/accounts/two-factor/hostile.test.ts',
  'POST /login/two-factor/passkey': 'needs a pending sign-in and an authenticator: src/accounts/two-factor/hostile.test.ts, and test/e2e/two-factor.e2e.ts in Chromium',
  'POST /donate': 'needs a payment provider: covered by the fake-Stripe block in hostile-json.e2e.ts',
  'POST /donate/manage/portal': 'needs a payment provider: src/donations/portal-webhooks.test.ts against the fake Stripe',
  'POST /donate/manage/link': 'limited to 5 per 10 minutes per address, fewer than the hostile cases: src/donations/donor-page.test.ts',
  'POST /donate/manage/statement': 'limited to 5 per 10 minutes per address, fewer than the hostile cases: src/donations/donor-page.test.ts',
  'POST /admin/media': 'hostile JSON on every media route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/media/media.test.ts (valid uploads, stored state)',
  'POST /admin/media/:id': 'hostile JSON on every media route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/media/media.test.ts (valid uploads, stored state)',
  'POST /admin/media/:id/delete': 'hostile JSON on every media route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/media/media.test.ts (valid uploads, stored state)',
  'POST /api/admin/media': 'hostile JSON on every media route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/media/media.test.ts (valid uploads, stored state)',
  'PATCH /api/admin/media/:id': 'hostile JSON on every media route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/media/media.test.ts (valid uploads, stored state)',
  'DELETE /api/admin/media/:id': 'hostile JSON on every media route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/media/media.test.ts (valid uploads, stored state)',
  'POST /admin/newsletters': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /admin/newsletters/sends': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /admin/newsletters/sends/:id': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /admin/newsletters/sends/:id/test': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /admin/newsletters/sends/:id/schedule': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /admin/newsletters/sends/:id/cancel': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /admin/newsletters/:id/archive': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /account/newsletters': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /newsletters/subscribe': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /newsletters/unsubscribe': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /newsletters/preferences': 'hostile JSON on every newsletters route: src/route-fuzz.test.ts (all routes, {error, message} below 500) and src/newsletters/newsletters.test.ts (valid bodies, stored state)',
  'POST /api/donations/stripe/webhook': 'signed raw body: covered by the fake-Stripe block in hostile-json.e2e.ts and test/faults/webhook.fault.ts',
};
