// The comments domain's public contract: its routes' schemas (requests and responses, written once:
// handlers' types are inferred from them), the events it publishes, and its error codes.
import type { FromSchema } from 'json-schema-to-ts';
import type { Assert, Covers } from '../contract-types.js';
import type { FlagReason } from '../db/schema.js';
import { FLAG_REASONS } from './markup/lists.js';
import type { ViewerView } from './markup/section.js';
import { COMMENT_SORTS, type PublicComment, type ThreadView } from './types.js';

export { commentErrors } from './errors.js';

const COMMENT_ID = '^[0-9a-z]{10,40}$';
const commentId = { type: 'string', pattern: COMMENT_ID } as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: commentId } } as const;
export const articleParams = { type: 'object', required: ['article'], properties: { article: { type: 'string', minLength: 1, maxLength: 200 } } } as const;
/** Length is the rules' business (a friendly COMMENT_TOO_LONG); this only bounds the work. */
const commentText = { type: 'string', maxLength: 1_000_000 } as const;

export const newCommentBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: commentText,
    parentId: { anyOf: [commentId, { type: 'null' }] },
    name: { type: 'string', maxLength: 200 },
    email: { type: 'string', maxLength: 320 },
    postAnyway: { type: 'boolean' },
  },
} as const;

export const editCommentBody = { type: 'object', required: ['text'], additionalProperties: false, properties: { text: commentText, postAnyway: { type: 'boolean' } } } as const;
export const flagBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { type: 'string', enum: FLAG_REASONS }, note: { type: 'string', maxLength: 500 } },
} as const;

/** The same actions as plain form posts (no JavaScript): every field is text, with the form's token. */
const field = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const csrf = field(200);
export const formCommentBody = {
  type: 'object',
  required: ['article', 'text'],
  properties: { article: field(200), text: commentText, parentId: field(40), name: field(200), email: field(320), postAnyway: field(5), _csrf: csrf },
} as const;
export const formEditBody = { type: 'object', required: ['text'], properties: { text: commentText, postAnyway: field(5), _csrf: csrf } } as const;
export const formFlagBody = { type: 'object', required: ['reason'], properties: { reason: { type: 'string', enum: FLAG_REASONS }, note: field(500), _csrf: csrf } } as const;

const text = { type: 'string' } as const;
const textOrNull = { type: ['string', 'null'] } as const;
const count = { type: 'integer' } as const;
const flag = { type: 'boolean' } as const;

const commentProperties = {
  id: text,
  articleId: text,
  parentId: textOrNull,
  rootId: text,
  depth: count,
  displayParentId: textOrNull,
  replyingTo: textOrNull,
  status: { type: 'string', enum: ['published', 'pending', 'deleted', 'removed'] },
  author: { type: 'object', additionalProperties: false, required: ['name', 'staff'], properties: { name: text, staff: flag, url: text } },
  html: text,
  createdAt: text,
  editedAt: textOrNull,
  reactions: count,
  reacted: flag,
  mine: flag,
  editableUntil: textOrNull,
  text,
  permalink: text,
} as const;
const commentRequired = ['id', 'articleId', 'parentId', 'rootId', 'depth', 'displayParentId', 'replyingTo', 'status', 'author', 'html', 'createdAt', 'editedAt', 'reactions', 'reacted', 'mine', 'editableUntil', 'permalink'] as const;

/** A comment as readers see it: the JSON API's and the live events' shape. */
export const publicComment = { type: 'object', additionalProperties: false, required: commentRequired, properties: commentProperties } as const;
/** A reply with the replies drawn under it. */
const withReplies = <Items>(items: Items) =>
  ({ type: 'object', additionalProperties: false, required: [...commentRequired, 'replies'], properties: { ...commentProperties, replies: { type: 'array', items } } }) as const;
/** Replies nest three levels (deeper ones are drawn flattened under the third), whose own lists are empty. */
const threadReplies = { type: 'array', items: withReplies(withReplies(withReplies({}))) } as const;
export const threadView = {
  type: 'object',
  additionalProperties: false,
  required: [...commentRequired, 'replies', 'moreReplies', 'repliesCursor'],
  properties: { ...commentProperties, replies: threadReplies, moreReplies: count, repliesCursor: textOrNull },
} as const;

const sanction = {
  anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['status', 'until', 'message'], properties: { status: { type: 'string', enum: ['banned', 'suspended'] }, until: textOrNull, message: text } }],
} as const;

export const sectionResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['article', 'viewer', 'rules', 'site', 'count', 'featured', 'sort', 'pinned', 'threads', 'nextCursor'],
  properties: {
    article: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'slug', 'title', 'url', 'closed', 'closedMessage'],
      properties: { id: text, slug: text, title: text, url: text, closed: flag, closedMessage: textOrNull },
    },
    viewer: {
      type: 'object',
      additionalProperties: false,
      required: ['signedIn', 'name', 'sanction', 'reviewFirst'],
      properties: { signedIn: flag, name: textOrNull, sanction, reviewFirst: textOrNull },
    },
    rules: {
      type: 'object',
      additionalProperties: false,
      required: ['guestsAllowed', 'maxLength', 'editWindowMinutes'],
      properties: { guestsAllowed: flag, maxLength: count, editWindowMinutes: count },
    },
    site: { type: 'object', additionalProperties: false, required: ['locale', 'timeZone'], properties: { locale: text, timeZone: text } },
    count,
    featured: { type: 'array', items: publicComment },
    sort: { type: 'string', enum: COMMENT_SORTS },
    pinned: { anyOf: [{ type: 'null' }, threadView] },
    threads: { type: 'array', items: threadView },
    nextCursor: textOrNull,
  },
} as const;

export const mineResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['mine', 'reacted'],
  properties: { mine: { type: 'array', items: publicComment }, reacted: { type: 'array', items: text } },
} as const;
export const commentResponse = { type: 'object', additionalProperties: false, required: ['comment'], properties: { comment: publicComment } } as const;
export const repliesResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['replies', 'nextCursor', 'remaining'],
  properties: { replies: { type: 'array', items: publicComment }, nextCursor: textOrNull, remaining: count },
} as const;
export const reactionResponse = { type: 'object', additionalProperties: false, required: ['reacted', 'reactions'], properties: { reacted: flag, reactions: count } } as const;
export const flagResponse = { type: 'object', additionalProperties: false, required: ['flagged', 'alreadyFlagged'], properties: { flagged: { type: 'boolean', const: true }, alreadyFlagged: flag } } as const;

// The serializer drops what a response schema does not name: these fail to compile if a field of the
// domain's types is missing from its schema.
export type PublicCommentChecked = Assert<Covers<PublicComment, FromSchema<typeof publicComment>>>;
export type ThreadViewChecked = Assert<Covers<ThreadView, FromSchema<typeof threadView>>>;
export type ViewerChecked = Assert<Covers<ViewerView, FromSchema<typeof sectionResponse>['viewer']>>;

/** What the section JSON (`GET /api/articles/:article/comments`) carries. */
export type SectionJson = FromSchema<typeof sectionResponse>;

/** Events on an article's channel (`article:ID`), for its open pages. */
export type ArticleCommentEvent =
  | { type: 'comment.created' | 'comment.updated'; comment: PublicComment }
  | { type: 'comment.deleted'; id: string; rootId: string; status: 'deleted' | 'removed' }
  | { type: 'reaction.changed'; id: string; reactions: number };

/** Events on the `moderation` channel about comments: one waits for review, one was reported. */
export type CommentQueueEvent =
  | { type: 'comment.held'; commentId: string; articleId: string }
  | { type: 'comment.flagged'; commentId: string; articleId: string; reason: FlagReason; flagCount: number };
