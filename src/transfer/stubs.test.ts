import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { importDisqus } from './disqus/import.js';
import { UNMATCHED } from './disqus/threads.js';
import type { ImportSummary } from './report.js';
import { fixture, publishedArticle } from './test-helpers.js';

describe('Disqus threads that matched no article', () => {
  let t: TestApp;
  let editor: TestIdentity;
  let riverId: string;
  let summary: ImportSummary;
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
    riverId = await publishedArticle(t, 'river-report', editor.userId);
    summary = await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
  });
  afterAll(() => t.close());

  const form = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: new URLSearchParams({ _csrf: editor.csrf, ...fields }).toString(),
  });
  const stub = (slug: string) => t.runtime.db.selectFrom('articles').select(['id', 'status']).where('slug', '=', slug).executeTakeFirst();

  it('lists them in the summary and on an admin page, each with its old address and comments', async () => {
    expect(summary.lists[UNMATCHED].items.map((item) => item.text)).toEqual([
      'City budget: the vote, explained — https://old.example.org/2018/11/city-budget-vote/',
      'Ünïcode straße — “quotes” — https://old.example.org/2020/01/ünïcode-straße/',
    ]);
    const page = await t.request({ url: '/admin/imported-threads', as: editor, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('old.example.org/2020/01/ünïcode-straße');
    expect(page.body).toContain('old.example.org/2018/11/city-budget-vote');
    expect((await t.request({ url: '/admin/imported-threads', headers: { accept: 'text/html' } })).statusCode).toBe(303);
  });

  it('attaches one to its article in one step: comments move whole, the stand-in goes, the old address follows', async () => {
    const held = (await stub('ünïcode-straße'))!;
    const before = await t.runtime.db.selectFrom('comments').select(['id', 'parent_id', 'path']).where('article_id', '=', held.id).orderBy('path').execute();
    expect(before.length).toBe(4);
    const attached = await t.request({ method: 'POST', url: `/admin/imported-threads/${held.id}/attach`, as: editor, ...form({ target: 'http://localhost:3000/articles/river-report' }) });
    expect(attached.statusCode).toBe(303);
    expect(attached.headers.location).toBe('/admin/imported-threads?moved=4');

    expect(await stub('ünïcode-straße')).toBeUndefined();
    const moved = await t.runtime.db.selectFrom('comments').select(['id', 'parent_id', 'path']).where('id', 'in', before.map((row) => row.id)).where('article_id', '=', riverId).orderBy('path').execute();
    expect(moved).toEqual(before);
    const old = await t.request({ url: '/2020/01/%C3%BCn%C3%AFcode-stra%C3%9Fe/', headers: { accept: 'text/html' } });
    expect(old.headers.location).toBe('http://localhost:3000/articles/river-report');

    // The next Disqus run places that thread's posts on the article, and makes no new stand-in.
    const again = await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    expect(again.kinds['draft articles for unmatched threads']).toBeUndefined();
    expect(await stub('ünïcode-straße')).toBeUndefined();
  });

  it('refuses an unknown article or another stand-in, showing why beside the form', async () => {
    const held = (await stub('city-budget-vote'))!;
    const unknown = await t.request({ method: 'POST', url: `/admin/imported-threads/${held.id}/attach`, as: editor, ...form({ target: 'no-such-story' }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('No article has this slug or address.');
    expect(unknown.body).toContain('value="no-such-story"');
    const json = await t.request({ method: 'POST', url: `/admin/imported-threads/${held.id}/attach`, as: editor, payload: { target: 'city-budget-vote' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: 'ATTACH_TARGET_UNKNOWN' });
    expect((await t.request({ method: 'POST', url: `/admin/imported-threads/${riverId}/attach`, as: editor, payload: { target: 'city-budget-vote' } })).json()).toMatchObject({ error: 'STUB_NOT_FOUND' });
    expect((await stub('city-budget-vote'))?.status).toBe('draft');
  });
});
