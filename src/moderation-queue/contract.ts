// The moderation queue's public contract: what it announces on the `moderation` channel.
import type { FromSchema } from 'json-schema-to-ts';
import type { Assert, Covers } from '../contract-types.js';
import type { ModerationActionKind } from '../db/schema.js';
import type { QueueCounts } from './types.js';

export { moderationErrors } from './errors.js';

/** `GET /api/admin/moderation/counts`: how many items each tab holds. */
export const countsResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['pending', 'reported', 'rejected'],
  properties: { pending: { type: 'integer' }, reported: { type: 'integer' }, rejected: { type: 'integer' } },
} as const;
export type CountsChecked = Assert<Covers<QueueCounts, FromSchema<typeof countsResponse>>>;

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
