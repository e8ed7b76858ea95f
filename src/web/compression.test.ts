import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestArticle, postId, relax } from '../comments/test-fixtures.js';
import { openStream } from '../testing/sse-client.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { negotiateEncoding } from './encoding.js';

describe('choosing an encoding from Accept-Encoding', () => {
  it('takes the highest q-value, prefers br then gzip on a tie, and identity only when nothing else is wanted', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(negotiateEncoding('BR;Q=1, gzip')).toBe('br');
    expect(negotiateEncoding('x-gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0.1')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBe('identity');
    expect(negotiateEncoding('')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBe('identity');
    expect(negotiateEncoding('deflate')).toBe('identity');
    expect(negotiateEncoding('*;q=0')).toBeNull();
    expect(negotiateEncoding('identity;q=0, br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateEncoding('br;q=junk, gzip')).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip', 'identity'])).toBe('identity');
  });
});

describe('compression on the wire', () => {
  let t: TestApp;
  let slug: string;
  let articleId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await relax(t);
    const article = await createTestArticle(t);
    ({ slug, id: articleId } = article);
    // A page long enough to be worth compressing.
    for (let n = 0; n < 8; n += 1) await postId(t, t.anonymous(), slug, `Comment number ${n} on the river cleanup and its sediment tests.`);
  });
  afterAll(() => t?.close());

  const page = (acceptEncoding?: string, method: 'GET' | 'HEAD' = 'GET') =>
    t.request({ method, url: `/articles/${slug}`, headers: { accept: 'text/html', ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) } });

  it('sends pages in Brotli or gzip as asked, and as they are to a client that asks for neither', async () => {
    const plain = await page();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const html = plain.rawPayload;
    expect(html.length).toBeGreaterThan(4000);

    const br = await page('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(html.length / 2);
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('<h1');

    const gzip = await page('br;q=0.2, gzip;q=0.8');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toContain('<h1');

    for (const refused of ['identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const answer = await page(refused);
      expect(answer.headers['content-encoding'], refused).toBeUndefined();
      expect(answer.body, refused).toContain('<h1');
    }
    // JSON APIs too.
    const api = await t.request({ url: `/api/articles/${slug}/comments`, headers: { 'accept-encoding': 'br' } });
    expect(api.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(api.rawPayload).toString()).threads).toHaveLength(8);
  });

  it('keeps HEAD, 304, 413 and 429 answers right under compression', async () => {
    const head = await page('br', 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);

    const html = (await page('br')).rawPayload;
    const stylesheet = /href="(\/assets\/theme\.[0-9a-f]{12}\.css)"/.exec(brotliDecompressSync(html).toString())?.[1];
    expect(stylesheet).toBeDefined();
    const first = await t.request({ url: stylesheet!, headers: { 'accept-encoding': 'br' } });
    const again = await t.request({ url: stylesheet!, headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    const tooLarge = await t.request({
      method: 'POST', url: `/api/articles/${slug}/comments`, as: t.anonymous(),
      headers: { 'accept-encoding': 'br, gzip', 'content-type': 'application/json' }, payload: JSON.stringify({ text: 'x'.repeat(100_000), name: 'Big' }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: 'BODY_TOO_LARGE' });

    await t.runtime.settings.update('comments', { postsPerMinutePerIp: 1 });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<TestApp['request']>> | undefined;
    for (let n = 0; n < 3 && !limited; n += 1) {
      const answer = await t.request({
        method: 'POST', url: `/api/articles/${slug}/comments`, as: t.anonymous(), remoteAddress: '10.9.9.9',
        headers: { 'accept-encoding': 'br, gzip' }, payload: { text: `A quick note number ${n}.`, name: 'Quick' },
      });
      statuses.push(answer.statusCode);
      if (answer.statusCode === 429) limited = answer;
    }
    expect(statuses).toContain(429);
    expect(limited!.headers['retry-after']).toBeDefined();
    expect(limited!.json()).toMatchObject({ error: 'RATE_LIMITED', message: expect.any(String) });
    await relax(t);
  });

  it('never compresses an event stream, so each event leaves at once', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const stream = await openStream(port, `/api/live?articles=${articleId}`, undefined, undefined, { 'accept-encoding': 'br, gzip' });
    try {
      expect(stream.response.headers['content-encoding']).toBeUndefined();
      expect(stream.response.headers['cache-control']).toContain('no-transform');
      const id = await postId(t, t.anonymous(), slug, 'Arrives as plain text, straight away.');
      expect(((await stream.waitFor('comment.created')).comment as { id: string }).id).toBe(id);
    } finally {
      stream.close();
    }
  });
});

describe('static assets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('are named by their content, precompressed, and cached for good; old names keep working, briefly cached', async () => {
    const home = (await t.request({ url: '/', headers: { accept: 'text/html' } })).body;
    const theme = /href="(\/assets\/theme\.([0-9a-f]{12})\.css)"/.exec(home);
    expect(theme).not.toBeNull();
    expect(home).toContain('<link rel="icon" href="/favicon.ico"');
    expect(home).toMatch(/<link rel="icon" href="\/assets\/favicon\.[0-9a-f]{12}\.svg" type="image\/svg\+xml">/);

    const plain = await t.request({ url: theme![1]! });
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers.vary).toBe('accept-encoding');
    for (const [accept, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const encoded = await t.request({ url: theme![1]!, headers: { 'accept-encoding': accept } });
      expect(encoded.headers['content-encoding']).toBe(accept);
      expect(encoded.headers.etag).not.toBe(plain.headers.etag);
      expect(decode(encoded.rawPayload).equals(plain.rawPayload)).toBe(true);
      expect(encoded.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    }

    const unversioned = await t.request({ url: '/assets/theme.css', headers: { 'accept-encoding': 'br' } });
    expect(unversioned.headers['cache-control']).toBe('public, max-age=300');
    expect(unversioned.headers['content-encoding']).toBe('br');
    const stale = await t.request({ url: '/assets/theme.000000000000.css' });
    expect(stale.statusCode).toBe(200);
    expect(stale.headers['cache-control']).toBe('public, max-age=300');
    expect((await t.request({ url: `/assets/theme.css?v=${theme![2]}` })).headers['cache-control']).toContain('immutable');
    expect((await t.request({ url: '/assets/nothing.0123456789ab.css' })).statusCode).toBe(404);

    const icon = await t.request({ url: '/favicon.ico' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect(icon.rawPayload.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))).toBe(true);
  });
});
