import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * For the moderation queue: closes or reopens the discussion under an article (the article's own
 * "comments open" switch, as the editor sets it). True when the article exists.
 */
export async function setCommentsOpen(db: Kysely<Database>, articleId: string, open: boolean, now: Date): Promise<boolean> {
  const result = await db.updateTable('articles').set({ comments_open: open ? 1 : 0, updated_at: now.toISOString() }).where('id', '=', articleId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
