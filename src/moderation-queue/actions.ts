import { effectiveStatus, findReaderStanding, setReaderStanding, type ReaderStanding, type StandingChange } from '../accounts/index.js';
import { getArticle } from '../articles/index.js';
import { getCommentsByIds, MODERATION_CHANNEL, setCommentStatus, type CommentsDeps } from '../comments/index.js';
import type { ModerationActionKind } from '../db/schema.js';
import { AppError } from '../errors.js';
import { recordAction } from './audit.js';
import { cleanUpAfterSanction, type CleanupChoice } from './sanction-cleanup.js';
import { moderationErrors } from './errors.js';
import { notifyReader } from './notify.js';
import { READER_ACTIONS, REJECT_REASONS, SUSPEND_DAYS, type QueueDeps, type ReaderActionKind } from './types.js';

/** The staff member acting. */
export interface Moderator {
  id: string;
}

export interface ReaderActionInput {
  action: ReaderActionKind;
  reason?: string;
  days?: number;
  /** The comment that led to it, when acting from the queue: the row links both. */
  commentId?: string | null;
  /** With a ban: also reject their waiting comments and take down their published ones. */
  cleanup?: CleanupChoice;
}

export interface ActionResult {
  commentId: string;
  ok: boolean;
  status?: string;
  error?: { code: string; message: string };
}

const MAX_BULK = 100;

/** A preset reason id ("spam") or the moderator's own words, or both ("spam" + a note). */
export function rejectReason(reason: string | undefined, note: string | undefined): string {
  const preset = REJECT_REASONS.find((choice) => choice.id === reason);
  const own = (note?.trim() || (preset || reason === 'other' ? '' : reason) || '').trim().slice(0, 500);
  const text = [preset?.label, own].filter(Boolean).join(' — ');
  if (!text) throw moderationErrors.raise('MOD_REASON_REQUIRED', undefined, 'reason');
  return text;
}

function forComments(deps: QueueDeps): CommentsDeps {
  return { db: deps.db, now: deps.now, settings: deps.settings, events: deps.events, baseUrl: deps.baseUrl };
}

async function loadComment(deps: QueueDeps, commentId: string) {
  const [row] = await getCommentsByIds(deps, [commentId]);
  if (!row) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
  if (row.status === 'deleted') throw moderationErrors.raise('MOD_COMMENT_GONE');
  return row;
}

async function announce(deps: QueueDeps, actor: Moderator, action: ModerationActionKind, commentIds: string[], userId: string | null) {
  await deps.events.publish(MODERATION_CHANNEL, { type: 'moderation.action', action, commentIds, userId, actorId: actor.id });
}

/**
 * Publishes a held or rejected comment (it appears at once on open article pages), or keeps a
 * reported one, which clears it from the Reported tab.
 */
export async function approveComment(deps: QueueDeps, actor: Moderator, commentId: string, note?: string, quiet = false): Promise<ActionResult> {
  const row = await loadComment(deps, commentId);
  await setCommentStatus(forComments(deps), commentId, 'published', (db) =>
    recordAction({ db, now: deps.now }, {
      commentId, userId: row.author_id, actorId: actor.id, action: 'approve', reason: (note ?? '').trim(),
      detail: { from: row.status, flags: row.flag_count },
    }),
  );
  if (!quiet) await announce(deps, actor, 'approve', [commentId], row.author_id);
  return { commentId, ok: true, status: 'published' };
}

/** Takes a comment down (or keeps it down) and tells its author why. */
export async function rejectComment(deps: QueueDeps, actor: Moderator, commentId: string, reason: string, quiet = false): Promise<ActionResult> {
  const row = await loadComment(deps, commentId);
  await setCommentStatus(forComments(deps), commentId, 'rejected', (db) =>
    recordAction({ db, now: deps.now }, { commentId, userId: row.author_id, actorId: actor.id, action: 'reject', reason, detail: { from: row.status } }),
  );
  if (row.author_id && row.status !== 'rejected') {
    const author = await findReaderStanding(deps.db, row.author_id);
    const article = await getArticle(deps.db, { id: row.article_id });
    await notifyReader(deps, author?.email ?? null, { kind: 'rejected', articleTitle: article?.title ?? null, excerpt: row.body, reason });
  }
  if (!quiet) await announce(deps, actor, 'reject', [commentId], row.author_id);
  return { commentId, ok: true, status: 'rejected' };
}

/** Approves or rejects many comments; each succeeds or fails on its own. */
export async function bulkModerate(
  deps: QueueDeps,
  actor: Moderator,
  input: { action: 'approve' | 'reject'; ids: readonly string[]; reason?: string },
): Promise<ActionResult[]> {
  const ids = [...new Set(input.ids)].slice(0, MAX_BULK);
  if (ids.length === 0) throw moderationErrors.raise('MOD_BULK_EMPTY', undefined, 'ids');
  const reason = input.action === 'reject' ? input.reason ?? '' : '';
  if (input.action === 'reject' && !reason) throw moderationErrors.raise('MOD_REASON_REQUIRED', undefined, 'reason');
  const results: ActionResult[] = [];
  for (const id of ids) {
    try {
      results.push(input.action === 'approve' ? await approveComment(deps, actor, id, undefined, true) : await rejectComment(deps, actor, id, reason, true));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      results.push({ commentId: id, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  const done = results.filter((result) => result.ok).map((result) => result.commentId);
  if (done.length > 0) await announce(deps, actor, input.action, done, null);
  return results;
}

function needsReason(action: ReaderActionKind): boolean {
  return action === 'ban' || action === 'suspend' || action === 'warn';
}

/**
 * Bans, suspends (1, 7 or 30 days), warns, pre-moderates or reinstates a reader. Staff accounts are
 * out of a moderator's reach; the reader is emailed about bans, suspensions and warnings.
 */
export async function actOnReader(deps: QueueDeps, actor: Moderator, userId: string, input: ReaderActionInput): Promise<ReaderStanding> {
  if (!READER_ACTIONS.includes(input.action)) throw moderationErrors.raise('MOD_READER_NOT_FOUND');
  const standing = await findReaderStanding(deps.db, userId);
  if (!standing) throw moderationErrors.raise('MOD_READER_NOT_FOUND');
  if (standing.role !== 'reader') throw moderationErrors.raise('MOD_NOT_A_READER');
  const reason = (input.reason ?? '').trim().slice(0, 1000);
  if (needsReason(input.action) && !reason) throw moderationErrors.raise('MOD_REASON_REQUIRED', undefined, 'reason');
  const now = deps.now();
  let change: StandingChange | undefined;
  let until: string | undefined;
  switch (input.action) {
    case 'ban':
      change = { status: 'banned' };
      break;
    case 'unban':
      change = { status: 'active' };
      break;
    case 'suspend':
      if (!SUSPEND_DAYS.includes(Number(input.days))) throw moderationErrors.raise('MOD_SUSPEND_DAYS_INVALID', undefined, 'days');
      until = new Date(now.getTime() + Number(input.days) * 86_400_000).toISOString();
      change = { status: 'suspended', until };
      break;
    case 'premoderate':
      change = { premoderate: true };
      break;
    case 'unpremoderate':
      change = { premoderate: false };
      break;
    case 'warn':
      break;
  }
  const updated = change ? await setReaderStanding(deps.db, userId, change, now) : standing;
  await recordAction(deps, {
    commentId: input.commentId ?? null,
    userId,
    actorId: actor.id,
    action: input.action,
    reason,
    detail: {
      ...(until ? { until, days: Number(input.days) } : {}),
      before: { status: effectiveStatus(standing, now), suspendedUntil: standing.suspendedUntil, premoderate: standing.premoderate },
    },
  });
  const cleaned = input.action === 'ban' && input.cleanup ? await cleanUpAfterSanction(deps, actor.id, { userId }, input.cleanup, reason) : [];
  if (input.action === 'warn') await notifyReader(deps, standing.email, { kind: 'warned', reason });
  if (input.action === 'ban') await notifyReader(deps, standing.email, { kind: 'banned', reason });
  if (input.action === 'suspend' && until) await notifyReader(deps, standing.email, { kind: 'suspended', reason, until });
  await announce(deps, actor, input.action, [...new Set([...(input.commentId ? [input.commentId] : []), ...cleaned])], userId);
  return updated ?? standing;
}

/** A reader action started from a comment in the queue: it applies to the comment's author. */
export async function actOnAuthor(deps: QueueDeps, actor: Moderator, commentId: string, input: Omit<ReaderActionInput, 'commentId'>): Promise<ReaderStanding> {
  const [row] = await getCommentsByIds(deps, [commentId]);
  if (!row) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
  if (!row.author_id) throw moderationErrors.raise('MOD_GUEST_AUTHOR');
  return actOnReader(deps, actor, row.author_id, { ...input, commentId });
}

export { announce as announceAction, needsReason };
