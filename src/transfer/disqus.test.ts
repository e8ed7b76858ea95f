import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { importDisqus } from './disqus/import.js';
import { fixture, problemLog, publishedArticle } from './test-helpers.js';

describe('tribune import disqus', () => {
  let t: TestApp;
  let editorId: string;
  let riverId: string;
  beforeEach(async () => {
    t = await startTestApp();
    editorId = (await t.signIn('editor')).userId;
    riverId = await publishedArticle(t, 'river-report', editorId);
  });
  afterEach(() => t.close());

  const db = () => t.runtime.db;
  const byBody = async () => {
    const rows = await db().selectFrom('comments').selectAll().orderBy('created_at').execute();
    return { rows, find: (text: string) => rows.find((row) => row.body.includes(text))! };
  };

  it('imports threads and posts with their trees, statuses, authors and safe text, reporting bad records by line', async () => {
    const log = problemLog();
    const summary = await importDisqus(t.runtime, { file: fixture('disqus-basic.xml'), problems: log.print });

    expect(summary.fatal).toBeNull();
    expect(summary.kinds.threads).toMatchObject({ imported: 4, skipped: 1, failed: 2 });
    expect(summary.kinds['draft articles for unmatched threads'].imported).toBe(2);
    expect(summary.kinds.posts).toMatchObject({ imported: 12, skipped: 1, failed: 3 });
    expect(log.lines).toEqual(expect.arrayContaining([
      'line 56: threads: a <thread> without dsq:id (skipped)\n',
      'line 52: threads 1001: the same id appears earlier in the file; this copy is skipped (skipped)\n',
      'line 158: posts 2001: the same id appears earlier in the file; this copy is skipped (skipped)\n',
      'line 164: posts 2011: <createdAt> is missing or not a date ("yesterday") (skipped)\n',
      'line 142: posts 2009: its thread 7777 is not in the file (skipped)\n',
      'line 125: posts 2007: its parent 9999 is not in the file; imported at the top of its thread (note)\n',
    ]));

    // Thread 1001 matched the existing article by its /articles/SLUG link; 1002 and its http twin 1003 share one draft stub.
    const stubs = await db().selectFrom('articles').selectAll().where('id', '!=', riverId).orderBy('created_at').execute();
    expect(stubs.map((row) => [row.slug, row.status, row.comments_open, row.published_at])).toEqual([
      ['city-budget-vote', 'draft', 0, null],
      ['ünïcode-straße', 'draft', 1, null],
    ]);
    expect(stubs[0]).toMatchObject({ title: 'City budget: the vote, explained', summary: 'Comments imported from Disqus for https://old.example.org/2018/11/city-budget-vote/.', author_id: editorId, created_at: '2018-11-20T18:30:00.000Z' });

    const { rows, find } = await byBody();
    const first = find('First!');
    expect(first).toMatchObject({ article_id: riverId, parent_id: null, depth: 0, status: 'published', created_at: '2019-03-01T10:00:00.000Z', author_email: null });
    // Disqus's disq.us link wrapper is unwrapped; HTML became Markdown and was rendered by the one sanitiser.
    expect(first.body).toBe('First! The **river** is *rising*. See [the gauge](http://example.com/levels).\n\nSecond paragraph\\\nwith a break.');
    expect(first.body_html).toBe('<p>First! The <strong>river</strong> is <em>rising</em>. See <a href="http://example.com/levels" rel="nofollow ugc noopener">the gauge</a>.</p>\n<p>Second paragraph<br />\nwith a break.</p>\n');

    // The reply came before its parent in the file and still sits under it.
    const disagree = find('I disagree');
    const later = find('comes later in the file');
    expect(disagree).toMatchObject({ parent_id: first.id, depth: 1, root_id: first.id, path: `${first.id}/${disagree.id}` });
    expect(later).toMatchObject({ parent_id: disagree.id, depth: 2, root_id: first.id, author_id: null, author_name: 'Bo Guest', author_email: 'bo@example.net' });
    expect(disagree.body_html).not.toContain('<script');
    expect(disagree.body_html).toContain('&lt;html&gt; is not code');
    expect(disagree.author_name).toBe('Chloé Ünïcode 🌊');

    // Registered authors became password-less readers: by email (matched case-insensitively across posts), else by username.
    const ada = await db().selectFrom('users').selectAll().where('email', '=', 'ada@example.org').executeTakeFirstOrThrow();
    expect(ada).toMatchObject({ role: 'reader', password_hash: null, display_name: 'Ada Reader' });
    expect(first.author_id).toBe(ada.id);
    expect(find('http twin').author_id).toBe(ada.id);
    const chloe = await db().selectFrom('users').selectAll().where('id', '=', disagree.author_id!).executeTakeFirstOrThrow();
    expect(chloe).toMatchObject({ role: 'reader', email: null, password_hash: null });

    // Deleted posts are tombstones holding their replies; spam is rejected; a name passing for staff is replaced.
    const tombstone = rows.find((row) => row.author_name === 'Dee')!;
    expect(tombstone).toMatchObject({ status: 'deleted', body: '', body_html: '', deleted_at: '2019-03-01T13:00:00.000Z' });
    expect(find('under a deleted comment').parent_id).toBe(tombstone.id);
    expect(find('CHEAP WATCHES').status).toBe('rejected');
    expect(find('日本語')).toMatchObject({ author_name: 'Guest', status: 'published' });
    expect(find('An image-only message follows').parent_id).toBe(rows.find((row) => row.author_name === 'Lee')!.id);
    expect(rows.find((row) => row.author_name === 'Lee')!.status).toBe('deleted');
    expect(find('cat.gif').body_html).toBe('<p><a href="https://media.example/cat.gif" rel="nofollow ugc noopener">image</a></p>\n');
    expect(rows.some((row) => row.body.includes('deleted page') || row.body.includes('second copy'))).toBe(false);
    expect(await db().selectFrom('import_pending').selectAll().execute()).toEqual([]);
  });

  it('creates nothing twice when run again', async () => {
    await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    const count = async (table: 'comments' | 'articles' | 'users') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { comments: await count('comments'), articles: await count('articles'), users: await count('users') };

    const again = await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    expect({ comments: await count('comments'), articles: await count('articles'), users: await count('users') }).toEqual(before);
    expect(again.kinds.posts.imported).toBe(0);
    // The twelve, plus the file's second copy of post 2001, now simply known.
    expect(again.kinds.posts.skippedBecause['already imported by an earlier run']).toBe(13);
    expect(again.kinds.threads.skippedBecause['already imported by an earlier run']).toBe(6);
  });

  it('keeps what was read when the file is truncated, and says where it broke off', async () => {
    const summary = await importDisqus(t.runtime, { file: fixture('disqus-truncated.xml') });
    expect(summary.fatal).toMatch(/disqus-truncated\.xml: line 16, column \d+: the file ends before <[a-z]+> is closed: it is truncated or incomplete/);
    const { rows } = await byBody();
    expect(rows.map((row) => row.body)).toEqual(['Kept: read before the file breaks off.']);
  });

  it('skips a record with an undefined entity, and stops with the line at malformed XML, keeping earlier records', async () => {
    const log = problemLog();
    const summary = await importDisqus(t.runtime, { file: fixture('disqus-malformed.xml'), problems: log.print });
    expect(log.lines[0]).toMatch(/^line 7: posts 10: XML error: undefined entity/);
    expect(summary.fatal).toMatch(/line 20, column \d+: unexpected close tag/);
    const { rows } = await byBody();
    expect(rows.map((row) => row.body)).toEqual(['Fine as well.']);
  });

  it('reads replies before parents in small batches, parking them on disk until the parent lands', async () => {
    const summary = await importDisqus(t.runtime, { file: fixture('disqus-basic.xml'), batchSize: 2 });
    expect(summary.kinds.posts).toMatchObject({ imported: 12, failed: 3 });
    const { find } = await byBody();
    expect(find('comes later in the file').parent_id).toBe(find('I disagree').id);
    expect(find('I disagree').parent_id).toBe(find('First!').id);
  });
});
