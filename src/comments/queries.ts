import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { Database, NewRow, Row } from '../db/schema.js';
import type { ThreadCursor } from './cursor.js';
import type { CommentActor, CommentSort } from './types.js';

type Db = Kysely<Database>;
/** `author_url` is optional here: only imports set it, so rows the site writes itself leave it out. */
export type CommentRow = Omit<Row<'comments'>, 'author_url'> & { author_url?: string | null };

/** The columns drawing a comment needs; moderation data and the guest's email stay in the table. */
export const SHOWN_COLUMNS = [
  'id', 'article_id', 'parent_id', 'root_id', 'depth', 'path', 'author_id', 'guest_key', 'author_name', 'author_url',
  'body', 'body_html', 'status', 'reaction_count', 'created_at', 'edited_at',
] as const;
export type ShownRow = Pick<CommentRow, (typeof SHOWN_COLUMNS)[number]>;

/**
 * Published comments for everyone; pending ones only for their author. A tombstone is there to keep a
 * thread's shape, so others see one only where a published reply hangs below it (its author always sees
 * theirs): a comment deleted before it was ever published, which cannot have replies, leaves no trace.
 */
export function visibleTo(actor: CommentActor) {
  return (eb: ExpressionBuilder<Database, 'comments'>) => {
    // The subtree of path P is the range (P + '/', P + '0'): ids use [0-9a-z] and '/' sorts just below '0'.
    const publishedBelow = eb
      .selectFrom('comments as below')
      .select('below.id')
      .whereRef('below.root_id', '=', 'comments.root_id')
      .where('below.status', '=', 'published')
      .where(sql<boolean>`below.path > comments.path || '/'`)
      .where(sql<boolean>`below.path < comments.path || '0'`);
    const shown = [eb('comments.status', '=', 'published'), eb.and([eb('comments.status', '=', 'deleted'), eb.exists(publishedBelow)])];
    const own = [];
    if (actor.userId) own.push(eb('comments.author_id', '=', actor.userId));
    if (actor.guestKey) own.push(eb.and([eb('comments.author_id', 'is', null), eb('comments.guest_key', '=', actor.guestKey)]));
    if (own.length > 0) shown.push(eb.and([eb('comments.status', 'in', ['pending', 'deleted']), eb.or(own)]));
    return eb.or(shown);
  };
}

/** One row on its own: a tombstone counts as visible here, as the ones callers meet hold up a reply. */
export function isVisibleTo(row: Pick<CommentRow, 'status' | 'author_id' | 'guest_key'>, actor: CommentActor): boolean {
  if (row.status === 'published' || row.status === 'deleted') return true;
  return row.status === 'pending' && isAuthor(row, actor);
}

export function isAuthor(row: Pick<CommentRow, 'author_id' | 'guest_key'>, actor: CommentActor): boolean {
  if (row.author_id) return row.author_id === actor.userId;
  return actor.guestKey !== null && row.guest_key === actor.guestKey;
}

const commentById = preparedQuery<{ id: string }>()((db, arg) => db.selectFrom('comments').selectAll().where('id', '=', arg('id')));

export async function findComment(db: Db, id: string): Promise<Row<'comments'> | undefined> {
  return (await commentById(db, { id }))[0];
}

export function findComments(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as CommentRow[]);
  return db.selectFrom('comments').selectAll().where('id', 'in', ids).execute();
}

/** The columns a comment posted on the site is written with (imports add `author_url`). */
const POSTED_COLUMNS = [
  'id', 'article_id', 'parent_id', 'root_id', 'depth', 'path', 'author_id', 'guest_key', 'author_name', 'author_email', 'body', 'body_html',
  'status', 'moderation_reasons', 'moderation_scores', 'flag_count', 'reaction_count', 'created_at', 'updated_at', 'edited_at', 'deleted_at',
] as const;
type PostedRow = { [K in (typeof POSTED_COLUMNS)[number]]: NewRow<'comments'>[K] };
const insertPosted = preparedQuery<PostedRow>()((db, arg) =>
  db.insertInto('comments').values(Object.fromEntries(POSTED_COLUMNS.map((column) => [column, arg(column)])) as unknown as NewRow<'comments'>));

export async function insertComment(db: Db, row: NewRow<'comments'>): Promise<void> {
  const keys = Object.keys(row);
  if (keys.length === POSTED_COLUMNS.length && POSTED_COLUMNS.every((column) => column in row)) {
    await insertPosted(db, row as PostedRow);
    return;
  }
  await db.insertInto('comments').values(row).execute();
}

/** One page of top-level comments, keyset-paginated so inserts between pages never shift it. */
export function rootsPage(
  db: Db,
  options: { articleId: string; actor: CommentActor; sort: CommentSort; cursor: ThreadCursor | null; limit: number; excludeId?: string },
) {
  let query = db
    .selectFrom('comments')
    .select(SHOWN_COLUMNS)
    .where('article_id', '=', options.articleId)
    .where('depth', '=', 0)
    .where(visibleTo(options.actor));
  if (options.excludeId) query = query.where('id', '!=', options.excludeId);
  const { cursor } = options;
  if (options.sort === 'reacted') {
    if (cursor?.sort === 'reacted') query = query.where((eb) => eb(eb.refTuple('reaction_count', 'id'), '<', eb.tuple(cursor.reactions, cursor.id)));
    query = query.orderBy('reaction_count', 'desc').orderBy('id', 'desc');
  } else if (options.sort === 'newest') {
    if (cursor && cursor.sort !== 'reacted') query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(cursor.createdAt, cursor.id)));
    query = query.orderBy('created_at', 'desc').orderBy('id', 'desc');
  } else {
    if (cursor && cursor.sort !== 'reacted') query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(cursor.createdAt, cursor.id)));
    query = query.orderBy('created_at', 'asc').orderBy('id', 'asc');
  }
  return query.limit(options.limit).execute();
}

/**
 * The first `limit` visible replies of each thread in conversation order, in one statement with the same
 * text whatever the threads: replies numbered per thread by ROW_NUMBER() over the (root_id, path) index
 * (comments_thread), on SQLite and PostgreSQL alike. A thread is read in index order up to its end, so
 * a thread of thousands of replies costs an index range scan of its rows, not a sort.
 */
export async function firstReplies(db: Db, options: { rootIds: readonly string[]; actor: CommentActor; limit: number }): Promise<ShownRow[]> {
  if (options.rootIds.length === 0 || options.limit <= 0) return [];
  const numbered = db
    .selectFrom('comments')
    .select(SHOWN_COLUMNS)
    .select((eb) => eb.fn.agg<number>('row_number', []).over((over) => over.partitionBy('root_id').orderBy('path')).as('place'))
    .where('root_id', 'in', options.rootIds)
    .where('depth', '>', 0)
    .where(visibleTo(options.actor))
    .as('numbered');
  return db.selectFrom(numbered).select(SHOWN_COLUMNS).where('place', '<=', options.limit).orderBy('path').execute();
}

/** Visible replies after `afterPath` inside the subtree of the comment with path `path`. */
export function subtreeAfter(db: Db, options: { rootId: string; path: string; afterPath: string | null; actor: CommentActor; limit: number }) {
  // Ids use [0-9a-z] and '/' sorts just below '0', so the subtree of P is the range (P + '/', P + '0').
  const lower = options.afterPath && options.afterPath > `${options.path}/` ? options.afterPath : `${options.path}/`;
  return db
    .selectFrom('comments')
    .select(SHOWN_COLUMNS)
    .where('root_id', '=', options.rootId)
    .where('path', '>', lower)
    .where('path', '<', `${options.path}0`)
    .where(visibleTo(options.actor))
    .orderBy('path')
    .limit(options.limit)
    .execute();
}

/** Visible replies per thread, in one grouped count over the thread index. */
export async function countReplies(db: Db, options: { rootIds: readonly string[]; actor: CommentActor }): Promise<Map<string, number>> {
  const counts = new Map<string, number>(options.rootIds.map((id) => [id, 0]));
  if (options.rootIds.length === 0) return counts;
  const rows = await db
    .selectFrom('comments')
    .select(['root_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('root_id', 'in', options.rootIds)
    .where('depth', '>', 0)
    .where(visibleTo(options.actor))
    .groupBy('root_id')
    .execute();
  for (const row of rows) counts.set(row.root_id, Number(row.count));
  return counts;
}

/** Visible replies in a subtree after `afterPath` (all of them when null), or up to and including `upToPath`. */
export async function countSubtree(
  db: Db,
  options: { rootId: string; path: string; actor: CommentActor; afterPath?: string | null; upToPath?: string },
): Promise<number> {
  const lower = options.afterPath && options.afterPath > `${options.path}/` ? options.afterPath : `${options.path}/`;
  let query = db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('root_id', '=', options.rootId)
    .where('path', '>', lower)
    .where('path', '<', `${options.path}0`)
    .where(visibleTo(options.actor));
  if (options.upToPath) query = query.where('path', '<=', options.upToPath);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function authorsByIds(db: Db, ids: readonly string[]): Promise<Map<string, { name: string; role: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, { name: row.display_name, role: row.role }]));
}

export async function reactedCommentIds(db: Db, reactorKeys: readonly string[], commentIds: readonly string[]): Promise<Set<string>> {
  if (reactorKeys.length === 0 || commentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('comment_reactions')
    .select('comment_id')
    .where('reactor_key', 'in', reactorKeys)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((row) => row.comment_id));
}

export async function publishedCounts(db: Db, articleIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(articleIds.map((id) => [id, 0]));
  if (articleIds.length === 0) return counts;
  const rows = await db
    .selectFrom('comments')
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('article_id', 'in', articleIds)
    .where('status', '=', 'published')
    .groupBy('article_id')
    .execute();
  for (const row of rows) counts.set(row.article_id, Number(row.count));
  return counts;
}

export interface AuthorHistory {
  approvedCount: number;
  rejectedCount: number;
  pendingCount: number;
  recent: { text: string; createdAt: string }[];
}

/**
 * A reader's (or guest cookie's) record, for moderation: counts by status and recent texts, newest first.
 * `excludeId` leaves out the comment being edited, so it neither vouches for itself (an approved comment
 * letting its own new link through) nor repeats or floods itself.
 */
type HistoryKey = 'user' | 'guest' | 'user-but' | 'guest-but';
type HistoryArgs = { who: string; excluded: string; recentLimit: number };

/** Both reads of `authorHistory`, compiled once for each kind of author, with and without an excluded comment. */
function historyQueries(kind: HistoryKey) {
  const byAuthor = (arg: <K extends keyof HistoryArgs & string>(name: K) => HistoryArgs[K]) => (eb: ExpressionBuilder<Database, 'comments'>) => {
    const who = kind.startsWith('user') ? eb('author_id', '=', arg('who')) : eb.and([eb('author_id', 'is', null), eb('guest_key', '=', arg('who'))]);
    return kind.endsWith('-but') ? eb.and([who, eb('id', '!=', arg('excluded'))]) : who;
  };
  return {
    counts: preparedQuery<HistoryArgs>()((db, arg) => db
      .selectFrom('comments')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .where(byAuthor(arg))
      .groupBy('status')),
    recent: preparedQuery<HistoryArgs>()((db, arg) => db
      .selectFrom('comments')
      .select(['body', 'created_at'])
      .where(byAuthor(arg))
      .where('status', '!=', 'deleted')
      .orderBy('created_at', 'desc')
      .limit(arg('recentLimit'))),
  };
}
const HISTORY = { user: historyQueries('user'), guest: historyQueries('guest'), 'user-but': historyQueries('user-but'), 'guest-but': historyQueries('guest-but') };

/**
 * A reader's (or guest cookie's) record, for moderation: counts by status and recent texts, newest first.
 * `excludeId` leaves out the comment being edited, so it neither vouches for itself (an approved comment
 * letting its own new link through) nor repeats or floods itself.
 */
export async function authorHistory(
  db: Db,
  author: { userId: string } | { guestKey: string },
  options: { recentLimit?: number; excludeId?: string } = {},
): Promise<AuthorHistory> {
  const kind: HistoryKey = `${'userId' in author ? 'user' : 'guest'}${options.excludeId ? '-but' : ''}`;
  const args: HistoryArgs = { who: 'userId' in author ? author.userId : author.guestKey, excluded: options.excludeId ?? '', recentLimit: options.recentLimit ?? 20 };
  const counts = await HISTORY[kind].counts(db, args);
  const recent = await HISTORY[kind].recent(db, args);
  const count = (status: string) => Number(counts.find((row) => row.status === status)?.count ?? 0);
  return {
    approvedCount: count('published'),
    rejectedCount: count('rejected'),
    pendingCount: count('pending'),
    recent: recent.map((row) => ({ text: row.body, createdAt: row.created_at })),
  };
}

/** Recounts from the reaction rows, so the counter cannot drift under concurrent toggles. */
export async function refreshReactionCount(db: Db, commentId: string): Promise<number> {
  await db
    .updateTable('comments')
    .set((eb) => ({
      reaction_count: eb.selectFrom('comment_reactions').select(eb.fn.countAll<number>().as('n')).where('comment_id', '=', commentId),
    }))
    .where('id', '=', commentId)
    .execute();
  const row = await db.selectFrom('comments').select('reaction_count').where('id', '=', commentId).executeTakeFirstOrThrow();
  return Number(row.reaction_count);
}

export async function refreshFlagCount(db: Db, commentId: string): Promise<number> {
  await db
    .updateTable('comments')
    .set((eb) => ({
      flag_count: eb.selectFrom('comment_flags').select(eb.fn.countAll<number>().as('n')).where('comment_id', '=', commentId),
    }))
    .where('id', '=', commentId)
    .execute();
  const row = await db.selectFrom('comments').select('flag_count').where('id', '=', commentId).executeTakeFirstOrThrow();
  return Number(row.flag_count);
}

/** Whether a row with this unique key already exists, tolerating the engines' different conflict errors. */
export function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /UNIQUE constraint failed|duplicate key value/i.test(message);
}


/** Asked on every signed-in reader's article page (comments/section.ts): compiled once. */
const ownTraces = preparedQuery<{ articleId: string; userId: string; reactorKey: string }>()((db, arg) => db
  .selectNoFrom((eb) => [
    eb.exists(eb.selectFrom('comments').select('id').where('author_id', '=', arg('userId')).where('article_id', '=', arg('articleId'))).as('wrote'),
    eb.exists(eb.selectFrom('comment_reactions')
      .innerJoin('comments', 'comments.id', 'comment_reactions.comment_id')
      .select('comment_reactions.comment_id')
      .where('comment_reactions.reactor_key', '=', arg('reactorKey'))
      .where('comments.article_id', '=', arg('articleId'))).as('liked'),
  ]));

/** Whether this reader wrote any comment on the article, in any state (a deleted one still shows as theirs), or liked one. */
export async function leftTraceOn(db: Db, articleId: string, userId: string, reactorKey: string): Promise<boolean> {
  const [row] = await ownTraces(db, { articleId, userId, reactorKey });
  return Boolean(row?.wrote) || Boolean(row?.liked);
}

/** The actor's own live comments on an article (for the widget to offer edit/delete and show held ones). */
export function ownComments(db: Db, articleId: string, actor: CommentActor, limit = 100) {
  return db
    .selectFrom('comments')
    .select(SHOWN_COLUMNS)
    .where('article_id', '=', articleId)
    .where('status', 'in', ['published', 'pending'])
    .where((eb) =>
      actor.userId
        ? eb('author_id', '=', actor.userId)
        : eb.and([eb('author_id', 'is', null), eb('guest_key', '=', actor.guestKey ?? '')]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function reactedOnArticle(db: Db, articleId: string, reactorKey: string, limit = 1000): Promise<string[]> {
  const rows = await db
    .selectFrom('comment_reactions')
    .innerJoin('comments', 'comments.id', 'comment_reactions.comment_id')
    .select('comment_reactions.comment_id')
    .where('comment_reactions.reactor_key', '=', reactorKey)
    .where('comments.article_id', '=', articleId)
    .limit(limit)
    .execute();
  return rows.map((row) => row.comment_id);
}
