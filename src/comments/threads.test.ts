import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createReader, createTestArticle, guestBrowser, postId, relax } from './test-fixtures.js';

describe('threads', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  it('stores replies at any depth and draws three levels, flattening deeper ones with "replying to"', async () => {
    const article = await createTestArticle(t);
    const ana = await createReader(t, 'Ana');
    const ben = await createReader(t, 'Ben');
    const root = await postId(t, ana, article.slug, 'Level one');
    let parent = root;
    const chain = [root];
    for (let depth = 1; depth <= 5; depth++) {
      t.clock.advance(1000);
      parent = await postId(t, depth % 2 ? ben : ana, article.slug, `Level ${depth + 1}`, parent);
      chain.push(parent);
    }
    const rows = await t.runtime.db.selectFrom('comments').select(['id', 'depth', 'root_id', 'path']).orderBy('path').execute();
    expect(rows.map((row) => row.depth)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(rows.map((row) => row.root_id))).toEqual(new Set([root]));
    expect(rows[5].path).toBe(chain.join('/'));

    const response = await t.request({ url: `/api/articles/${article.slug}/comments?replies=20` });
    expect(response.statusCode).toBe(200);
    const [thread] = response.json().threads;
    expect(thread.id).toBe(root);
    const level2 = thread.replies[0];
    const level3 = level2.replies[0];
    expect(level2.id).toBe(chain[1]);
    expect(level3.id).toBe(chain[2]);
    // Depth 3, 4 and 5 all sit flat under the third level, in conversation order, each naming whom it answers.
    expect(level3.replies.map((reply: { id: string }) => reply.id)).toEqual(chain.slice(3));
    expect(level3.replies.map((reply: { replyingTo: string }) => reply.replyingTo)).toEqual(['Ana', 'Ben', 'Ana']);
    expect(level3.replies.every((reply: { replies: unknown[] }) => reply.replies.length === 0)).toBe(true);
    expect(level2.replyingTo).toBeNull();

    const page = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`id="c-${chain[5]}"`);
    expect(page.body).toContain('replying to Ben');
  });

  it('shows "N more replies" and loads them by cursor, with placeholders for hidden containers', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Writer');
    const root = await postId(t, reader, article.id, 'Root');
    const replies: string[] = [];
    for (let i = 0; i < 12; i++) {
      t.clock.advance(1000);
      replies.push(await postId(t, reader, article.id, `Reply ${i}`, i % 3 === 2 ? replies[i - 1] : root));
    }
    const first = (await t.request({ url: `/api/articles/${article.id}/comments?replies=5` })).json();
    expect(first.threads[0].moreReplies).toBe(7);
    const seen: string[] = [];
    const collect = (list: { id: string; replies: [] }[]) => list.forEach((item) => { seen.push(item.id); collect(item.replies); });
    collect(first.threads[0].replies);
    let cursor = first.threads[0].repliesCursor;
    for (let guard = 0; cursor && guard < 10; guard++) {
      const more = (await t.request({ url: `/api/comments/${root}/replies?limit=3&cursor=${cursor}` })).json();
      seen.push(...more.replies.map((reply: { id: string }) => reply.id));
      cursor = more.nextCursor;
    }
    expect(seen.sort()).toEqual([...replies].sort());

    // A rejected middle comment with a visible reply becomes a placeholder, keeping the reply in place.
    await t.runtime.db.updateTable('comments').set({ status: 'rejected' }).where('id', '=', replies[1]).execute();
    const after = (await t.request({ url: `/api/comments/${root}/replies?limit=50` })).json();
    const placeholder = after.replies.find((reply: { id: string }) => reply.id === replies[1]);
    expect(placeholder).toMatchObject({ status: 'removed', html: '', author: { name: '' } });
    expect(after.replies.find((reply: { id: string }) => reply.id === replies[2]).displayParentId).toBe(replies[1]);
  });

  it('redirects a permalink to a deep comment beyond the first page to its thread, drawn first', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Many');
    const roots: string[] = [];
    for (let i = 0; i < 25; i++) {
      t.clock.advance(1000);
      roots.push(await postId(t, reader, article.slug, `Thread ${i}`));
    }
    // A deep reply in the last thread (not on the first page of 20), after more replies than are shown.
    let parent = roots[24];
    for (let i = 0; i < 8; i++) {
      t.clock.advance(1000);
      parent = await postId(t, reader, article.slug, `Deep ${i}`, parent);
    }
    const redirect = await t.request({ url: `/comments/${parent}` });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe(`/articles/${article.slug}?thread=${roots[24]}&comment=${parent}#c-${parent}`);

    const plain = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    expect(plain.body).not.toContain(`id="c-${parent}"`);
    const page = await t.request({ url: redirect.headers.location!.split('#')[0], headers: { accept: 'text/html' } });
    expect(page.body).toContain(`id="c-${parent}"`);
    expect(page.body.indexOf(`id="c-${roots[24]}"`)).toBeLessThan(page.body.indexOf(`id="c-${roots[0]}"`));

    const unknown = await t.request({ url: '/comments/0000000000zzzzzzzzzz' });
    expect(unknown.statusCode).toBe(404);
  });

  it('renders names and text inert: XSS stays text, links get nofollow ugc', async () => {
    const article = await createTestArticle(t);
    const guest = guestBrowser(t);
    const response = await t.request({
      method: 'POST',
      url: `/api/articles/${article.slug}/comments`,
      as: guest,
      payload: { name: '<img src=x onerror=alert(1)>', text: '<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org) <b onmouseover=alert(1)>b</b>' },
    });
    expect(response.statusCode).toBe(201);
    const page = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    const section = page.body.slice(page.body.indexOf('id="comments"'));
    expect(section).not.toContain('<script>alert');
    expect(section).not.toContain('<img src=x');
    expect(section).not.toMatch(/href="javascript:/i);
    expect(section).not.toMatch(/<b onmouseover/);
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(section).toContain('rel="nofollow ugc noopener"');
    const api = (await t.request({ url: `/api/articles/${article.slug}/comments` })).json();
    expect(api.threads[0].author.name).toBe('<img src=x onerror=alert(1)>');
    expect(api.threads[0].html).not.toContain('<script');
  });
});
