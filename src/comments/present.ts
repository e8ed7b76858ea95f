import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { authorsByIds, findComments, isAuthor, reactedCommentIds, type ShownRow } from './queries.js';
import type { CommentActor, PublicComment } from './types.js';

const STAFF = new Set(['admin', 'editor', 'moderator']);

/** Everything needed to show rows to one viewer, loaded once per response. */
export interface PresentContext {
  actor: CommentActor;
  slug: string;
  baseUrl: string;
  editWindowMs: number;
  now: Date;
  authors: Map<string, { name: string; role: string }>;
  reacted: Set<string>;
  /** Display names by comment id, for "replying to NAME". */
  names: Map<string, string>;
}

/** The key a reaction or flag is stored under: one per reader, else one per guest cookie. */
export function actorKey(actor: CommentActor): string | null {
  if (actor.userId) return `u:${actor.userId}`;
  return actor.guestKey ? `g:${actor.guestKey}` : null;
}

export function pathIds(path: string): string[] {
  return path.split('/');
}

interface PresentOptions {
  actor: CommentActor;
  slug: string;
  baseUrl: string;
  editWindowMinutes: number;
  now: Date;
}

function newContext(options: PresentOptions, authors: PresentContext['authors'], reacted: Set<string>): PresentContext {
  const { actor, slug, baseUrl, now } = options;
  return { actor, slug, baseUrl, editWindowMs: options.editWindowMinutes * 60_000, now, authors, reacted, names: new Map() };
}

/** Where a comment is drawn: nested under its parent down to depth 2, flattened under the depth-2 ancestor below that. */
export function displayParentOf(row: Pick<ShownRow, 'parent_id' | 'depth' | 'path'>): string | null {
  if (row.depth <= 2) return row.parent_id;
  return pathIds(row.path)[2];
}

export async function loadPresentContext(
  db: Kysely<Database>,
  rows: readonly ShownRow[],
  options: PresentOptions,
): Promise<PresentContext> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  // Flattened replies name the comment they answer, which may sit on an earlier page.
  const missingParents = [...new Set(rows.filter((row) => row.depth >= 3 && row.parent_id && !byId.has(row.parent_id)).map((row) => row.parent_id!))];
  const parents = await findComments(db, missingParents);
  const all = [...rows, ...parents];
  const authors = await authorsByIds(db, all.flatMap((row) => (row.author_id ? [row.author_id] : [])));
  const key = actorKey(options.actor);
  const reacted = key ? await reactedCommentIds(db, [key], rows.map((row) => row.id)) : new Set<string>();
  const context = newContext(options, authors, reacted);
  for (const row of all) context.names.set(row.id, authorName(row, context));
  return context;
}

/**
 * The context for a comment just stored, without a read: nobody can have reacted to it yet, and its
 * author's account and its parent are what the caller has just used. Only a flattened reply (depth 3
 * and below) whose parent was written by an account reads that account's current name, as
 * `loadPresentContext` would.
 */
export async function freshPresentContext(
  db: Kysely<Database>,
  row: ShownRow,
  known: { user?: { id: string; display_name: string; role: string }; parent?: ShownRow },
  options: PresentOptions,
): Promise<PresentContext> {
  const authors = new Map<string, { name: string; role: string }>();
  if (known.user) authors.set(known.user.id, { name: known.user.display_name, role: known.user.role });
  const parent = row.depth >= 3 && row.parent_id && known.parent?.id === row.parent_id ? known.parent : undefined;
  if (row.depth >= 3 && row.parent_id && !parent) {
    // The caller did not pass the parent: read as loadPresentContext does.
    return loadPresentContext(db, [row], options);
  }
  if (parent?.author_id && !authors.has(parent.author_id)) {
    for (const [id, author] of await authorsByIds(db, [parent.author_id])) authors.set(id, author);
  }
  const context = newContext(options, authors, new Set());
  for (const each of parent ? [row, parent] : [row]) context.names.set(each.id, authorName(each, context));
  return context;
}

export function authorName(row: ShownRow, context: Pick<PresentContext, 'authors'>): string {
  if (row.status === 'deleted') return '';
  return (row.author_id && context.authors.get(row.author_id)?.name) || row.author_name;
}

export function permalink(context: Pick<PresentContext, 'baseUrl' | 'slug'>, id: string): string {
  return `${context.baseUrl}/articles/${encodeURIComponent(context.slug)}#c-${id}`;
}

/** A website link by the name: only http(s), never on a tombstone. */
function website(row: ShownRow, deleted: boolean): { url?: string } {
  return !deleted && row.author_url && /^https?:\/\//i.test(row.author_url) ? { url: row.author_url } : {};
}

export function presentComment(row: ShownRow, context: PresentContext): PublicComment {
  const mine = isAuthor(row, context.actor);
  const deleted = row.status === 'deleted';
  const editableUntil = new Date(new Date(row.created_at).getTime() + context.editWindowMs);
  const canEdit = mine && !deleted && editableUntil > context.now;
  const role = row.author_id ? context.authors.get(row.author_id)?.role : undefined;
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    rootId: row.root_id,
    depth: row.depth,
    displayParentId: displayParentOf(row),
    replyingTo: row.depth >= 3 && row.parent_id ? (context.names.get(row.parent_id) ?? '') : null,
    status: row.status === 'published' || row.status === 'pending' || row.status === 'deleted' ? row.status : 'removed',
    author: { name: authorName(row, context), staff: !deleted && role !== undefined && STAFF.has(role), ...website(row, deleted) },
    html: deleted ? '' : row.body_html,
    createdAt: row.created_at,
    editedAt: deleted ? null : row.edited_at,
    reactions: Number(row.reaction_count),
    reacted: context.reacted.has(row.id),
    mine,
    editableUntil: canEdit ? editableUntil.toISOString() : null,
    ...(mine && !deleted ? { text: row.body } : {}),
    permalink: permalink(context, row.id),
  };
}

/** Stands in for a comment that is not shown but has replies that are, so the thread keeps its shape. */
export function removedComment(
  ids: { id: string; articleId: string; parentId: string | null; rootId: string; depth: number; displayParentId: string | null },
  context: PresentContext,
): PublicComment {
  return {
    ...ids,
    replyingTo: null,
    status: 'removed',
    author: { name: '', staff: false },
    html: '',
    createdAt: '',
    editedAt: null,
    reactions: 0,
    reacted: false,
    mine: false,
    editableUntil: null,
    permalink: permalink(context, ids.id),
  };
}
