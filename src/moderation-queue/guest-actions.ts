import { getCommentsByIds } from '../comments/index.js';
import { announceAction, type Moderator } from './actions.js';
import { recordAction } from './audit.js';
import { moderationErrors } from './errors.js';
import { guestSanctionFor, guestSanctionsFor, imposeGuestSanction, liftGuestSanctions } from './guest-sanctions.js';
import { cleanUpAfterSanction, type CleanupChoice } from './sanction-cleanup.js';
import { SUSPEND_DAYS, type GuestSummary, type QueueDeps } from './types.js';

export const GUEST_ACTIONS = ['suspend', 'ban', 'unban'] as const;
export type GuestActionKind = (typeof GUEST_ACTIONS)[number];

export function isGuestAction(action: string): action is GuestActionKind {
  return (GUEST_ACTIONS as readonly string[]).includes(action);
}

/** Guests' standing for these cookie keys, as moderators see it. */
export async function guestSummaries(deps: Pick<QueueDeps, 'db' | 'now'>, guestKeys: readonly string[]): Promise<Map<string, GuestSummary>> {
  const sanctions = await guestSanctionsFor(deps.db, guestKeys, deps.now());
  return new Map(
    [...new Set(guestKeys)].map((key) => {
      const sanction = sanctions.get(key);
      return [key, { status: sanction?.status ?? 'active', until: sanction?.status === 'suspended' ? sanction.until : null, reason: sanction?.reason ?? '' }];
    }),
  );
}

/**
 * Suspends (1, 7 or 30 days), bans or reinstates the guest who wrote a comment, known by the cookie
 * the comment carries. A ban may clean up their other comments in the same action. Guests get no mail
 * (an address they typed is not proven theirs); they are told when they next try to post.
 */
export async function actOnGuest(
  deps: QueueDeps,
  actor: Moderator,
  commentId: string,
  input: { action: GuestActionKind; reason?: string; days?: number; cleanup?: CleanupChoice },
): Promise<GuestSummary> {
  const [row] = await getCommentsByIds(deps, [commentId]);
  if (!row) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
  if (row.author_id) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND', 'This comment has an author account: act on the reader.');
  const guestKey = row.guest_key;
  if (!guestKey) throw moderationErrors.raise('MOD_GUEST_UNKNOWN');
  const reason = (input.reason ?? '').trim().slice(0, 1000);
  if (input.action !== 'unban' && !reason) throw moderationErrors.raise('MOD_REASON_REQUIRED', undefined, 'reason');
  const now = deps.now();
  const before = await guestSanctionFor(deps.db, guestKey, now);
  let until: string | null = null;
  if (input.action === 'suspend') {
    if (!SUSPEND_DAYS.includes(Number(input.days))) throw moderationErrors.raise('MOD_SUSPEND_DAYS_INVALID', undefined, 'days');
    until = new Date(now.getTime() + Number(input.days) * 86_400_000).toISOString();
  }
  if (input.action === 'unban') await liftGuestSanctions(deps.db, guestKey, now);
  else await imposeGuestSanction(deps.db, { guestKey, status: input.action === 'ban' ? 'banned' : 'suspended', until, reason, actorId: actor.id, commentId, now });
  await recordAction(deps, {
    commentId, userId: null, actorId: actor.id, action: input.action, reason,
    detail: {
      guest: guestKey, guestName: row.author_display_name,
      ...(until ? { until, days: Number(input.days) } : {}),
      before: { status: before?.status ?? 'active', suspendedUntil: before?.until ?? null },
    },
  });
  const cleaned = input.action === 'ban' && input.cleanup ? await cleanUpAfterSanction(deps, actor.id, { guestKey }, input.cleanup, reason) : [];
  await announceAction(deps, actor, input.action, [...new Set([commentId, ...cleaned])], null);
  return (await guestSummaries(deps, [guestKey])).get(guestKey)!;
}
