import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { importDisqus } from './disqus/import.js';
import { importWordPress } from './wordpress/import.js';
import { fixture, problemLog, publishedArticle } from './test-helpers.js';

describe('tribune import wordpress', () => {
  let t: TestApp;
  let editorId: string;
  let riverId: string;
  beforeEach(async () => {
    t = await startTestApp({ clock: undefined });
    editorId = (await t.signIn('editor')).userId;
    riverId = await publishedArticle(t, 'river-report', editorId);
    const time = t.clock.now().toISOString();
    // A reader who happens to share an address with one of the WordPress authors.
    await t.runtime.db.insertInto('users').values({ id: 'reader0000000000sam0', email: 'sam.reader@example.net', display_name: 'Sam', role: 'reader', created_at: time, updated_at: time }).execute();
  });
  afterEach(() => t.close());

  const db = () => t.runtime.db;
  const article = (slug: string) => db().selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const topicsOf = async (articleId: string) =>
    (await db().selectFrom('article_topics').innerJoin('topics', 'topics.id', 'article_topics.topic_id').select('topics.slug').where('article_id', '=', articleId).orderBy('topics.slug').execute()).map((row) => row.slug);

  it('imports posts with authors, topics, dates, statuses and converted content, and their threaded comments', async () => {
    const log = problemLog();
    const summary = await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml'), problems: log.print });
    expect(summary.fatal).toBeNull();
    expect(summary.kinds.posts).toMatchObject({ imported: 5, skipped: 1, failed: 1, skippedBecause: { 'in the WordPress trash': 1 } });
    // The page "About us" is a page here too, published at /about with its comment.
    expect(summary.kinds.pages).toMatchObject({ imported: 1 });
    expect(summary.kinds.comments).toMatchObject({ imported: 7, skipped: 1, failed: 2 });
    expect(summary.kinds.comments.skippedBecause).toEqual({ 'pingbacks and trackbacks': 1 });
    expect(summary.kinds.topics).toMatchObject({ imported: 3, skipped: 1 });
    expect(log.lines).toEqual(expect.arrayContaining([
      'line 136: comments 508: the comment has no valid <wp:comment_date_gmt> (skipped)\n',
      'line 128: comments 501: the same id appears earlier in the file; this copy is skipped (skipped)\n',
      'line 120: comments 507: its parent 499 is not in the file; imported at the top of its thread (note)\n',
      'line 218: posts: an item without <wp:post_id> (skipped)\n',
      'line 197: posts 106: the slug "river-report" belongs to another article; imported as "river-report-2" (note)\n',
      'line 18: authors sam: sam.reader@example.net belongs to a reader account; the author was added without an address (note)\n',
    ]));

    const budget = await article('budget-vote');
    expect(budget).toMatchObject({
      title: 'Budget vote: what changes', status: 'published', published_at: '2019-04-01T08:00:00.000Z', created_at: '2019-04-01T08:00:00.000Z',
      updated_at: '2019-04-02T09:30:00.000Z', comments_open: 0, summary: 'The council voted 7 to 2.',
    });
    expect(budget.body_md).toBe([
      'The council voted **7 to 2** on Tuesday.\\\nRates rise in May.',
      '## What it means',
      '- Bus fares: *unchanged*\n- Water: up 3%',
      // [caption] is a figure: the caption rides as the image's title, which the renderer draws as <figcaption>.
      '![The council chamber](https://old.example.org/wp-content/uploads/2019/04/council.jpg "The council chamber on Tuesday")',
      '> “We had no choice,” said the mayor.',
      'Read [the full budget](https://example.org/budget.pdf) & the minutes.',
    ].join('\n\n'));
    expect(await topicsOf(budget.id)).toEqual(['city-hall', 'water-rates', 'écoles']);

    const maria = await db().selectFrom('users').selectAll().where('id', '=', budget.author_id).executeTakeFirstOrThrow();
    expect(maria).toMatchObject({ email: 'maria@old.example.org', display_name: 'María Núñez', role: 'editor', password_hash: null });
    const draft = await article('draft-the-school-survey');
    expect(draft).toMatchObject({ status: 'draft', published_at: null, body_md: 'Notes for later.', created_at: '2019-05-01T10:00:00.000Z' });
    const sam = await db().selectFrom('users').selectAll().where('id', '=', draft.author_id).executeTakeFirstOrThrow();
    expect(sam).toMatchObject({ email: null, role: 'editor', display_name: 'Sam Stringer' });
    expect(await article('coming-soon')).toMatchObject({ status: 'scheduled', published_at: '2099-01-01T06:00:00.000Z' });
    expect(await article('river-report-2')).toMatchObject({ status: 'draft', title: 'River report (the WordPress one)' });
    expect((await article('river-report')).id).toBe(riverId);
    expect(await db().selectFrom('articles').select('slug').where('slug', 'in', ['old-trashed']).execute()).toEqual([]);
    expect(await article('about')).toMatchObject({ kind: 'page', status: 'published', published_at: '2018-01-01T06:00:00.000Z' });
    expect((await t.request({ url: '/about', headers: { accept: 'text/html' } })).statusCode).toBe(200);

    const comments = await db().selectFrom('comments').selectAll().where('article_id', '=', budget.id).orderBy('path').execute();
    const by = (name: string) => comments.find((row) => row.author_name === name)!;
    expect(comments.map((row) => [row.author_name, row.depth, row.status])).toEqual([
      ['Ana', 0, 'published'], ['Ben', 1, 'pending'], ['Zoë Registered', 2, 'published'],
      ['Spam Bot', 0, 'rejected'], ['Cy', 0, 'deleted'], ['Dee', 0, 'published'],
    ]);
    expect(by('Ana')).toMatchObject({ author_id: null, author_email: 'ana@example.net', body: 'Finally! Fares stay put.\n\nSecond paragraph with [a link](https://example.org/x).' });
    expect(by('Ben').parent_id).toBe(by('Ana').id);
    expect(by('Zoë Registered').parent_id).toBe(by('Ben').id);
    // A registered WordPress user became a reader by their address; guests stayed guest names.
    const zoe = await db().selectFrom('users').selectAll().where('email', '=', 'zoe@example.net').executeTakeFirstOrThrow();
    expect(zoe).toMatchObject({ role: 'reader', password_hash: null });
    expect(by('Zoë Registered').author_id).toBe(zoe.id);
    expect(by('Cy')).toMatchObject({ body: '', body_html: '' });
    expect(by('Dee').body_html).toBe('<p>Replying to a comment that was deleted before the export: 日本語 ✓</p>\n');
  });

  it('creates nothing twice when run again', async () => {
    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    const counts = async () => Promise.all((['articles', 'comments', 'users', 'topics', 'article_topics'] as const).map(async (table) =>
      Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)));
    const before = await counts();
    const again = await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    expect(await counts()).toEqual(before);
    expect(again.kinds.posts.imported).toBe(0);
    expect(again.kinds.comments.imported).toBe(0);
    expect(again.kinds.authors.imported).toBe(0);
  });

  it('fills the draft a Disqus import left for a page, keeping its comments, when WordPress comes second', async () => {
    await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    const stub = await article('city-budget-vote');
    expect(stub.status).toBe('draft');
    const disqusComments = await db().selectFrom('comments').select('id').where('article_id', '=', stub.id).execute();
    expect(disqusComments.length).toBe(2);

    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    const filled = await article('city-budget-vote');
    expect(filled).toMatchObject({ id: stub.id, status: 'published', body_md: 'The full explainer.', published_at: '2018-11-20T18:00:00.000Z' });
    expect(await topicsOf(filled.id)).toEqual(['city-hall']);
    expect(await db().selectFrom('comments').select('id').where('article_id', '=', stub.id).execute()).toEqual(disqusComments);
    expect(await db().selectFrom('import_ids').select('local_id').where('source', '=', 'disqus').where('kind', '=', 'stub').where('local_id', '=', stub.id).execute()).toEqual([]);
  });

  it('matches Disqus threads to posts imported from WordPress by their ?p= id when WordPress comes first', async () => {
    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    const summary = await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
    // Thread 1002 links to /2018/11/city-budget-vote/, now a WordPress post: no stub is needed for it.
    expect(summary.kinds['draft articles for unmatched threads'].imported).toBe(1);
    const budget = await article('city-budget-vote');
    expect((await db().selectFrom('comments').select('id').where('article_id', '=', budget.id).execute()).length).toBe(2);
  });
});
