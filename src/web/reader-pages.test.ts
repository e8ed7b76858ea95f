import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReader, createTestArticle, postId, relax } from '../comments/test-fixtures.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

describe('pages of signed-in readers drawn once for all readers they look the same to', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  const html = { accept: 'text/html' };
  const pageOf = async (url: string, as: TestIdentity) => {
    const response = await t.request({ url, as, headers: html });
    expect(response.statusCode, response.body).toBe(200);
    return response.body;
  };
  const hits = () => t.runtime.pageCache.store.stats().hits;
  const tokens = (body: string) => [...body.matchAll(/name="_csrf" value="([^"]*)"/g)].map((match) => match[1]);
  /** The page with its reader's token and name taken out: what readers share. */
  const shared = (body: string, name: string) => body.replace(/(name="_csrf" value="|<meta name="csrf-token" content=")[^"]*"/g, '$1"').replaceAll(name, 'NAME');

  it('gives each reader their own name and a token that works, from one drawing', async () => {
    const article = await createTestArticle(t);
    const url = `/articles/${article.slug}`;
    const ann = await createReader(t, 'Ann Reader');
    const bob = await createReader(t, 'Bob <b>$&amp;</b> Writer');
    const annPage = await pageOf(url, ann);
    const before = hits();
    const bobPage = await pageOf(url, bob);
    expect(hits()).toBe(before + 1);
    expect(annPage).toContain('Commenting as <strong>Ann Reader</strong>');
    expect(bobPage).toContain('Commenting as <strong>Bob &lt;b&gt;$&amp;amp;&lt;/b&gt; Writer</strong>');
    expect(bobPage).not.toContain('Ann Reader');
    expect(bobPage).not.toMatch(/tribune-reader-(name|token)-/);
    expect(shared(bobPage, 'Bob &lt;b&gt;$&amp;amp;&lt;/b&gt; Writer')).toBe(shared(annPage, 'Ann Reader'));
    // Each page's token is its reader's: a form posted with it and nothing else (no Origin, no
    // Sec-Fetch-Site, as an old browser would) is accepted for Bob, refused for Ann's cookie.
    const token = tokens(bobPage)[0]!;
    expect(token).not.toBe('');
    expect(new Set(tokens(bobPage))).toEqual(new Set([token]));
    const form = (as: TestIdentity) =>
      t.app.inject({ method: 'POST', url: '/comments', headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, article: article.id, text: 'Posted by form with the page token' }).toString() });
    expect((await form(ann)).statusCode).toBe(403);
    expect((await form(bob)).statusCode).toBe(303);
  });

  it('draws a page of their own for a reader whose comment or like is on it, and shows others the change', async () => {
    const article = await createTestArticle(t);
    const url = `/articles/${article.slug}`;
    const writer = await createReader(t, 'Writing Wanda');
    const liker = await createReader(t, 'Liking Leo');
    const other = await createReader(t, 'Other Olga');
    await pageOf(url, other);
    await pageOf(url, other);

    const id = await postId(t, writer, article.id, 'Words only Wanda may delete');
    await pageOf(url, writer);
    // Around her own comment section, the page is the frame every such reader shares.
    const before = hits();
    const wandaPage = await pageOf(url, writer);
    expect(hits()).toBe(before + 1);
    expect(wandaPage).toMatch(new RegExp(`id="c-${id}"[^>]*data-mine`));
    expect(wandaPage).toContain(`action="/comments/${id}/delete"`);
    expect(wandaPage).toContain('Commenting as <strong>Writing Wanda</strong>');
    expect(wandaPage).not.toMatch(/tribune-reader-(name|token|part)-/);
    expect(new Set(tokens(wandaPage)).size).toBe(1);
    const olgaPage = await pageOf(url, other);
    expect(olgaPage).toContain('Words only Wanda may delete');
    expect(olgaPage).not.toContain(`action="/comments/${id}/delete"`);
    expect(olgaPage).not.toMatch(/data-mine/);

    expect((await t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as: liker })).statusCode).toBe(200);
    const leoPage = await pageOf(url, liker);
    expect(leoPage).toMatch(new RegExp(`/comments/${id}/react"[^]*?aria-pressed="true"`));
    const olgaAgain = await pageOf(url, other);
    expect(olgaAgain).toMatch(new RegExp(`/comments/${id}/react"[^]*?aria-pressed="false"`));
    expect(olgaAgain).toMatch(/data-reactions>1</);
    // A deleted comment is still the writer's (its tombstone is marked theirs): never the shared drawing.
    expect((await t.request({ method: 'DELETE', url: `/api/comments/${id}`, as: writer })).statusCode).toBeLessThan(300);
    expect(await pageOf(url, writer)).toMatch(new RegExp(`id="c-${id}"[^>]*data-mine`));
    expect(await pageOf(url, other)).not.toMatch(/data-mine/);
  });

  it('shares a drawing only between readers told the same: a suspension or review notice is their own', async () => {
    const article = await createTestArticle(t);
    const url = `/articles/${article.slug}`;
    const plain = await createReader(t, 'Plain Pia');
    const suspended = await createReader(t, 'Suspended Sam');
    const reviewed = await createReader(t, 'Reviewed Rita');
    await t.runtime.db.updateTable('users').set({ status: 'suspended', suspended_until: new Date(t.clock.now().getTime() + 86_400_000).toISOString() }).where('id', '=', suspended.userId).execute();
    await t.runtime.db.updateTable('users').set({ premoderate: 1 }).where('id', '=', reviewed.userId).execute();
    const pia = await pageOf(url, plain);
    const sam = await pageOf(url, suspended);
    const rita = await pageOf(url, reviewed);
    expect(pia).not.toMatch(/data-sanction|data-review-first/);
    expect(sam).toMatch(/data-sanction="suspended"/);
    expect(sam).not.toMatch(/name="text"[^>]*id="new-comment-text"|id="new-comment-text"/);
    expect(rita).toContain('Your comments are reviewed by a moderator before they appear.');
    expect(await pageOf(url, plain)).not.toMatch(/data-sanction|data-review-first/);
  });

  it('shares listing pages between readers, each with their own token, and shows a new comment count', async () => {
    const article = await createTestArticle(t);
    const ann = await createReader(t, 'Listing Ann');
    const bob = await createReader(t, 'Listing Bob');
    const annHome = await pageOf('/', ann);
    const before = hits();
    const bobHome = await pageOf('/', bob);
    expect(hits()).toBe(before + 1);
    expect(tokens(bobHome)[0]).not.toBe(tokens(annHome)[0]);
    expect(shared(bobHome, 'Listing Bob')).toBe(shared(annHome, 'Listing Ann'));
    expect(bobHome).toContain('href="/account">Your account');
    await postId(t, ann, article.id, 'A comment that moves the count');
    expect(await pageOf('/', bob)).toContain('1 comment');
  });

  it('never shares a staff member\'s page, or a preview', async () => {
    const article = await createTestArticle(t);
    const url = `/articles/${article.slug}`;
    const reader = await createReader(t, 'Reading Rob');
    await pageOf(url, reader);
    const editor = await t.signIn('editor');
    const editorPage = await pageOf(url, editor);
    expect(editorPage).toContain('href="/admin"');
    expect(editorPage).not.toContain('Reading Rob');
    expect(await pageOf(url, reader)).not.toContain('href="/admin"');
  });
});
