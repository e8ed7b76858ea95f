import { ARTICLE_STATUSES, MEDIA_TAGS } from './types.js';

/** JSON Schemas of the admin API: transport only; the rules live in service.ts and validate.ts. */
const nullableString = (maxLength: number) => ({ anyOf: [{ type: 'string', maxLength }, { type: 'null' }] }) as const;

const articleFields = {
  title: { type: 'string', maxLength: 2000 },
  slug: { type: 'string', maxLength: 300 },
  mediaTag: { anyOf: [{ type: 'string', enum: [...MEDIA_TAGS, ''] }, { type: 'null' }] },
  summary: { type: 'string', maxLength: 5000 },
  // No maxLength: an over-long body is answered with 413 by the service, not a 400 here.
  body: { type: 'string' },
  videoUrl: nullableString(2000),
  featuredImageUrl: nullableString(2000),
  featuredImageAlt: nullableString(1000),
  authorId: { type: 'string', maxLength: 64 },
  topics: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 200 } },
  sources: {
    type: 'array',
    maxItems: 200,
    items: {
      type: 'object',
      required: ['name', 'url'],
      additionalProperties: false,
      properties: { name: { type: 'string', maxLength: 1000 }, url: { type: 'string', maxLength: 2000 } },
    },
  },
  status: { type: 'string', enum: ARTICLE_STATUSES },
  publishedAt: nullableString(64),
  commentsOpen: { type: 'boolean' },
  commentsCloseAfterDays: { anyOf: [{ type: 'integer', minimum: 0, maximum: 3650 }, { type: 'null' }] },
  premoderate: { type: 'boolean' },
  sticky: { type: 'boolean' },
  coAuthors: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64 } },
  /** `page`: a static page at /{slug}; only when creating (an existing one keeps its kind). */
  kind: { type: 'string', enum: ['article', 'page'] },
  showRelated: { type: 'boolean' },
} as const;

export const articleBody = { type: 'object', additionalProperties: false, properties: articleFields } as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;

const ref = {
  type: 'object',
  additionalProperties: false,
  properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' } },
} as const;

export const articleResponse = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    slug: { type: 'string' },
    url: { type: 'string' },
    public: { type: 'boolean' },
    title: { type: 'string' },
    mediaTag: { type: ['string', 'null'] },
    summary: { type: 'string' },
    body: { type: 'string' },
    videoUrl: { type: ['string', 'null'] },
    featuredImageUrl: { type: ['string', 'null'] },
    featuredImageAlt: { type: ['string', 'null'] },
    status: { type: 'string' },
    publishedAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    commentsOpen: { type: 'boolean' },
    commentsCloseAfterDays: { type: ['integer', 'null'] },
    premoderate: { type: 'boolean' },
    sticky: { type: 'boolean' },
    kind: { type: 'string', enum: ['article', 'page'] },
    showRelated: { type: 'boolean' },
    author: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' } } },
    coAuthors: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' } } } },
    topics: { type: 'array', items: ref },
    sources: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, url: { type: 'string' } } } },
  },
} as const;

export const articleListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ARTICLE_STATUSES },
    topic: { type: 'string', maxLength: 200 },
    author: { type: 'string', maxLength: 64 },
    q: { type: 'string', maxLength: 200 },
    page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
  },
} as const;

export const articleListResponse = {
  type: 'object',
  additionalProperties: false,
  properties: {
    total: { type: 'integer' },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    articles: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          slug: { type: 'string' },
          title: { type: 'string' },
          mediaTag: { type: ['string', 'null'] },
          status: { type: 'string' },
          public: { type: 'boolean' },
          publishedAt: { type: ['string', 'null'] },
          updatedAt: { type: 'string' },
          author: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' } } },
        },
      },
    },
  },
} as const;

export const topicBody = {
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string', maxLength: 500 }, slug: { type: 'string', maxLength: 300 }, description: { type: 'string', maxLength: 5000 } },
} as const;

export const topicResponse = {
  type: 'object',
  additionalProperties: false,
  properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' } },
} as const;
