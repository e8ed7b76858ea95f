import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database, NewRow, Row } from '../db/schema.js';
import type { QueueCursor } from './cursor.js';
import type { QueueCounts, QueueTab } from './types.js';

type Db = Kysely<Database>;
export type ActionRow = Row<'moderation_actions'>;

/**
 * Published comments reported at least `threshold` times that no moderator has kept since the latest
 * report: approving a reported comment clears it from the tab without touching its reports.
 */
function reported(threshold: number) {
  return (eb: ExpressionBuilder<Database, 'comments'>) =>
    eb.and([
      eb('comments.status', '=', 'published'),
      eb('comments.flag_count', '>=', threshold),
      eb.not(
        eb.exists(
          eb
            .selectFrom('moderation_actions as kept')
            .select('kept.id')
            .whereRef('kept.comment_id', '=', 'comments.id')
            .where('kept.action', 'in', ['approve', 'dismiss_reports'])
            .where((inner) =>
              inner(
                'kept.created_at',
                '>=',
                inner.selectFrom('comment_flags as f').select((f) => f.fn.max('f.created_at').as('latest')).whereRef('f.comment_id', '=', 'comments.id'),
              ),
            ),
        ),
      ),
    ]);
}

/** One page of comment ids for a tab, in the tab's order. */
export async function queueIds(db: Db, options: { tab: QueueTab; cursor: QueueCursor | null; limit: number; reportThreshold: number }) {
  const { cursor } = options;
  let query = db.selectFrom('comments').select(['comments.id', 'comments.created_at', 'comments.flag_count']);
  switch (options.tab) {
    case 'pending':
      // Oldest first: whoever waited longest is seen first.
      query = query.where('comments.status', '=', 'pending');
      if (cursor) query = query.where((eb) => eb(eb.refTuple('comments.created_at', 'comments.id'), '>', eb.tuple(String(cursor.key), cursor.id)));
      query = query.orderBy('comments.created_at', 'asc').orderBy('comments.id', 'asc');
      break;
    case 'reported':
      query = query.where(reported(options.reportThreshold));
      if (cursor) query = query.where((eb) => eb(eb.refTuple('comments.flag_count', 'comments.id'), '<', eb.tuple(Number(cursor.key), cursor.id)));
      query = query.orderBy('comments.flag_count', 'desc').orderBy('comments.id', 'desc');
      break;
    case 'rejected':
      query = query.where('comments.status', '=', 'rejected');
      if (cursor) query = query.where((eb) => eb(eb.refTuple('comments.created_at', 'comments.id'), '<', eb.tuple(String(cursor.key), cursor.id)));
      query = query.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc');
      break;
    case 'all':
      // Ids sort by creation time, so the primary key serves "newest first".
      query = query.where('comments.status', '!=', 'deleted');
      if (cursor) query = query.where('comments.id', '<', cursor.id);
      query = query.orderBy('comments.id', 'desc');
      break;
  }
  return query.limit(options.limit).execute();
}

export async function queueCounts(db: Db, reportThreshold: number): Promise<QueueCounts> {
  const byStatus = await db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', 'in', ['pending', 'rejected'])
    .groupBy('status')
    .execute();
  const flagged = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(reported(reportThreshold))
    .executeTakeFirstOrThrow();
  const count = (status: string) => Number(byStatus.find((row) => row.status === status)?.count ?? 0);
  return { pending: count('pending'), reported: Number(flagged.count), rejected: count('rejected') };
}

export function flagsFor(db: Db, commentIds: readonly string[]) {
  if (commentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('comment_flags')
    .select(['id', 'comment_id', 'reporter_user_id', 'reason', 'note', 'created_at'])
    .where('comment_id', 'in', commentIds)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** Audit rows about these comments, oldest first. */
export function actionsForComments(db: Db, commentIds: readonly string[]) {
  if (commentIds.length === 0) return Promise.resolve([] as ActionRow[]);
  return db.selectFrom('moderation_actions').selectAll().where('comment_id', 'in', commentIds).orderBy('created_at').orderBy('id').execute();
}

/** Audit rows about a reader and their comments, newest first. */
export function actionsForReader(db: Db, userId: string, limit: number) {
  return db.selectFrom('moderation_actions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Inserts an audit row; a row whose `event_key` is already recorded is skipped. True when inserted. */
export async function insertAction(db: Db, row: NewRow<'moderation_actions'>): Promise<boolean> {
  const result = await db
    .insertInto('moderation_actions')
    .values(row)
    .onConflict((conflict) => conflict.column('event_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Ids of a reader's comments, newest first (any status but deleted). */
export function readerCommentIds(db: Db, userId: string, cursor: QueueCursor | null, limit: number) {
  let query = db.selectFrom('comments').select(['id']).where('author_id', '=', userId).where('status', '!=', 'deleted');
  if (cursor) query = query.where('id', '<', cursor.id);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/** A reader's rejected comments, most recent first, with what the log says about why. */
export async function rejectedByAuthor(db: Db, userId: string, limit: number) {
  const comments = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'body', 'created_at', 'updated_at', 'moderation_reasons'])
    .where('author_id', '=', userId)
    .where('status', '=', 'rejected')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const actions = await db
    .selectFrom('moderation_actions')
    .select(['comment_id', 'action', 'reason', 'created_at'])
    .where('comment_id', 'in', comments.length > 0 ? comments.map((row) => row.id) : [''])
    .where('action', 'in', ['reject', 'system_reject'])
    .orderBy('created_at', 'asc')
    .execute();
  return { comments, actions };
}
