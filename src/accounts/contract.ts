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
