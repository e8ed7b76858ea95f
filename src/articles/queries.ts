import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Public visibility: published, or scheduled and its time has come (so scheduling needs no job). */
export function publicArticles(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('articles')
    .where('status', 'in', ['published', 'scheduled'])
    .where('published_at', '<=', now.toISOString());
}

/** What the comment section needs to know about an article, by id or slug; only public articles. */
export function findArticleForComments(db: Kysely<Database>, idOrSlug: string, now: Date) {
  return publicArticles(db, now)
    .select(['id', 'slug', 'title', 'published_at', 'comments_open', 'comments_close_after_days', 'premoderate'])
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
}
