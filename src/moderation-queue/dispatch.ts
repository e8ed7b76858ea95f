import { actOnAuthor, actOnReader, approveComment, bulkModerate, rejectComment, rejectReason, type ActionResult, type Moderator } from './actions.js';
import { moderationErrors } from './errors.js';
import { getCommentsByIds } from '../comments/index.js';
import { actOnGuest, isGuestAction } from './guest-actions.js';
import { dismissReports } from './reports.js';
import { chosen } from './sanction-cleanup.js';
import { readerSummaries } from './service.js';
import { READER_ACTIONS, type GuestSummary, type QueueDeps, type ReaderActionKind, type ReaderSummary } from './types.js';

/** What a form or the script sends with an action. */
export interface ActionBody {
  reason?: string;
  note?: string;
  days?: string | number;
  /** With a ban: "1"/true to reject the author's waiting comments, and to take down their published ones. */
  rejectPending?: string | boolean;
  removePublished?: string | boolean;
}

export type ActionOutcome = { comment: ActionResult } | { reader: ReaderSummary } | { guest: GuestSummary };

export const COMMENT_ACTIONS = ['approve', 'reject', 'dismiss-reports', ...READER_ACTIONS] as const;

function cleanupOf(body: ActionBody) {
  return { rejectPending: chosen(body.rejectPending), removePublished: chosen(body.removePublished) };
}
export type CommentAction = (typeof COMMENT_ACTIONS)[number];

function isReaderAction(action: string): action is ReaderActionKind {
  return (READER_ACTIONS as readonly string[]).includes(action);
}

async function summary(deps: QueueDeps, userId: string): Promise<ReaderSummary> {
  const reader = (await readerSummaries(deps, [userId])).get(userId);
  if (!reader) throw moderationErrors.raise('MOD_READER_NOT_FOUND');
  return reader;
}

/** An action started from a comment: on the comment itself, or on its author. */
export async function actOnCommentRoute(deps: QueueDeps, actor: Moderator, commentId: string, action: string, body: ActionBody): Promise<ActionOutcome> {
  if (action === 'approve') return { comment: await approveComment(deps, actor, commentId, body.note) };
  if (action === 'reject') return { comment: await rejectComment(deps, actor, commentId, rejectReason(body.reason, body.note)) };
  if (action === 'dismiss-reports') return { comment: await dismissReports(deps, actor, commentId, body.note) };
  if (!isReaderAction(action)) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND', 'No such action.');
  const [row] = await getCommentsByIds(deps, [commentId]);
  if (!row) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
  if (!row.author_id) {
    if (!isGuestAction(action)) throw moderationErrors.raise('MOD_GUEST_AUTHOR');
    return { guest: await actOnGuest(deps, actor, commentId, { action, reason: body.reason, days: Number(body.days), cleanup: cleanupOf(body) }) };
  }
  const standing = await actOnAuthor(deps, actor, commentId, { action, reason: body.reason, days: Number(body.days), cleanup: cleanupOf(body) });
  return { reader: await summary(deps, standing.id) };
}

export async function actOnReaderRoute(deps: QueueDeps, actor: Moderator, userId: string, action: string, body: ActionBody): Promise<ReaderSummary> {
  if (!isReaderAction(action)) throw moderationErrors.raise('MOD_READER_NOT_FOUND', 'No such action.');
  await actOnReader(deps, actor, userId, { action, reason: body.reason, days: Number(body.days), cleanup: cleanupOf(body) });
  return summary(deps, userId);
}

export async function bulkRoute(
  deps: QueueDeps,
  actor: Moderator,
  body: { action?: string; ids?: string[]; reason?: string; note?: string },
): Promise<ActionResult[]> {
  if (body.action !== 'approve' && body.action !== 'reject') throw moderationErrors.raise('MOD_BULK_EMPTY', 'Choose approve or reject.', 'action');
  if (!body.ids || body.ids.length === 0) throw moderationErrors.raise('MOD_BULK_EMPTY', undefined, 'ids');
  const reason = body.action === 'reject' ? rejectReason(body.reason, body.note) : undefined;
  return bulkModerate(deps, actor, { action: body.action, ids: body.ids, reason });
}
