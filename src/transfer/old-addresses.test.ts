import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { importDisqus } from './disqus/import.js';
import { fixture } from './test-helpers.js';
import { importWordPress } from './wordpress/import.js';

// Over HTTP, after real imports: the old site's addresses answer 301 with the new ones.
describe('old addresses after an import', () => {
  let t: TestApp;
  let editor: TestIdentity;
  const base = 'http://localhost:3000';
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
    await importWordPress(t.runtime, { file: fixture('wordpress-fidelity.xml') });
    await importWordPress(t.runtime, { file: fixture('wordpress-basic.xml') });
    await importDisqus(t.runtime, { file: fixture('disqus-basic.xml') });
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.request({ url, headers: { accept: 'text/html', ...headers } });
  const articleId = async (slug: string) => (await t.runtime.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  it('answers a date-based permalink, a %postname% permalink and /?p=ID with 301 to the article', async () => {
    for (const old of ['/2021/04/05/co-written/', '/2021/04/05/co-written', '/?p=202', '/index.php?p=202', '/?p=202&utm_source=feed', '/tagged/']) {
      const response = await get(old, { host: 'blog.example.cn' });
      expect(response.statusCode, old).toBe(301);
      expect(response.headers.location, old).toBe(old === '/tagged/' ? `${base}/articles/tagged` : `${base}/articles/co-written`);
    }
    expect((await get(`${base}/articles/co-written`)).statusCode).toBe(200);
  });

  it('serves the home page for a ?p= nothing was imported under, and for any other query', async () => {
    for (const url of ['/?p=99999', '/?page=1', '/?p=abc']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<title>');
    }
    expect((await get('/no/such/page/')).statusCode).toBe(404);
  });

  it('leads a Unicode permalink to the Unicode slug, percent-encoded in Location', async () => {
    const response = await get('/2020/05/%E6%B3%B1%E6%B3%B1%E5%A4%A7%E5%9B%BD/');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(`${base}/articles/%E6%B3%B1%E6%B3%B1%E5%A4%A7%E5%9B%BD`);
    const story = await get('/articles/%E6%B3%B1%E6%B3%B1%E5%A4%A7%E5%9B%BD');
    expect(story.statusCode).toBe(200);
    expect(story.body).toContain('<link rel="canonical" href="http://localhost:3000/articles/%E6%B3%B1%E6%B3%B1%E5%A4%A7%E5%9B%BD">');
    expect((await get('/%C4%B1%C5%9F%C4%B1k-y%C4%B1l%C4%B1/')).headers.location).toBe(`${base}/articles/${encodeURIComponent('ışık-yılı')}`);
  });

  it('does not lead to a draft (a password-protected post) until it is published', async () => {
    expect((await get('/2021/03/budget-leak/')).statusCode).toBe(404);
    const published = await t.request({ method: 'PATCH', url: `/api/admin/articles/${await articleId('budget-leak')}`, as: editor, payload: { status: 'published' } });
    expect(published.statusCode).toBe(200);
    expect((await get('/2021/03/budget-leak/')).headers.location).toBe(`${base}/articles/budget-leak`);
  });

  it('leads a page\'s old addresses to the page, served at /{slug}', async () => {
    expect((await get('/contact')).statusCode).toBe(200);
    for (const old of ['/contact/', '/?page_id=208', '/?p=208']) {
      const response = await get(old, { host: 'blog.example.cn' });
      expect(response.statusCode, old).toBe(301);
      expect(response.headers.location, old).toBe(`${base}/contact`);
    }
  });

  it('keeps an old slug leading to the article after an editor changes it, and again after a second change', async () => {
    const id = await articleId('tagged');
    expect((await t.request({ method: 'PATCH', url: `/api/admin/articles/${id}`, as: editor, payload: { slug: 'many-tags' } })).statusCode).toBe(200);
    expect((await get('/articles/tagged')).headers.location).toBe(`${base}/articles/many-tags`);
    expect((await t.request({ method: 'PATCH', url: `/api/admin/articles/${id}`, as: editor, payload: { slug: 'étiquettes' } })).statusCode).toBe(200);
    for (const old of ['/articles/tagged', '/articles/many-tags', '/tagged/', '/?p=207']) {
      expect((await get(old, { host: 'blog.example.cn' })).headers.location, old).toBe(`${base}/articles/${encodeURIComponent('étiquettes')}`);
    }
    // A slug that is taken again answers with its new article, not the redirect.
    const other = await articleId('undated');
    await t.request({ method: 'PATCH', url: `/api/admin/articles/${other}`, as: editor, payload: { slug: 'tagged', status: 'published' } });
    expect((await get('/articles/tagged')).statusCode).toBe(200);
  });

  it('leads a Disqus thread\'s page to the article its comments went to', async () => {
    // Thread 1002 named the old budget page; the WordPress post filled that address.
    const response = await get('/2018/11/city-budget-vote/', { host: 'old.example.org' });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(`${base}/articles/city-budget-vote`);
  });
});
