import { fileURLToPath } from 'node:url';
import { newId } from '../db/ids.js';
import type { TestApp } from '../testing/test-app.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A published article written straight into the table (the editor's rules are not under test here). */
export async function publishedArticle(t: TestApp, slug: string, authorId: string): Promise<string> {
  const now = t.clock.now();
  const id = newId(now);
  await t.runtime.db
    .insertInto('articles')
    .values({
      id, slug, title: `Story ${slug}`, summary: '', body_md: 'Body', author_id: authorId, status: 'published',
      published_at: new Date(now.getTime() - 60_000).toISOString(), created_at: now.toISOString(), updated_at: now.toISOString(),
      comments_open: 1, comments_close_after_days: null, premoderate: 0,
    })
    .execute();
  return id;
}

/** Problems printed during an import, kept for assertions. */
export function problemLog(): { lines: string[]; print: (line: string) => void } {
  const lines: string[] = [];
  return { lines, print: (line) => void lines.push(line) };
}
