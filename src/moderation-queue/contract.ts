// The moderation queue's public contract: what it announces on the `moderation` channel.
import type { FromSchema } from 'json-schema-to-ts';
import type { Assert, Covers } from '../contract-types.js';
import type { ModerationActionKind } from '../db/schema.js';
import type { RejectedComment } from './account.js';
import type { ActionResult } from './actions.js';
import type { LogEntry } from './log.js';
import type { readerRecord } from './service.js';
import type { AuditEntry, FlagView, GuestSummary, QueueCounts, QueueItem, QueuePage, ReaderSummary } from './types.js';
import type { Reason } from '../moderation/index.js';

export { moderationErrors } from './errors.js';

/** `GET /api/admin/moderation/counts`: how many items each tab holds. */
export const countsResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['pending', 'reported', 'rejected'],
  properties: { pending: { type: 'integer' }, reported: { type: 'integer' }, rejected: { type: 'integer' } },
} as const;
export type CountsChecked = Assert<Covers<QueueCounts, FromSchema<typeof countsResponse>>>;

const text = { type: 'string' } as const;
const textOrNull = { type: ['string', 'null'] } as const;
const integer = { type: 'integer' } as const;
const flag = { type: 'boolean' } as const;
const standing = { type: 'string', enum: ['active', 'suspended', 'banned'] } as const;
const named = { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: text, name: text } } as const;

const readerSummary = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'role', 'status', 'suspendedUntil', 'premoderate', 'approvedCount', 'rejectedCount', 'pendingCount'],
  properties: {
    id: text, name: text, role: text, status: standing, suspendedUntil: textOrNull, premoderate: flag,
    approvedCount: integer, rejectedCount: integer, pendingCount: integer,
  },
} as const;
const guestSummary = { type: 'object', additionalProperties: false, required: ['status', 'until', 'reason'], properties: { status: standing, until: textOrNull, reason: text } } as const;
const auditProperties = {
  id: text,
  action: text,
  reason: text,
  /** Free-form per action (counts, the days of a suspension…). */
  detail: { type: 'object', additionalProperties: true },
  commentId: textOrNull,
  userId: textOrNull,
  actor: { anyOf: [{ type: 'null' }, named] },
  createdAt: text,
} as const;
const auditRequired = ['id', 'action', 'reason', 'detail', 'commentId', 'userId', 'actor', 'createdAt'] as const;
const auditEntry = { type: 'object', additionalProperties: false, required: auditRequired, properties: auditProperties } as const;
const reason = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message'],
  properties: { code: text, message: text, matches: { type: 'array', items: text }, score: { type: 'number' } },
} as const;
const flagView = { type: 'object', additionalProperties: false, required: ['reason', 'note', 'reporter', 'createdAt'], properties: { reason: text, note: text, reporter: text, createdAt: text } } as const;
const queueComment = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'html', 'createdAt', 'updatedAt', 'editedAt', 'flagCount', 'authorName', 'guestEmail'],
  properties: {
    id: text, status: { type: 'string', enum: ['published', 'pending', 'rejected', 'deleted'] }, html: text, createdAt: text, updatedAt: text,
    editedAt: textOrNull, flagCount: integer, authorName: text, guestEmail: textOrNull,
  },
} as const;
const queueParent = {
  anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['id', 'authorName', 'html', 'status'], properties: { id: text, authorName: text, html: text, status: text } }],
} as const;
const queueArticle = {
  anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['id', 'title', 'url', 'commentsOpen'], properties: { id: text, title: text, url: text, commentsOpen: flag } }],
} as const;

/** One comment as the queue shows it (`GET /api/admin/moderation/comments/:id`, and each queue item). */
export const queueItemResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['comment', 'parent', 'article', 'featured', 'reasons', 'scores', 'flags', 'flagCounts', 'reader', 'guest', 'audit'],
  properties: {
    comment: queueComment,
    parent: queueParent,
    article: queueArticle,
    featured: flag,
    reasons: { type: 'array', items: reason },
    scores: { type: 'object', additionalProperties: { type: 'number' } },
    flags: { type: 'array', items: flagView },
    flagCounts: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['reason', 'count'], properties: { reason: text, count: integer } } },
    reader: { anyOf: [{ type: 'null' }, readerSummary] },
    guest: { anyOf: [{ type: 'null' }, guestSummary] },
    audit: { type: 'array', items: auditEntry },
  },
} as const;

/** `GET /api/admin/moderation/queue`: one page of a tab. */
export const queuePageResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['tab', 'items', 'nextCursor', 'counts'],
  properties: { tab: { type: 'string', enum: ['pending', 'reported', 'rejected', 'all'] }, items: { type: 'array', items: queueItemResponse }, nextCursor: textOrNull, counts: countsResponse },
} as const;

const actionResult = {
  type: 'object',
  additionalProperties: false,
  required: ['commentId', 'ok'],
  properties: {
    commentId: text, ok: flag, status: text,
    error: { type: 'object', additionalProperties: false, required: ['code', 'message'], properties: { code: text, message: text } },
  },
} as const;

/** `POST /api/admin/moderation/comments/:id/:action`: what changed (the comment, its author or its guest), and the new counts. */
export const commentActionResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['counts'],
  properties: { comment: actionResult, reader: readerSummary, guest: guestSummary, counts: countsResponse },
} as const;
/** `POST /api/admin/moderation/comments/:id/(feature|unfeature|…)`: an editorial action's result, and the counts. */
export const editorialActionResponse = { type: 'object', additionalProperties: false, required: ['editorial', 'counts'], properties: { editorial: actionResult, counts: countsResponse } } as const;
export const bulkResponse = { type: 'object', additionalProperties: false, required: ['results', 'counts'], properties: { results: { type: 'array', items: actionResult }, counts: countsResponse } } as const;
export const readerActionResponse = { type: 'object', additionalProperties: false, required: ['reader'], properties: { reader: readerSummary } } as const;
/** What moderation.js reads from any of the JSON actions above: each answers some of these. */
export type QueueActionJson = Partial<
  FromSchema<typeof commentActionResponse> & FromSchema<typeof bulkResponse> & FromSchema<typeof editorialActionResponse> & FromSchema<typeof readerActionResponse>
>;

/** `GET /api/admin/moderation/readers/:id`: a reader, a page of their comments, every action about them. */
export const readerRecordResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['reader', 'comments', 'nextCursor', 'actions'],
  properties: { reader: readerSummary, comments: { type: 'array', items: queueItemResponse }, nextCursor: textOrNull, actions: { type: 'array', items: auditEntry } },
} as const;

/** `GET /api/admin/moderation/log`: a page of the audit log with the names a moderator reads. */
export const logResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['entries', 'nextCursor'],
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [...auditRequired, 'subject'],
        properties: {
          ...auditProperties,
          subject: {
            anyOf: [
              { type: 'null' },
              { type: 'object', additionalProperties: false, required: ['kind', 'id', 'name'], properties: { kind: { type: 'string', const: 'reader' }, id: text, name: text } },
              { type: 'object', additionalProperties: false, required: ['kind', 'name'], properties: { kind: { type: 'string', const: 'guest' }, name: text } },
            ],
          },
        },
      },
    },
    nextCursor: textOrNull,
  },
} as const;

/** `GET /api/account/rejected-comments`: a reader's own rejected comments and why. */
export const rejectedCommentsResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['commentId', 'excerpt', 'article', 'reason', 'postedAt', 'rejectedAt'],
        properties: {
          commentId: text, excerpt: text, reason: text, postedAt: text, rejectedAt: text,
          article: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['title', 'url'], properties: { title: text, url: text } }] },
        },
      },
    },
  },
} as const;

// The serializer drops what a schema does not name: each fails to compile if the domain's type has a field its schema lacks.
type Item = FromSchema<typeof queueItemResponse>;
type NonNull<T> = Exclude<T, null>;
export type QueueSchemasChecked = [
  Assert<Covers<QueueItem, Item>>,
  Assert<Covers<QueueItem['comment'], Item['comment']>>,
  Assert<Covers<NonNull<QueueItem['parent']>, NonNull<Item['parent']>>>,
  Assert<Covers<NonNull<QueueItem['article']>, NonNull<Item['article']>>>,
  Assert<Covers<Reason, Item['reasons'][number]>>,
  Assert<Covers<FlagView, Item['flags'][number]>>,
  Assert<Covers<ReaderSummary, NonNull<Item['reader']>>>,
  Assert<Covers<GuestSummary, NonNull<Item['guest']>>>,
  Assert<Covers<AuditEntry, Item['audit'][number]>>,
  Assert<Covers<NonNull<AuditEntry['actor']>, NonNull<Item['audit'][number]['actor']>>>,
  Assert<Covers<QueuePage, FromSchema<typeof queuePageResponse>>>,
  Assert<Covers<ActionResult, FromSchema<typeof bulkResponse>['results'][number]>>,
  Assert<Covers<NonNullable<Awaited<ReturnType<typeof readerRecord>>>, FromSchema<typeof readerRecordResponse>>>,
  Assert<Covers<LogEntry, FromSchema<typeof logResponse>['entries'][number]>>,
  Assert<Covers<RejectedComment, FromSchema<typeof rejectedCommentsResponse>['items'][number]>>,
];

/** A moderator acted on these comments (or on this user): other moderators' queues update. */
export type ModerationActionEvent = { type: 'moderation.action'; action: ModerationActionKind; commentIds: string[]; userId: string | null; actorId: string };

/**
 * What the queue's live stream (`GET /api/admin/moderation/live`) sends: ids only (the page fetches
 * what it shows), a held comment's stored status, and the tabs' counts.
 */
export type QueueLiveEvent =
  | { type: 'comment.held'; commentId: string; status: string }
  | { type: 'comment.flagged'; commentId: string; flagCount: number }
  | ModerationActionEvent
  | ({ type: 'counts' } & QueueCounts);
