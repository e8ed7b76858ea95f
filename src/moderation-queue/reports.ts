import { getCommentsByIds } from '../comments/index.js';
import { announceAction, type ActionResult, type Moderator } from './actions.js';
import { recordAction, recordFlags } from './audit.js';
import { moderationErrors } from './errors.js';
import * as queries from './queries.js';
import type { QueueDeps } from './types.js';

/**
 * Dismisses every report on a comment at once: the comment stays as it is and leaves the Reported tab
 * until someone reports it again. The reports themselves are kept (readers' data, and the log's
 * evidence); the log row counts them per reason.
 */
export async function dismissReports(deps: QueueDeps, actor: Moderator, commentId: string, note?: string): Promise<ActionResult> {
  const [row] = await getCommentsByIds(deps, [commentId]);
  if (!row) throw moderationErrors.raise('MOD_COMMENT_NOT_FOUND');
  const flags = await queries.flagsFor(deps.db, [commentId]);
  if (flags.length === 0) throw moderationErrors.raise('MOD_NO_REPORTS');
  // Each report is in the log before its dismissal, even if its event was lost.
  await recordFlags(deps, commentId);
  const byReason: Record<string, number> = {};
  for (const flag of flags) byReason[flag.reason] = (byReason[flag.reason] ?? 0) + 1;
  await recordAction(deps, {
    commentId, userId: row.author_id, actorId: actor.id, action: 'dismiss_reports', reason: (note ?? '').trim().slice(0, 500),
    detail: { count: flags.length, byReason },
  });
  await announceAction(deps, actor, 'dismiss_reports', [commentId], row.author_id);
  return { commentId, ok: true, status: row.status };
}
