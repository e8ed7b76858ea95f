import { COMMENT_ACTIONS } from './dispatch.js';
import { QUEUE_TABS, READER_ACTIONS } from './types.js';

const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[0-9a-z]+$' } as const;

export const commentActionParams = {
  type: 'object', required: ['id', 'action'],
  properties: { id, action: { type: 'string', enum: COMMENT_ACTIONS } },
} as const;

export const readerActionParams = {
  type: 'object', required: ['id', 'action'],
  properties: { id, action: { type: 'string', enum: READER_ACTIONS } },
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id } } as const;

export const actionBody = {
  type: 'object',
  properties: {
    _csrf: { type: 'string' },
    returnTo: { type: 'string', maxLength: 500 },
    reason: { type: 'string', maxLength: 1000 },
    note: { type: 'string', maxLength: 500 },
    days: { type: ['string', 'integer'], maxLength: 3 },
    rejectPending: { type: ['string', 'boolean'], maxLength: 5 },
    removePublished: { type: ['string', 'boolean'], maxLength: 5 },
  },
} as const;

export const bulkBody = {
  type: 'object',
  properties: {
    ...actionBody.properties,
    action: { type: 'string', enum: ['approve', 'reject'] },
    ids: { type: 'array', maxItems: 100, items: id },
  },
} as const;

export const queueQuery = {
  type: 'object',
  properties: {
    tab: { type: 'string', enum: QUEUE_TABS },
    cursor: { type: 'string', maxLength: 300 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    done: { type: 'string', maxLength: 20 },
    error: { type: 'string', maxLength: 40 },
  },
} as const;

export const cursorQuery = {
  type: 'object',
  properties: { cursor: { type: 'string', maxLength: 300 }, done: { type: 'string', maxLength: 20 }, error: { type: 'string', maxLength: 40 } },
} as const;
