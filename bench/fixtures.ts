import { newId } from '../src/db/ids.js';
import type { Runtime } from '../src/runtime.js';

/** A published article open for comments, written straight into the table (benches measure reads and posts). */
export async function insertBenchArticle(runtime: Runtime, authorId: string, slug: string): Promise<string> {
  const time = new Date(Date.now() - 60_000).toISOString();
  const id = newId();
  await runtime.db.insertInto('articles').values({
    id, slug, title: slug, summary: '', body_md: '', author_id: authorId, status: 'published', published_at: time,
    created_at: time, updated_at: time, comments_open: 1, comments_close_after_days: 0, premoderate: 0,
  }).execute();
  return id;
}
