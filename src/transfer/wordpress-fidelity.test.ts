import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { ImportSummary } from './report.js';
import { fixture, problemLog } from './test-helpers.js';
import { PAGES, PROTECTED, TOPIC_LINKS, UNDATED } from './wordpress/posts.js';
import { importWordPress } from './wordpress/import.js';

// One import of a hand-written export holding each thing a site would notice losing.
describe('tribune import wordpress keeps what the site had', () => {
  let t: TestApp;
  let summary: ImportSummary;
  const log = problemLog();
  beforeAll(async () => {
    t = await startTestApp();
    summary = await importWordPress(t.runtime, { file: fixture('wordpress-fidelity.xml'), problems: log.print });
  });
  afterAll(() => t.close());

  const db = () => t.runtime.db;
  const article = (slug: string) => db().selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const page = async (url: string) => (await t.request({ url, headers: { accept: 'text/html' } }));

  it('never makes a password-protected post public: a draft with its comments, listed in the summary', async () => {
    const leak = await article('budget-leak');
    expect(leak).toMatchObject({ status: 'draft', published_at: '2021-03-01T08:00:00.000Z' });
    expect(await db().selectFrom('comments').select('body').where('article_id', '=', leak.id).execute()).toEqual([{ body: 'Seen behind the password.' }]);
    expect(summary.lists[PROTECTED]).toEqual({ count: 1, items: [{ line: 16, id: '201', text: 'Members only: the budget leak' }] });

    expect((await page('/articles/budget-leak')).statusCode).toBe(404);
    // Nor by its old address, nor in the lists, the feed or the sitemap.
    expect((await page('/2021/03/budget-leak/')).statusCode).toBe(404);
    expect((await page('/?p=201')).body).not.toContain('budget leak');
    for (const url of ['/', '/feed.xml', '/sitemap.xml', '/search?q=members', '/api/articles/budget-leak/comments']) {
      expect((await t.request({ url })).body, url).not.toContain('budget-leak');
    }
  });

  it('keeps the comments open where they were open, without the 14-day auto-close, and closed where closed', async () => {
    expect(await article('co-written')).toMatchObject({ comments_open: 1, comments_close_after_days: 0 });
    const posted = await t.request({ method: 'POST', url: '/api/articles/co-written/comments', as: t.anonymous(), payload: { text: 'Still open years later.', name: 'Late Reader' } });
    expect(posted.statusCode).toBe(201);
    expect(await article('coming-next-year')).toMatchObject({ comments_open: 0 });
  });

  it('keeps sticky posts on top of the home page and scheduled posts scheduled', async () => {
    expect(await article('泱泱大国')).toMatchObject({ sticky: 1, status: 'published', published_at: '2020-05-01T06:00:00.000Z' });
    const home = (await page('/')).body;
    const order = ['/articles/泱泱大国', '/articles/co-written', '/articles/media'].map((href) => home.indexOf(`href="${href}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    // The oldest story, pinned, comes before newer ones.
    expect(order[0]).toBeLessThan(order[1]);
    expect(order[1]).toBeLessThan(order[2]);

    expect(await article('coming-next-year')).toMatchObject({ status: 'scheduled', published_at: '2099-06-01T06:00:00.000Z' });
    expect(home).not.toContain('Coming next year');
  });

  it('imports undated published posts as drafts, listed, never as published now, and pages as published pages', async () => {
    expect(await article('undated')).toMatchObject({ status: 'draft', published_at: null });
    expect(summary.lists[UNDATED].items.map((item) => item.id)).toEqual(['204']);
    expect(await article('contact')).toMatchObject({ status: 'published', kind: 'page' });
    expect(summary.kinds[PAGES]).toMatchObject({ imported: 1 });
    expect((await page('/')).body).not.toContain('lost the date');
  });

  it('gives co-written posts every byline (Co-Authors Plus), in order', async () => {
    const story = await article('co-written');
    // HTML in the title became its words.
    expect(story.title).toBe('Title With tags & co-authors');
    const bylines = await db().selectFrom('article_bylines').innerJoin('users', 'users.id', 'article_bylines.user_id')
      .select(['users.display_name', 'article_bylines.position', 'users.role']).where('article_id', '=', story.id).orderBy('position').execute();
    expect(bylines).toEqual([
      { display_name: 'Ayşe Yılmaz', position: 1, role: 'editor' },
      { display_name: 'guestwriter', position: 2, role: 'editor' },
    ]);
    const html = (await page('/articles/co-written')).body;
    expect(html).toMatch(/By <a rel="author" href="\/authors\/[^"]+">李泱<\/a>, <a rel="author" href="\/authors\/[^"]+">Ayşe Yılmaz<\/a> and <a rel="author" href="\/authors\/[^"]+">guestwriter<\/a>/);
    expect(html).toContain('<h1 class="article__headline">Title With tags &amp; co-authors</h1>');
  });

  it('keeps one-character names, http(s) websites as nofollow links, and a post author\'s own comment on their account', async () => {
    const story = await article('co-written');
    const comments = await db().selectFrom('comments').selectAll().where('article_id', '=', story.id).orderBy('created_at').execute();
    const [xin, mallory, author] = comments;
    expect(xin).toMatchObject({ author_name: '鑫', author_url: 'http://xin.example.net/blog', author_id: null });
    expect(mallory).toMatchObject({ author_name: 'Mallory', author_url: null });
    const li = await db().selectFrom('users').select(['id', 'role']).where('email', '=', 'li@blog.example.cn').executeTakeFirstOrThrow();
    expect(author).toMatchObject({ author_id: li.id, author_email: null, parent_id: xin.id });
    expect(story.author_id).toBe(li.id);

    const html = (await page('/articles/co-written')).body;
    expect(html).toContain('<a href="http://xin.example.net/blog" rel="nofollow ugc noopener">鑫</a>');
    expect(html).not.toContain('javascript:');
    // The author answers as themselves, with the staff badge their account carries.
    expect(html).toMatch(/李泱<\/strong>\s*<span class="comment__badge">Staff<\/span>/);
  });

  it('keeps every topic it can, and says how many it dropped and why', async () => {
    const tagged = await article('tagged');
    const linked = await db().selectFrom('article_topics').select('topic_id').where('article_id', '=', tagged.id).execute();
    expect(linked).toHaveLength(20);
    expect(await db().selectFrom('topics').select('slug').where('slug', 'in', ['tag-21', 'tag-22']).execute()).toHaveLength(2);
    expect(summary.kinds[TOPIC_LINKS]).toMatchObject({ skipped: 2 });
    expect(log.lines).toContain('line 136: posts 207: 2 of its 22 categories and tags were not attached (an article carries at most 20 topics) (note)\n');
    // Topic names lose their HTML entities; Turkish and Chinese slugs stay readable.
    expect(await db().selectFrom('topics').select(['slug', 'name']).where('slug', '=', 'şehir').executeTakeFirst()).toEqual({ slug: 'şehir', name: 'Şehir & Kültür' });
    expect(await article('ışık-yılı')).toMatchObject({ title: 'Işık Yılı' });
  });
});
