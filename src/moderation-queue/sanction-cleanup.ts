import { setCommentStatus, type CommentsDeps } from '../comments/index.js';
import { recordAction } from './audit.js';
import type { QueueDeps } from './types.js';

/** Whose comments a sanction cleans up: a reader's account, or a guest's cookie key. */
export type SanctionedAuthor = { userId: string } | { guestKey: string };

export interface CleanupChoice {
  /** Reject every comment of theirs still waiting for review. */
  rejectPending?: boolean;
  /** Take down every comment of theirs that is published (it leaves open pages at once). */
  removePublished?: boolean;
}

/** Form checkboxes arrive as "1" / "on"; the API sends booleans. */
export function chosen(value: unknown): boolean {
  return value === true || value === '1' || value === 'on' || value === 'true';
}

function authorComments(deps: Pick<QueueDeps, 'db'>, author: SanctionedAuthor, statuses: ('pending' | 'published')[]) {
  let query = deps.db.selectFrom('comments').select(['id', 'status', 'author_id']).where('status', 'in', statuses);
  query = 'userId' in author ? query.where('author_id', '=', author.userId) : query.where('author_id', 'is', null).where('guest_key', '=', author.guestKey);
  return query.orderBy('id').execute();
}

/**
 * The clean-up a ban offers, as part of the same action: each comment is rejected on its own, with its
 * own log row naming the ban, and a published one disappears from open article pages as it goes.
 * The reader gets the one mail about the ban, not one per comment. Returns the ids changed.
 */
export async function cleanUpAfterSanction(
  deps: QueueDeps,
  actorId: string,
  author: SanctionedAuthor,
  choice: CleanupChoice,
  reason: string,
): Promise<string[]> {
  const statuses: ('pending' | 'published')[] = [...(choice.rejectPending ? ['pending' as const] : []), ...(choice.removePublished ? ['published' as const] : [])];
  if (statuses.length === 0) return [];
  const comments: CommentsDeps = { db: deps.db, now: deps.now, settings: deps.settings, events: deps.events, baseUrl: deps.baseUrl };
  const done: string[] = [];
  for (const row of await authorComments(deps, author, statuses)) {
    await setCommentStatus(comments, row.id, 'rejected', (db) =>
      recordAction({ db, now: deps.now }, {
        commentId: row.id, userId: row.author_id, actorId, action: 'reject', reason: `With the ban: ${reason}`,
        detail: { from: row.status, withBan: true, ...('guestKey' in author ? { guest: true } : {}) },
      }),
    );
    done.push(row.id);
  }
  return done;
}

/** How many of an author's comments a ban could clean up, for the form's labels. */
export async function cleanupCounts(deps: Pick<QueueDeps, 'db'>, author: SanctionedAuthor): Promise<{ pending: number; published: number }> {
  const rows = await authorComments(deps, author, ['pending', 'published']);
  return { pending: rows.filter((row) => row.status === 'pending').length, published: rows.filter((row) => row.status === 'published').length };
}
