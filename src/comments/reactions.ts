import type { FlagReason } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { commentErrors } from './errors.js';
import { articleChannel, MODERATION_CHANNEL } from './events.js';
import { actorKey } from './present.js';
import * as queries from './queries.js';
import type { CommentActor, CommentsDeps } from './types.js';

async function reactableComment(deps: CommentsDeps, actor: CommentActor, id: string) {
  const row = await queries.findComment(deps.db, id);
  if (!row || !queries.isVisibleTo(row, actor)) throw commentErrors.raise('COMMENT_NOT_FOUND');
  if (row.status !== 'published') throw commentErrors.raise('COMMENT_NOT_REACTABLE');
  const key = actorKey(actor);
  if (!key) throw new Error('a reaction needs a reader or a guest cookie');
  return { row, key };
}

/** Adds the reader's reaction, or takes it back when there is one: one per reader or guest cookie. */
export async function toggleReaction(deps: CommentsDeps, actor: CommentActor, id: string): Promise<{ reacted: boolean; reactions: number }> {
  const { row, key } = await reactableComment(deps, actor, id);
  const result = await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('comment_reactions').where('comment_id', '=', id).where('reactor_key', '=', key).executeTakeFirst();
    const reacted = Number(removed.numDeletedRows) === 0;
    if (reacted) {
      await trx
        .insertInto('comment_reactions')
        .values({ comment_id: id, reactor_key: key, created_at: deps.now().toISOString() })
        .onConflict((conflict) => conflict.columns(['comment_id', 'reactor_key']).doNothing())
        .execute();
    }
    return { reacted, reactions: await queries.refreshReactionCount(trx, id) };
  });
  await deps.events.publish(articleChannel(row.article_id), { type: 'reaction.changed', id, reactions: result.reactions });
  return result;
}

export const FLAG_REASONS: readonly FlagReason[] = ['abusive', 'spam', 'off-topic', 'other'];

/** Records a report for the moderators; a second report by the same reader changes nothing. */
export async function flagComment(
  deps: CommentsDeps,
  actor: CommentActor,
  id: string,
  input: { reason: FlagReason; note?: string },
): Promise<{ flagged: true; alreadyFlagged: boolean }> {
  const { row, key } = await reactableComment(deps, actor, id);
  const inserted = await deps.db
    .insertInto('comment_flags')
    .values({
      id: newId(deps.now()),
      comment_id: id,
      reporter_key: key,
      reporter_user_id: actor.userId,
      reporter_guest_key: actor.userId ? null : actor.guestKey,
      reason: input.reason,
      note: (input.note ?? '').trim().slice(0, 500),
      created_at: deps.now().toISOString(),
    })
    .onConflict((conflict) => conflict.columns(['comment_id', 'reporter_key']).doNothing())
    .executeTakeFirst();
  const alreadyFlagged = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0;
  if (!alreadyFlagged) {
    const flagCount = await queries.refreshFlagCount(deps.db, id);
    await deps.events.publish(MODERATION_CHANNEL, { type: 'comment.flagged', commentId: id, articleId: row.article_id, reason: input.reason, flagCount });
  }
  return { flagged: true, alreadyFlagged };
}
