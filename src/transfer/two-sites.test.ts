import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { importDisqus } from './disqus/import.js';
import { fixture } from './test-helpers.js';
import { importWordPress } from './wordpress/import.js';

// wordpress-site-b.xml reuses site A's post id 101, comment ids 501/502 and author login "maria";
// disqus-forum-b.xml reuses disqus-basic.xml's thread 1001 and post 2001.
describe('two sites imported into one newsroom', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const db = () => t.runtime.db;
  const article = (slug: string) => db().selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const bodies = async (articleId: string) => (await db().selectFrom('comments').select('body').where('article_id', '=', articleId).orderBy('path').execute()).map((row) => row.body);
  const count = async (table: 'articles' | 'comments' | 'users') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('keeps the second WordPress site\'s clashing ids and its namesake author apart, and each site\'s /?p=ID its own', async () => {
    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    const second = await importWordPress(t.runtime, { file: fixture('wordpress-site-b.xml') });
    expect(second.kinds.posts).toMatchObject({ imported: 1, skipped: 0 });
    expect(second.kinds.comments).toMatchObject({ imported: 2, skipped: 0 });
    expect(second.kinds.authors).toMatchObject({ imported: 1, skipped: 0 });

    const floods = await article('valley-floods');
    expect(await bodies(floods.id)).toEqual(['Comment 501 of the second site.', "A reply to the second site's 501."]);
    const [parent, reply] = await db().selectFrom('comments').select(['id', 'parent_id']).where('article_id', '=', floods.id).orderBy('path').execute();
    expect(reply.parent_id).toBe(parent.id);
    // Site A's post 101 and its comment 501 are untouched.
    expect((await bodies((await article('budget-vote')).id))[0]).toBe('Finally! Fares stay put.\n\nSecond paragraph with [a link](https://example.org/x).');

    const marias = await db().selectFrom('users').select(['id', 'email', 'display_name']).where('display_name', 'in', ['María Núñez', 'Maria Valley']).orderBy('display_name').execute();
    expect(marias.map((user) => user.email)).toEqual(['maria@gazette.example.com', 'maria@old.example.org']);
    expect(floods.author_id).toBe(marias[0].id);

    const ask = (host: string) => t.request({ url: '/?p=101', headers: { host, accept: 'text/html' } });
    expect((await ask('old.example.org')).headers.location).toBe('http://localhost:3000/articles/budget-vote');
    expect((await ask('www.gazette.example.com')).headers.location).toBe('http://localhost:3000/articles/valley-floods');

    // Each site's file, run again, still creates nothing.
    const before = [await count('articles'), await count('comments'), await count('users')];
    await importWordPress(t.runtime, { file: fixture('wordpress-site-b.xml') });
    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    expect([await count('articles'), await count('comments'), await count('users')]).toEqual(before);
  });

  it('keeps a second Disqus forum\'s clashing thread and post ids apart, matching its thread to its own site\'s post', async () => {
    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    await importWordPress(t.runtime, { file: fixture('wordpress-site-b.xml') });
    await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    const second = await importDisqus(t.runtime, { file: fixture('disqus-forum-b.xml') });
    expect(second.kinds.threads).toMatchObject({ imported: 1, skipped: 0 });
    expect(second.kinds.posts).toMatchObject({ imported: 1, skipped: 0 });
    // Thread 1001 of the second forum names the second site's post 101, not the first site's.
    expect(await bodies((await article('valley-floods')).id)).toContain('Post 2001 of the second forum.');
    expect(await bodies((await article('budget-vote')).id)).not.toContain('Post 2001 of the second forum.');
    expect(await bodies((await article('river-report')).id)).toContain('First! The **river** is *rising*. See [the gauge](http://example.com/levels).\n\nSecond paragraph\\\nwith a break.');
  });

  it('recognises its own records among those imported before ids were scoped, and not another site\'s', async () => {
    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    // What migration 0014 leaves of imports made before it: every remembered id unscoped.
    await db().updateTable('import_ids').set({ scope: '' }).execute();
    const before = [await count('articles'), await count('comments'), await count('users')];

    // Another site first: its post 101, comments 501/502 and author "maria" are not taken for site A's.
    const other = await importWordPress(t.runtime, { file: fixture('wordpress-site-b.xml') });
    expect(other.kinds.posts.imported).toBe(1);
    expect(other.kinds.comments.imported).toBe(2);
    expect(other.kinds.authors.imported).toBe(1);
    const otherForum = await importDisqus(t.runtime, { file: fixture('disqus-forum-b.xml') });
    expect(otherForum.kinds.posts.imported).toBe(1);

    // Site A and its forum, run again, find their own records and create nothing.
    const again = await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    const forum = await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    expect(again.kinds.posts.imported).toBe(0);
    expect(again.kinds.comments.imported).toBe(0);
    expect(again.kinds.authors.imported).toBe(0);
    expect(forum.kinds.posts.imported).toBe(0);
    expect(forum.kinds.threads.imported).toBe(0);
    expect([await count('articles'), await count('comments'), await count('users')]).toEqual([before[0] + 1, before[1] + 3, before[2] + 1]);
    expect(await db().selectFrom('import_ids').select('kind').where('scope', '=', '').where('kind', 'in', ['post', 'comment', 'thread']).execute()).toEqual([]);
  });
});
