/** What the newsletters routes accept and answer (see /work/notes/contracts.md for the pattern). */
export { newsletterErrors } from './errors.js';

export const newsletterField = { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } }] } as const;
const csrfField = { type: 'string', maxLength: 200 } as const;

export const tokenQuery = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', maxLength: 400 }, newsletter: { type: 'string', maxLength: 100 }, send: { type: 'string', maxLength: 60 }, saved: { type: 'string', maxLength: 1 } },
} as const;

export const confirmQuery = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 2000 } } } as const;

export const subscribeBody = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', maxLength: 320 }, newsletter: newsletterField, placement: { type: 'string', maxLength: 20 }, _csrf: csrfField },
} as const;

/** RFC 8058's one-click body is `List-Unsubscribe=One-Click`; the page's button posts nothing. */
export const unsubscribeBody = { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', maxLength: 20 }, _csrf: csrfField } } as const;

export const choiceBody = { type: 'object', properties: { newsletter: newsletterField, _csrf: csrfField } } as const;

export const okResponse = { type: 'object', additionalProperties: false, required: ['ok'], properties: { ok: { type: 'boolean' } } } as const;
export const subscribeResponse = { type: 'object', additionalProperties: false, required: ['ok', 'confirmationSent'], properties: { ok: { type: 'boolean' }, confirmationSent: { type: 'boolean' } } } as const;
export const preferencesResponse = {
  type: 'object', additionalProperties: false, required: ['ok', 'newsletters'],
  properties: { ok: { type: 'boolean' }, newsletters: { type: 'array', items: { type: 'string' } } },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 60 } } } as const;
export const composeBody = {
  type: 'object',
  properties: {
    _csrf: csrfField,
    newsletterId: { type: 'string', maxLength: 60 },
    kind: { type: 'string', maxLength: 20 },
    articleIds: { anyOf: [{ type: 'string', maxLength: 60 }, { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 60 } }] },
    subject: { type: 'string', maxLength: 400 },
    intro: { type: 'string', maxLength: 10_000 },
  },
} as const;
export const newsletterBody = { type: 'object', properties: { _csrf: csrfField, name: { type: 'string', maxLength: 400 }, slug: { type: 'string', maxLength: 200 }, description: { type: 'string', maxLength: 2000 } } } as const;
export const archiveBody = { type: 'object', properties: { _csrf: csrfField, archived: { type: 'string', enum: ['0', '1'] } } } as const;
export const composeQuery = { type: 'object', properties: { article: { type: 'string', maxLength: 60 } } } as const;
export const sendQuery = { type: 'object', properties: { notice: { type: 'string', enum: ['test', 'saved', 'scheduled'] } } } as const;
export const scheduleBody = { type: 'object', properties: { _csrf: csrfField, when: { type: 'string', enum: ['now', 'with-article', 'at'] }, at: { type: 'string', maxLength: 40 } } } as const;

export const sendProgressResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'total', 'sent', 'queued', 'failed', 'bounced', 'skipped', 'unsubscribed'],
  properties: {
    id: { type: 'string' }, status: { type: 'string' }, total: { type: 'integer' }, sent: { type: 'integer' }, queued: { type: 'integer' }, failed: { type: 'integer' },
    bounced: { type: 'integer' }, skipped: { type: 'integer' }, unsubscribed: { type: 'integer' },
  },
} as const;

/** `/n/o/TOKEN.gif` and `/n/c/TOKEN`: signed send, recipient (and link) ids. */
export const trackingParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 300 } } } as const;
