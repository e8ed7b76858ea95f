import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createReader, createTestArticle, postId, relax } from './test-fixtures.js';

describe('cursor pagination', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  async function setUp() {
    const article = await createTestArticle(t);
    const writer = await createReader(t, 'Writer');
    const fans = await Promise.all([1, 2, 3, 4].map((n) => createReader(t, `Fan ${n}`)));
    const roots: string[] = [];
    for (let i = 0; i < 23; i++) {
      t.clock.advance(1000);
      const id = await postId(t, writer, article.slug, `Thread number ${i}`);
      roots.push(id);
      // Ties on purpose: several threads share each reaction count.
      for (const fan of fans.slice(0, i % 4)) await t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as: fan });
    }
    return { article, writer, roots };
  }

  async function page(slug: string, sort: string, cursor?: string) {
    const response = await t.request({ url: `/api/articles/${slug}/comments?sort=${sort}&limit=8${cursor ? `&cursor=${cursor}` : ''}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    return { ids: body.threads.map((thread: { id: string }) => thread.id) as string[], reactions: body.threads.map((thread: { reactions: number }) => thread.reactions) as number[], next: body.nextCursor as string | null };
  }

  for (const sort of ['oldest', 'newest', 'reacted'] as const) {
    it(`${sort}: new comments between pages neither duplicate nor skip one`, async () => {
      const { article, writer, roots } = await setUp();
      const seen: string[] = [];
      const reactions: number[] = [];
      let cursor: string | undefined;
      let inserted = 0;
      for (let guard = 0; guard < 10; guard++) {
        const result = await page(article.slug, sort, cursor);
        seen.push(...result.ids);
        reactions.push(...result.reactions);
        // Comments arriving while a reader pages through; they sort first (newest) or last (oldest).
        for (let n = 0; n < 3; n++) {
          t.clock.advance(1000);
          await postId(t, writer, article.slug, `Arrived late ${inserted++}`);
        }
        if (!result.next) break;
        cursor = result.next;
      }
      const original = seen.filter((id) => roots.includes(id));
      expect(new Set(seen).size).toBe(seen.length);
      expect([...original].sort()).toEqual([...roots].sort());
      if (sort === 'oldest') expect(original).toEqual(roots);
      if (sort === 'newest') expect(original).toEqual([...roots].reverse());
      if (sort === 'reacted') {
        const originalReactions = reactions.filter((_, index) => roots.includes(seen[index]));
        expect(originalReactions).toEqual([...originalReactions].sort((a, b) => b - a));
        expect(originalReactions[0]).toBe(3);
      }
    });
  }

  it('shows five replies and counts the rest in a thread of thousands', async () => {
    const article = await createTestArticle(t);
    const writer = await createReader(t, 'Writer');
    const root = await postId(t, writer, article.slug, 'Big thread');
    const rows = await t.runtime.db.selectFrom('comments').selectAll().where('id', '=', root).executeTakeFirstOrThrow();
    const many = Array.from({ length: 3000 }, (_, n) => {
      const id = `${rows.id.slice(0, 9)}${String(n).padStart(11, '0')}`;
      return { ...rows, id, parent_id: root, depth: 1, path: `${root}/${id}`, body: `r${n}`, body_html: `<p>r${n}</p>` };
    });
    for (let i = 0; i < many.length; i += 200) await t.runtime.db.insertInto('comments').values(many.slice(i, i + 200)).execute();
    // How fast is for bench/ (npm run bench): a clock here would fail on a loaded machine, not on slow code.
    const body = (await t.request({ url: `/api/articles/${article.slug}/comments` })).json();
    expect(body.threads[0].replies).toHaveLength(5);
    expect(body.threads[0].moreReplies).toBe(2995);
  });

  it('rejects a cursor made for another sort', async () => {
    const { article } = await setUp();
    const first = await page(article.slug, 'newest');
    const wrong = await t.request({ url: `/api/articles/${article.slug}/comments?sort=reacted&cursor=${first.next}` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe('COMMENT_CURSOR_INVALID');
  });
});
