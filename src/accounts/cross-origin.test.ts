import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { crossOriginVerdict } from './cross-origin.js';

const OWN = 'http://localhost:3000';

describe('cross-origin verdict from the browser headers', () => {
  it.each([
    [{ 'sec-fetch-site': 'same-origin' }, 'same-origin'],
    [{ 'sec-fetch-site': 'none' }, 'same-origin'],
    [{ 'sec-fetch-site': 'cross-site', origin: OWN }, 'cross-origin'],
    [{ 'sec-fetch-site': 'same-site', origin: 'http://news.localhost:3000' }, 'cross-origin'],
    // Sec-Fetch-Site decides over Origin: a same-origin fetch is never refused for its Origin.
    [{ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }, 'same-origin'],
    [{ origin: OWN }, 'same-origin'],
    [{ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080' }, 'same-origin'],
    [{ origin: 'https://evil.example', host: 'localhost:3000' }, 'cross-origin'],
    [{ origin: 'null', host: 'localhost:3000' }, 'cross-origin'],
    [{ origin: 'http://localhost:3000.evil.example', host: 'localhost:3000' }, 'cross-origin'],
    [{}, 'unknown'],
    [{ 'sec-fetch-site': '', origin: '' }, 'unknown'],
  ] as const)('%o is %s', (headers, verdict) => {
    expect(crossOriginVerdict(headers, OWN)).toBe(verdict);
  });
});

describe('CSRF protection by Sec-Fetch-Site and Origin, with the token only as a fallback', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const logout = (headers: Record<string, string>, withToken = false) =>
    t.request({ method: 'POST', url: '/logout', headers, ...(withToken ? { as: t.anonymous() } : {}) });

  it('lets same-origin requests through without any token', async () => {
    expect((await logout({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(303);
    expect((await logout({ 'sec-fetch-site': 'none' })).statusCode).toBe(303);
    expect((await logout({ origin: OWN })).statusCode).toBe(303);
    expect((await logout({ origin: 'http://tribune.internal:8080', host: 'tribune.internal:8080' })).statusCode).toBe(303);
  });

  it('refuses cross-site requests even when they carry a valid token', async () => {
    const foreign: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
    for (const headers of foreign) {
      const response = await logout(headers, true);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json()).toMatchObject({ error: 'CSRF_INVALID' });
    }
  });

  it('falls back to the token only when both headers are absent', async () => {
    const bare = await logout({});
    expect(bare.statusCode).toBe(403);
    expect(bare.json()).toMatchObject({ error: 'CSRF_INVALID' });
    expect((await logout({}, true)).statusCode).toBe(303);
    expect((await logout({ 'x-csrf-token': 'forged' }, false)).statusCode).toBe(403);
  });

  it('still lets the sites embedding the widget post to its routes, and only to those', async () => {
    await t.runtime.settings.update('comments', { embedOrigins: ['https://partner.example'] });
    const editor = await t.signIn('editor');
    const time = new Date(Date.now() - 60_000).toISOString();
    await t.runtime.db.insertInto('articles').values({
      id: 'embedtarget000001', slug: 'embed-target', title: 'Embedded', summary: '', body_md: 'Body', author_id: editor.userId, status: 'published',
      published_at: time, created_at: time, updated_at: time, comments_open: 1, comments_close_after_days: null, premoderate: 0,
    }).execute();
    const cross = { 'sec-fetch-site': 'cross-site', origin: 'https://partner.example' };
    expect((await logout(cross)).statusCode).toBe(403);
    const posted = await t.request({ method: 'POST', url: '/api/articles/embed-target/comments', headers: cross, payload: { text: 'From the partner site', name: 'Partner' } });
    expect(posted.statusCode, posted.body).toBe(201);
    const stranger = await t.request({ method: 'POST', url: '/api/articles/embed-target/comments', headers: { ...cross, origin: 'https://stranger.example' }, payload: { text: 'From a stranger', name: 'Stranger' } });
    expect(stranger.statusCode).toBe(403);
  });
});
