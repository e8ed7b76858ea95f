// The accounts domain's public contract: the reader's own account as JSON (`/api/account`), and its errors.
import type { FromSchema } from 'json-schema-to-ts';
import type { Assert, Covers } from '../contract-types.js';
import type { ReaderProfile } from './readers.js';

export { accountErrors } from './errors.js';

export const accountChangesBody = {
  type: 'object',
  additionalProperties: false,
  properties: { displayName: { type: 'string', maxLength: 400 }, notifyReplies: { type: 'boolean' } },
} as const;

export const profileResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'email', 'displayName', 'notifyReplies', 'role'],
  properties: { id: { type: 'string' }, email: { type: ['string', 'null'] }, displayName: { type: 'string' }, notifyReplies: { type: 'boolean' }, role: { type: 'string' } },
} as const;

export type ProfileChecked = Assert<Covers<ReaderProfile, FromSchema<typeof profileResponse>>>;

/** `POST /api/auth/magic-link` (202): the same answer whether or not the address has an account. */
export const linkSentResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['ok', 'message'],
  properties: { ok: { type: 'boolean', const: true }, message: { type: 'string' } },
} as const;
/** A JSON action that has nothing to say but that it worked (`POST /notifications/unsubscribe`). */
export const okResponse = { type: 'object', additionalProperties: false, required: ['ok'], properties: { ok: { type: 'boolean', const: true } } } as const;

/** `POST /admin/account/two-factor/passkeys` (201): recovery codes when this passkey is the first second factor, else null. */
export const passkeyAddedResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['ok', 'recoveryCodes'],
  properties: { ok: { type: 'boolean', const: true }, recoveryCodes: { type: ['array', 'null'], items: { type: 'string' } } },
} as const;
/** `POST /login/two-factor/passkey`: signed in; where the browser goes next. */
export const secondStepDoneResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['ok', 'next'],
  properties: { ok: { type: 'boolean', const: true }, next: { type: 'string' } },
} as const;
export type PasskeyAdded = FromSchema<typeof passkeyAddedResponse>;
export type SecondStepDone = FromSchema<typeof secondStepDoneResponse>;

