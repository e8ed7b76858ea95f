// The transfer domain's public contract: the reader's data download (`GET /account/data.json`), and its errors.
import type { FromSchema } from 'json-schema-to-ts';
import type { AccountData } from '../accounts/index.js';
import type { Assert, Covers } from '../contract-types.js';
import type { ReaderData } from './reader-rights.js';

export { transferErrors } from './errors.js';

const text = { type: 'string' } as const;
const textOrNull = { type: ['string', 'null'] } as const;
const object = <const Properties extends Record<string, unknown>, const Required extends readonly (keyof Properties & string)[]>(properties: Properties, required: Required) =>
  ({ type: 'object', additionalProperties: false, required, properties }) as const;

const account = object(
  {
    id: text, email: textOrNull, displayName: text, role: text, status: text, notifyReplies: { type: 'boolean' }, bio: text, createdAt: text, updatedAt: text,
    sessions: { type: 'array', items: object({ createdAt: text, expiresAt: text }, ['createdAt', 'expiresAt']) },
  },
  ['id', 'email', 'displayName', 'role', 'status', 'notifyReplies', 'bio', 'createdAt', 'updatedAt', 'sessions'],
);
const comment = object(
  {
    id: text,
    article: { anyOf: [{ type: 'null' }, object({ slug: text, title: text, url: text }, ['slug', 'title', 'url'])] },
    parentId: textOrNull, status: text, text, createdAt: text, editedAt: textOrNull, deletedAt: textOrNull,
  },
  ['id', 'article', 'parentId', 'status', 'text', 'createdAt', 'editedAt', 'deletedAt'],
);

/**
 * `GET /account/data.json`: everything the site holds about the reader. Gifts and newsletter records are
 * the donations' and newsletters' own shapes, passed through whole. The route writes it indented with
 * its own serializer, so nothing is ever dropped from a reader's data; this schema types the handler.
 */
export const readerDataResponse = object(
  {
    format: { type: 'string', const: 'tribune-reader-data' },
    version: { type: 'integer', const: 1 },
    exportedAt: text,
    site: object({ name: text, url: text }, ['name', 'url']),
    account,
    comments: { type: 'array', items: comment },
    reactions: { type: 'array', items: object({ commentId: text, createdAt: text }, ['commentId', 'createdAt']) },
    flags: { type: 'array', items: object({ commentId: text, reason: text, note: text, createdAt: text }, ['commentId', 'reason', 'note', 'createdAt']) },
    donations: object({ records: { type: 'array', items: {} }, note: text }, ['records']),
    newsletters: {},
  },
  ['format', 'version', 'exportedAt', 'site', 'account', 'comments', 'reactions', 'flags', 'donations', 'newsletters'],
);

type Download = FromSchema<typeof readerDataResponse>;
export type ReaderDataChecked = [
  Assert<Covers<ReaderData, Download>>,
  Assert<Covers<AccountData, Download['account']>>,
  Assert<Covers<ReaderData['comments'][number], Download['comments'][number]>>,
  Assert<Covers<ReaderData['flags'][number], Download['flags'][number]>>,
];
