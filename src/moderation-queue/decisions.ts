import type { Kysely } from 'kysely';
import { getCommentsByIds } from '../comments/index.js';
import type { Database } from '../db/schema.js';
import type { ModeratorDecision } from '../moderation/index.js';

/** Enough to learn a site's standard; more only slows the nightly run down. */
export const MAX_DECISIONS = 5000;
const BATCH = 500;

/**
 * Moderators' decisions on comments, newest `limit` comments first, oldest-first in the result.
 *
 * - Only `approve` and `reject`: a person wrote each of them (actions.ts), on a held comment, a
 *   reported one (approve keeps it) or a published one (reject removes it). The pipeline's own holds
 *   and rejections are `system_hold` / `system_reject` and readers' reports are `flag`: never examples.
 * - A comment's latest decision wins: a rejection later overturned on appeal teaches "approve".
 * - The text must be the one decided on: a comment edited after the decision, deleted, or erased with
 *   its author's account is left out, since its present text is not what the moderator saw.
 */
export async function moderatorDecisions(db: Kysely<Database>, limit = MAX_DECISIONS): Promise<ModeratorDecision[]> {
  const latest = new Map<string, { action: string; decidedAt: string }>();
  let before: string | undefined;
  // Pages of the log, newest first, until `limit` distinct comments are found.
  for (;;) {
    let query = db
      .selectFrom('moderation_actions')
      .select(['id', 'comment_id', 'action', 'created_at'])
      .where('action', 'in', ['approve', 'reject'])
      .where('comment_id', 'is not', null)
      .orderBy('id', 'desc')
      .limit(BATCH * 4);
    if (before) query = query.where('id', '<', before);
    const rows = await query.execute();
    for (const row of rows) {
      if (latest.size >= limit) break;
      if (!latest.has(row.comment_id!)) latest.set(row.comment_id!, { action: row.action, decidedAt: row.created_at });
    }
    if (rows.length < BATCH * 4 || latest.size >= limit) break;
    before = rows[rows.length - 1].id;
  }

  const ids = [...latest.keys()];
  const decisions: ModeratorDecision[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const comment of await getCommentsByIds({ db }, ids.slice(i, i + BATCH))) {
      const decision = latest.get(comment.id)!;
      if (comment.status === 'deleted' || comment.body.trim() === '') continue;
      if (comment.edited_at && comment.edited_at > decision.decidedAt) continue;
      decisions.push({ commentId: comment.id, text: comment.body, label: decision.action === 'reject' ? 1 : 0, decidedAt: decision.decidedAt });
    }
  }
  return decisions.sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0));
}
