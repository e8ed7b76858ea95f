import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImage, multipart } from '../media/testing/images.js';
import { createClock, startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

import { encodeForm as encode, FORM_HEADERS as form, HTML_HEADERS as html } from '../testing/forms.js';

describe('static pages', () => {
  let t: TestApp;
  let editor: TestIdentity;
  let admin: TestIdentity;
  let topicId: string;
  beforeEach(async () => {
    t = await startTestApp({ clock: createClock('2025-05-01T10:00:00Z') });
    editor = await t.signIn('editor');
    admin = await t.signIn('admin');
    topicId = (await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name: 'Housing' } })).json().id;
    const story = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Rents rise', slug: 'rents', topics: ['housing'], status: 'published' } });
    expect(story.statusCode).toBe(201);
  });
  afterEach(() => t.close());

  const post = (url: string, fields: Record<string, string | string[]>, as = editor) => t.request({ method: 'POST', url, as, headers: form, payload: encode(fields) });
  const anonymous = (url: string) => t.app.inject({ url, headers: html });
  const api = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload });
  const pageForm = { title: 'About us', slug: 'about', summary: 'Who we are.', body: 'We report on **the city**.', authorId: '', publishedAt: '', publishedAtWas: '', kind: 'page' };

  it('writes a page in the article editor and serves it at /{slug}, outside every list and feed', async () => {
    const editorPage = await t.request({ url: '/admin/pages/new', as: editor, headers: html });
    expect(editorPage.statusCode).toBe(200);
    expect(editorPage.body).toContain('<h1>New page</h1>');
    expect(editorPage.body).toContain('name="kind" value="page"');
    expect(editorPage.body).not.toMatch(/name="commentsOpen"[^>]*checked/);

    const saved = await post('/admin/articles', { ...pageForm, topics: [topicId], action: 'publish' });
    expect(saved.statusCode).toBe(303);
    const about = await anonymous('/about');
    expect(about.statusCode).toBe(200);
    expect(about.body).toContain('<h1 class="article__headline">About us</h1>');
    expect(about.body).toContain('<strong>the city</strong>');
    expect(about.body).toContain('<link rel="canonical" href="http://localhost:3000/about">');
    // Neither comments nor "More on this topic" unless the page turns them on.
    expect(about.body).not.toContain('id="comments"');
    expect(about.body).not.toContain('More on this topic');

    expect((await anonymous('/')).body).not.toContain('About us');
    expect((await anonymous('/topics/housing')).body).not.toContain('About us');
    expect((await anonymous('/articles/rents')).body).not.toContain('About us');
    expect((await t.app.inject({ url: '/feed.xml' })).body).not.toContain('About us');
    expect((await t.app.inject({ url: '/topics/housing/atom.xml' })).body).not.toContain('About us');
    expect((await anonymous('/search?q=about')).body).not.toContain('href="/articles/about"');

    const sitemap = new XMLParser({ isArray: (name) => name === 'url' }).parse((await t.app.inject({ url: '/sitemap.xml' })).body);
    const locations = sitemap.urlset.url.map((url: { loc: string }) => url.loc);
    expect(locations).toContain('http://localhost:3000/about');
    expect(locations).not.toContain('http://localhost:3000/articles/about');

    // Its /articles/ address and WordPress's trailing slash lead to the one address.
    for (const url of ['/articles/about', '/about/']) {
      const moved = await anonymous(url);
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toBe('http://localhost:3000/about');
    }
    const list = await t.request({ url: '/admin/pages', as: editor, headers: html });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('About us');
    expect(list.body).toContain('/about');
    expect((await t.request({ url: '/admin/articles', as: editor, headers: html })).body).not.toContain('About us');
    expect((await t.request({ url: '/admin/pages', as: t.anonymous(), headers: html })).statusCode).not.toBe(200);
  });

  it('shows related stories and comments on a page that enables them', async () => {
    const created = await api({ title: 'Corrections policy', slug: 'corrections', kind: 'page', topics: ['housing'], showRelated: true, commentsOpen: true, status: 'published' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'page', showRelated: true, commentsOpen: true });
    const page = await anonymous('/corrections');
    expect(page.body).toContain('More on this topic');
    expect(page.body).toContain('href="/articles/rents"');
    expect(page.body).toContain('id="comments"');
    // The story's "More on this topic" still lists articles only.
    expect((await anonymous('/articles/rents')).body).not.toContain('Corrections policy');
  });

  it('refuses a slug the site already answers at, and makes a free one from a title', async () => {
    for (const slug of ['search', 'admin', 'donate', 'articles', 'feed']) {
      const refused = await api({ title: 'Clash', slug, kind: 'page' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: 'SLUG_RESERVED', field: 'slug' });
    }
    // An article may use the word: it lives under /articles/.
    expect((await api({ title: 'Search', slug: 'search' })).statusCode).toBe(201);
    const fromTitle = await api({ title: 'Donate', kind: 'page', status: 'published' });
    expect(fromTitle.statusCode).toBe(201);
    expect(fromTitle.json().slug).toBe('donate-2');
    expect((await anonymous('/donate-2')).statusCode).toBe(200);
  });

  it('keeps answering 404 (and old addresses) where no page is', async () => {
    const missing = await t.app.inject({ url: '/no-such-page' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'NOT_FOUND' });
    expect((await anonymous('/no-such-page/')).statusCode).toBe(404);
    expect((await anonymous('/wp-login.php')).statusCode).toBe(404);
    // A draft page is not public.
    await api({ title: 'Draft page', slug: 'draft-page', kind: 'page' });
    expect((await anonymous('/draft-page')).statusCode).toBe(404);
    // An imported site's one-segment permalink still leads to its article.
    const { id } = await t.runtime.db.selectFrom('articles').select('id').where('slug', '=', 'rents').executeTakeFirstOrThrow();
    await t.runtime.db.insertInto('article_redirects').values({ path: '/rents-rise', host: '', article_id: id, source: 'wordpress', created_at: '2025-01-01T00:00:00.000Z' }).execute();
    for (const url of ['/rents-rise', '/rents-rise/']) {
      const moved = await anonymous(url);
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toBe('http://localhost:3000/articles/rents');
    }
  });

  it('leads a renamed page’s old address to its new one', async () => {
    const { id } = (await api({ title: 'Contact', slug: 'contact', kind: 'page', status: 'published' })).json();
    const renamed = await t.request({ method: 'PATCH', url: `/api/admin/articles/${id}`, as: editor, payload: { slug: 'contact-us' } });
    expect(renamed.statusCode).toBe(200);
    const moved = await anonymous('/contact');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('http://localhost:3000/contact-us');
  });

  it('puts chosen pages and links in the header and footer, and a page’s text above the donation form', async () => {
    await api({ title: 'About us', slug: 'about', kind: 'page', status: 'published' });
    await api({ title: 'Why give', slug: 'why-give', kind: 'page', body: 'Reporting costs **money**.', status: 'published' });
    await api({ title: 'Unfinished', slug: 'unfinished', kind: 'page' });

    const unknown = await post('/admin/settings/navigation', { header: 'abuot', footer: '', donatePage: '' }, admin);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('There is no published page “abuot”');
    expect((await post('/admin/settings/navigation', { header: 'unfinished', footer: '', donatePage: '' }, admin)).statusCode).toBe(400);
    expect((await post('/admin/settings/navigation', { header: '', footer: '', donatePage: 'nope' }, admin)).statusCode).toBe(400);

    const saved = await post('/admin/settings/navigation', {
      header: 'about\nHousing | /topics/housing',
      footer: 'Corrections | https://example.org/corrections\nWhy we ask | why-give',
      donatePage: 'why-give',
    }, admin);
    expect(saved.statusCode).toBe(303);
    expect((await t.runtime.settings.get()).navigation).toEqual({
      header: [{ label: 'About us', href: '/about' }, { label: 'Housing', href: '/topics/housing' }],
      footer: [{ label: 'Corrections', href: 'https://example.org/corrections' }, { label: 'Why we ask', href: '/why-give' }],
      donatePage: 'why-give',
    });
    const home = (await anonymous('/')).body;
    expect(home).toMatch(/<ul class="site-nav">\s*<li><a href="\/about">About us<\/a><\/li><li><a href="\/topics\/housing">Housing<\/a><\/li>/);
    expect(home).toContain('<ul class="footer-nav"><li><a href="https://example.org/corrections">Corrections</a></li><li><a href="/why-give">Why we ask</a></li></ul>');
    const donate = (await anonymous('/donate')).body;
    expect(donate).toContain('<section class="donate-intro prose"><p>Reporting costs <strong>money</strong>.</p>');
    expect(donate.indexOf('donate-intro')).toBeLessThan(donate.indexOf('class="donate"'));
    // The settings form shows what was saved, one link per line.
    const settings = await t.request({ url: '/admin/settings', as: admin, headers: html });
    expect(settings.body).toContain('About us | about\nHousing | /topics/housing');
    expect((await t.request({ url: '/admin/pages', as: editor, headers: html })).body).toMatch(/footer, donate page/);
  });

  it('serves pages from the page cache, dropped when the page or the navigation changes', async () => {
    const { id } = (await api({ title: 'About us', slug: 'about', kind: 'page', body: 'First text.', status: 'published' })).json();
    expect((await anonymous('/about')).body).toContain('First text.');
    const hits = t.runtime.pageCache.store.stats().hits;
    expect((await anonymous('/about')).body).toContain('First text.');
    expect(t.runtime.pageCache.store.stats().hits).toBe(hits + 1);

    const edited = await post(`/admin/articles/${id}`, { ...pageForm, body: 'Second text.', action: 'save' });
    expect(edited.statusCode).toBe(303);
    expect((await anonymous('/about')).body).toContain('Second text.');

    // Navigation is on every page: a saved change reaches a page cached before it.
    expect((await anonymous('/about')).body).not.toContain('footer-nav');
    expect((await post('/admin/settings/navigation', { header: '', footer: 'about', donatePage: '' }, admin)).statusCode).toBe(303);
    expect((await anonymous('/about')).body).toContain('<ul class="footer-nav"><li><a href="/about">About us</a></li></ul>');
  });

  it('gives link previews the featured library image as the article page does: an absolute 1200-pixel JPEG with its size', async () => {
    const upload = multipart({ bytes: await makeImage('jpeg', 1600, 1000), filename: 'newsroom.jpg' }, { alt: 'The newsroom' });
    const item = (await t.request({ method: 'POST', url: '/api/admin/media', as: editor, headers: upload.headers, payload: upload.payload })).json<{ id: string }>();
    const created = await api({ title: 'About us', slug: 'about', kind: 'page', featuredImageUrl: `/media/${item.id}`, featuredImageAlt: 'Our newsroom', status: 'published' });
    expect(created.statusCode, created.body).toBe(201);
    const about = await anonymous('/about');
    expect(about.body).toMatch(new RegExp(`<meta property="og:image" content="http://localhost:3000/media/${item.id}/[0-9a-f]{16}-1200\\.jpg"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="750"><meta property="og:image:alt" content="Our newsroom">`));
    expect(about.body).not.toContain(`content="/media/${item.id}"`);
  });
});
