import { brotliDecompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReader, createTestArticle, postId, relax } from '../comments/test-fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createPageCache } from './page-cache.js';

describe('page cache', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  const html = { accept: 'text/html' };
  const page = (url: string, headers: Record<string, string> = {}) => t.request({ url, headers: { ...html, ...headers } });
  const thread = async (article: { id: string }) => (await t.request({ url: `/api/articles/${article.id}/comments` })).json<{ count: number; threads: { reactions: number }[] }>();
  const hits = () => t.runtime.pageCache.store.stats().hits;

  it('serves anonymous readers the same stored bytes, compressed once, with no cookie or token in them', async () => {
    const article = await createTestArticle(t);
    const first = await page(`/articles/${article.slug}`, { 'accept-encoding': 'br, gzip' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['set-cookie']).toBeUndefined();
    const before = hits();
    const second = await page(`/articles/${article.slug}`, { 'accept-encoding': 'br, gzip' });
    expect(hits()).toBe(before + 1);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(second.headers['content-security-policy']).toBeDefined();
    const body = brotliDecompressSync(second.rawPayload).toString();
    expect(body).toContain('<meta name="csrf-token" content="">');
    expect(body).not.toMatch(/name="_csrf" value="[^"]/);
    // The same page as identity and as gzip, from the same entry.
    expect((await page(`/articles/${article.slug}`)).body).toBe(body);
    expect((await page(`/articles/${article.slug}`, { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
  });

  it('answers If-None-Match and If-Modified-Since with 304 on pages, feeds and comment JSON', async () => {
    const article = await createTestArticle(t);
    for (const url of [`/articles/${article.slug}`, '/', '/feed.xml', `/api/articles/${article.id}/comments`]) {
      const first = await page(url);
      expect(first.statusCode, url).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^W\/"/);
      const again = await page(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      const since = await page(url, { 'if-modified-since': first.headers['last-modified'] as string });
      expect(since.statusCode, url).toBe(304);
      expect((await page(url, { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    }
  });

  it('shows every comment publish, edit, removal and reaction on the next read of every cached page and JSON', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Cached Reader');
    const fan = await createReader(t, 'Fan');
    const pages = [`/articles/${article.slug}`, '/'];
    const read = async (): Promise<[string, string, Awaited<ReturnType<typeof thread>>]> => {
      const [articleBody, homeBody] = await Promise.all(pages.map(async (url) => (await page(url)).body));
      return [articleBody!, homeBody!, await thread(article)];
    };
    await read();
    await read();

    const id = await postId(t, reader, article.id, 'First cached words');
    let [articleHtml, homeHtml, json] = await read();
    expect(articleHtml).toContain('First cached words');
    expect(homeHtml).toContain('1 comment');
    expect(json.count).toBe(1);

    expect((await t.request({ method: 'PATCH', url: `/api/comments/${id}`, as: reader, payload: { text: 'Edited cached words' } })).statusCode).toBe(200);
    [articleHtml, , json] = await read();
    expect(articleHtml).toContain('Edited cached words');
    expect(JSON.stringify(json)).toContain('Edited cached words');

    expect((await t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as: fan })).statusCode).toBe(200);
    [articleHtml, , json] = await read();
    expect(json.threads[0]!.reactions).toBe(1);
    expect(articleHtml).toMatch(/data-reactions>1</);

    expect((await t.request({ method: 'DELETE', url: `/api/comments/${id}`, as: reader })).statusCode).toBeLessThan(300);
    [articleHtml, homeHtml, json] = await read();
    expect(articleHtml).not.toContain('Edited cached words');
    expect(JSON.stringify(json)).not.toContain('Edited cached words');
    expect(json.count).toBe(0);
  });

  it('drops pages when a moderator acts, an editor saves, settings change or the meter moves', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const id = await postId(t, reader, article.id, 'Soon to be rejected');
    const url = `/articles/${article.slug}`;
    await page(url);
    expect((await page(url)).body).toContain('Soon to be rejected');

    const moderator = await t.signIn('moderator');
    const rejected = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/reject`, as: moderator, payload: { reason: 'off-topic' } });
    expect(rejected.statusCode, rejected.body).toBeLessThan(300);
    expect((await page(url)).body).not.toContain('Soon to be rejected');

    await t.runtime.settings.update('site', { name: 'The Renamed Courier' });
    expect((await page(url)).body).toContain('The Renamed Courier');

    // Whatever a staff write changes (an editor's title), no cached page outlives it.
    await page('/');
    await t.runtime.db.updateTable('articles').set({ title: 'A retitled story' }).where('id', '=', article.id).execute();
    const editor = await t.signIn('editor');
    expect((await t.request({ method: 'POST', url: '/logout', as: editor })).statusCode).toBeLessThan(400);
    expect((await page('/')).body).toContain('A retitled story');

    await page(url);
    await t.runtime.events.publish('drive:some-drive', { type: 'donations.changed', driveId: 'some-drive' });
    const before = t.runtime.pageCache.store.stats().misses;
    await page(url);
    expect(t.runtime.pageCache.store.stats().misses).toBe(before + 1);
  });

  it('gives signed-in readers and guests with a cookie a fresh page of their own, never stored', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Personal Pat');
    await page(`/articles/${article.slug}`);
    const own = await t.request({ url: `/articles/${article.slug}`, as: reader, headers: html });
    expect(own.body).toContain('Personal Pat');
    expect(own.body).toMatch(/<meta name="csrf-token" content="[^"]+">/);
    const anonymous = await page(`/articles/${article.slug}`);
    expect(anonymous.body).not.toContain('Personal Pat');
    expect(anonymous.body).toContain('<meta name="csrf-token" content="">');
    // An ETag still spares the bytes of an unchanged personal page.
    const again = await t.request({ url: `/articles/${article.slug}`, as: reader, headers: { ...html, 'if-none-match': own.headers.etag as string } });
    expect([200, 304]).toContain(again.statusCode);
  });

  it('keeps its memory within the budget, least recently used out first, and expires pages by age', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const cache = createPageCache({ maxBytes: 64 * 1024, maxAgeMs: 60_000, now: () => new Date(now) });
    const body = Buffer.alloc(5_000, 'a');
    for (let index = 0; index < 20; index++) cache.set(`/p${index}`, { headers: {}, identity: body, etag: 'W/"x"', tags: [] }, cache.epoch);
    expect(cache.stats().bytes).toBeLessThanOrEqual(64 * 1024);
    expect(cache.get('/p0')).toBeUndefined();
    expect(cache.get('/p19')).toBeDefined();
    now += 61_000;
    expect(cache.get('/p19')).toBeUndefined();
    // A page rendered while its tag was invalidated is not stored.
    const started = cache.epoch;
    cache.invalidate(['article:a']);
    expect(cache.set('/stale', { headers: {}, identity: body, etag: 'W/"y"', tags: ['article:a'] }, started)).toBeUndefined();
    expect(cache.set('/fresh', { headers: {}, identity: body, etag: 'W/"z"', tags: ['article:b'] }, started)).toBeDefined();
  });
});
