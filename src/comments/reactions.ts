import type { Kysely } from 'kysely';
import type { Database, FlagReason } from '../db/schema.js';
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

/** Where a like comes from, for guests: `reactionNetworkKey` of their network for this comment. */
export interface ReactionOrigin {
  networkKey: string;
}

/**
 * A guest's like takes one of `limit` slots for their network on this comment. A fresh cookie costs
 * nothing, so the cookie alone cannot stop one machine liking thirty times; the network can. The slots
 * are rows under a unique index, so concurrent likes from one network cannot overfill them. False when full.
 */
async function addGuestReaction(trx: Kysely<Database>, like: { commentId: string; reactorKey: string; networkKey: string; limit: number; at: string }): Promise<boolean> {
  const slots = Array.from({ length: like.limit }, (_, index) => `${like.networkKey}.${index + 1}`);
  const taken = new Set(
    (await trx.selectFrom('comment_reactions').select('address_slot').where('comment_id', '=', like.commentId).where('address_slot', 'in', slots).execute())
      .map((row) => row.address_slot),
  );
  for (const slot of slots) {
    if (taken.has(slot)) continue;
    const inserted = await trx
      .insertInto('comment_reactions')
      .values({ comment_id: like.commentId, reactor_key: like.reactorKey, created_at: like.at, address_slot: slot })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
    // The slot went to a concurrent like from the same network, or this very cookie's like landed meanwhile.
    const own = await trx.selectFrom('comment_reactions').select('comment_id').where('comment_id', '=', like.commentId).where('reactor_key', '=', like.reactorKey).executeTakeFirst();
    if (own) return true;
  }
  return false;
}

/**
 * Adds the reader's reaction, or takes it back when there is one: one per reader or guest cookie, and
 * for guests at most `guestReactionsPerAddress` per network on each comment (readers are not limited:
 * an account is one person wherever they connect from).
 */
export async function toggleReaction(
  deps: CommentsDeps,
  actor: CommentActor,
  id: string,
  origin: ReactionOrigin,
): Promise<{ reacted: boolean; reactions: number }> {
  const { row, key } = await reactableComment(deps, actor, id);
  // A like says someone else valued the comment; the author's own would only inflate it.
  if (queries.isAuthor(row, actor)) throw commentErrors.raise('OWN_COMMENT_REACTION');
  const { comments: settings } = await deps.settings.get();
  // Bounded, so the slots asked about stay a short list whatever the setting says.
  const limit = actor.userId ? 0 : Math.min(Math.max(0, Math.trunc(settings.guestReactionsPerAddress)), 100);
  const at = deps.now().toISOString();
  const result = await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('comment_reactions').where('comment_id', '=', id).where('reactor_key', '=', key).executeTakeFirst();
    const reacted = Number(removed.numDeletedRows) === 0;
    if (reacted && limit > 0) {
      if (!(await addGuestReaction(trx, { commentId: id, reactorKey: key, networkKey: origin.networkKey, limit, at }))) return undefined;
    } else if (reacted) {
      await trx
        .insertInto('comment_reactions')
        .values({ comment_id: id, reactor_key: key, created_at: at })
        .onConflict((conflict) => conflict.columns(['comment_id', 'reactor_key']).doNothing())
        .execute();
    }
    return { reacted, reactions: await queries.refreshReactionCount(trx, id) };
  });
  if (!result) throw commentErrors.raise('GUEST_REACTIONS_FULL');
  await deps.events.publish(articleChannel(row.article_id), { type: 'reaction.changed', id, reactions: result.reactions });
  return result;
}

// The one list of report reasons, shared with the report form the server and the widget draw.
export { FLAG_REASONS } from './markup/lists.js';

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
