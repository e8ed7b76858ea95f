import type { Kysely } from 'kysely';
import type { CommentStatus, Database } from '../db/schema.js';

export interface AuthorComment {
  id: string;
  articleSlug: string;
  articleTitle: string;
  status: CommentStatus;
  /** Markdown as written: render it escaped. */
  body: string;
  createdAt: string;
}

/** A reader's latest comments in any status, for the members admin's person page. */
export async function commentsByAuthor(db: Kysely<Database>, userId: string, limit = 20): Promise<{ total: number; recent: AuthorComment[] }> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.id', 'a.slug', 'a.title', 'c.status', 'c.body', 'c.created_at'])
    .where('c.author_id', '=', userId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  const count = await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('author_id', '=', userId).executeTakeFirstOrThrow();
  return {
    total: Number(count.n),
    recent: rows.map((row) => ({ id: row.id, articleSlug: row.slug, articleTitle: row.title, status: row.status, body: row.body, createdAt: row.created_at })),
  };
}
