/** What the media routes accept and answer (the editor's browser code relies on `mediaItemResponse`). */
export { mediaErrors } from './errors.js';

const fileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'url', 'width', 'height', 'format', 'original', 'bytes'],
  properties: {
    name: { type: 'string' }, url: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' }, format: { type: 'string' }, original: { type: 'boolean' }, bytes: { type: 'integer' },
  },
} as const;

export const mediaItemResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'reference', 'filename', 'width', 'height', 'alt', 'caption', 'credit', 'decorative', 'removedMetadata', 'files', 'previewUrl', 'usageCount', 'createdAt'],
  properties: {
    id: { type: 'string' },
    /** What the editor writes into Markdown (`![alt](reference)`) or the featured image field. */
    reference: { type: 'string' },
    filename: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    alt: { type: 'string' },
    caption: { type: 'string' },
    credit: { type: 'string' },
    decorative: { type: 'boolean' },
    removedMetadata: { type: 'array', items: { type: 'string' } },
    files: { type: 'array', items: fileSchema },
    previewUrl: { type: 'string' },
    usageCount: { type: 'integer' },
    createdAt: { type: 'string' },
  },
} as const;

export const mediaListResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: mediaItemResponse } },
} as const;

export const mediaListQuery = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 } },
} as const;

export const mediaIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 40, pattern: '^[a-z0-9]+$' } } } as const;
export const mediaFileParams = {
  type: 'object',
  required: ['id', 'file'],
  properties: { id: { type: 'string', maxLength: 40 }, file: { type: 'string', maxLength: 80 } },
} as const;

const textField = (max: number) => ({ type: 'string', maxLength: max }) as const;
export const mediaEditBody = {
  type: 'object',
  additionalProperties: false,
  properties: { alt: textField(1000), caption: textField(2000), credit: textField(300), decorative: { type: 'boolean' } },
} as const;
/** The library page's form: a checkbox is '1' or absent. */
export const mediaEditForm = {
  type: 'object',
  properties: { alt: textField(1000), caption: textField(2000), credit: textField(300), decorative: textField(1), _csrf: textField(200) },
} as const;
export const csrfOnlyForm = { type: ['object', 'null'], properties: { _csrf: textField(200) } } as const;
