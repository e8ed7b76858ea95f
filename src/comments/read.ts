import { findArticleForComments } from '../articles/index.js';
import { decodeReplyCursor, decodeThreadCursor, encodeReplyCursor, encodeThreadCursor } from './cursor.js';
import { commentErrors } from './errors.js';
import { loadPresentContext, presentComment } from './present.js';
import * as queries from './queries.js';
import type { ShownRow } from './queries.js';
import { containersOf, flattenReplies, nestReplies } from './threads.js';
import type { CommentActor, CommentSort, CommentsDeps, PublicComment, ThreadPage, ThreadView } from './types.js';

export const MAX_THREADS_PER_PAGE = 50;
export const MAX_REPLIES_PER_THREAD = 200;

export interface ListThreadsInput {
  article: { id: string; slug: string };
  actor: CommentActor;
  sort?: CommentSort;
  cursor?: string | null;
  limit?: number;
  replies?: number;
  /** Draw this thread first (permalinks), with its replies down to `commentId`. Only on the first page. */
  pin?: { rootId: string; commentId?: string };
}

export interface ListedThreads extends ThreadPage {
  sort: CommentSort;
  /** The pinned thread, when it exists and is visible; it is not repeated in `threads`. */
  pinned: ThreadView | null;
}

/** A page of threads with their first replies nested, in three queries whatever the thread sizes. */
export async function listThreads(deps: CommentsDeps, input: ListThreadsInput): Promise<ListedThreads> {
  const { comments: settings } = await deps.settings.get();
  const sort = input.sort ?? settings.defaultSort;
  const limit = clamp(input.limit ?? settings.threadsPerPage, 1, MAX_THREADS_PER_PAGE);
  const replyLimit = clamp(input.replies ?? settings.repliesPerThread, 0, MAX_REPLIES_PER_THREAD);
  const cursor = input.cursor ? decodeThreadCursor(input.cursor, sort) : null;
  const { actor } = input;

  let pinnedRoot: ShownRow | undefined;
  let pinnedReplies: ShownRow[] = [];
  if (input.pin && !cursor) {
    const root = await queries.findComment(deps.db, input.pin.rootId);
    if (root && root.depth === 0 && root.article_id === input.article.id && queries.isVisibleTo(root, actor)) {
      pinnedRoot = root;
      let upTo = replyLimit;
      const target = input.pin.commentId ? await queries.findComment(deps.db, input.pin.commentId) : undefined;
      if (target && target.root_id === root.id && target.depth > 0) {
        upTo = (await queries.countSubtree(deps.db, { rootId: root.id, path: root.path, actor, upToPath: target.path })) + replyLimit;
      }
      pinnedReplies = await queries.firstReplies(deps.db, { rootIds: [root.id], actor, limit: Math.min(upTo, 2000) });
    }
  }

  const roots = await queries.rootsPage(deps.db, { articleId: input.article.id, actor, sort, cursor, limit: limit + 1, excludeId: pinnedRoot?.id });
  const page = roots.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = roots.length > limit && last
    ? encodeThreadCursor(sort === 'reacted' ? { sort, reactions: Number(last.reaction_count), id: last.id } : { sort, createdAt: last.created_at, id: last.id })
    : null;

  const replies = await queries.firstReplies(deps.db, { rootIds: page.map((root) => root.id), actor, limit: replyLimit });
  const allRoots = pinnedRoot ? [pinnedRoot, ...page] : page;
  const counts = await queries.countReplies(deps.db, { rootIds: allRoots.map((root) => root.id), actor });
  const context = await loadPresentContext(deps.db, [...allRoots, ...pinnedReplies, ...replies], {
    actor,
    slug: input.article.slug,
    baseUrl: deps.baseUrl,
    editWindowMinutes: settings.editWindowMinutes,
    now: deps.now(),
  });

  const byRoot = new Map<string, ShownRow[]>();
  for (const row of replies) byRoot.set(row.root_id, [...(byRoot.get(row.root_id) ?? []), row]);
  const thread = (root: ShownRow, shown: ShownRow[]): ThreadView => {
    const lastShown = shown[shown.length - 1];
    return {
      ...presentComment(root, context),
      replies: nestReplies(root.id, shown, context),
      moreReplies: Math.max(0, (counts.get(root.id) ?? 0) - shown.length),
      repliesCursor: lastShown ? encodeReplyCursor(lastShown.path) : null,
    };
  };
  return {
    sort,
    pinned: pinnedRoot ? thread(pinnedRoot, pinnedReplies) : null,
    threads: page.map((root) => thread(root, byRoot.get(root.id) ?? [])),
    nextCursor,
  };
}

export interface ReplyPage {
  replies: PublicComment[];
  nextCursor: string | null;
  /** Visible replies after this page. */
  remaining: number;
}

/** Replies below a comment (a whole thread for a top-level one), after a cursor, in conversation order. */
export async function listReplies(
  deps: CommentsDeps,
  input: { commentId: string; actor: CommentActor; cursor?: string | null; limit?: number },
): Promise<ReplyPage> {
  const { comments: settings } = await deps.settings.get();
  const parent = await queries.findComment(deps.db, input.commentId);
  const article = parent ? await findArticleForComments(deps.db, parent.article_id, deps.now()) : undefined;
  if (!parent || !article) throw commentErrors.raise('COMMENT_NOT_FOUND');
  const limit = clamp(input.limit ?? 50, 1, MAX_REPLIES_PER_THREAD);
  const afterPath = input.cursor ? decodeReplyCursor(input.cursor) : null;
  const { actor } = input;
  const rows = await queries.subtreeAfter(deps.db, { rootId: parent.root_id, path: parent.path, afterPath, actor, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const lastPath = page.length > 0 ? page[page.length - 1].path : afterPath;
  const remaining = rows.length > limit ? await queries.countSubtree(deps.db, { rootId: parent.root_id, path: parent.path, actor, afterPath: lastPath }) : 0;
  const containers = await queries.findComments(deps.db, containersOf(page));
  const shownElsewhere = new Set(containers.filter((row) => queries.isVisibleTo(row, actor)).map((row) => row.id));
  const context = await loadPresentContext(deps.db, [...page, ...containers], {
    actor,
    slug: article.slug,
    baseUrl: deps.baseUrl,
    editWindowMinutes: settings.editWindowMinutes,
    now: deps.now(),
  });
  return {
    replies: flattenReplies(page, shownElsewhere, context),
    nextCursor: remaining > 0 && lastPath ? encodeReplyCursor(lastPath) : null,
    remaining,
  };
}

/** One comment as its viewer sees it (after posting or editing), or undefined when hidden from them. */
export async function viewComment(deps: CommentsDeps, row: ShownRow, slug: string, actor: CommentActor): Promise<PublicComment> {
  const { comments: settings } = await deps.settings.get();
  const context = await loadPresentContext(deps.db, [row], { actor, slug, baseUrl: deps.baseUrl, editWindowMinutes: settings.editWindowMinutes, now: deps.now() });
  return presentComment(row, context);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
