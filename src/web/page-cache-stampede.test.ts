import { request } from 'node:http';
import type { preHandlerAsyncHookHandler, RouteOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReader, createTestArticle, postId, relax } from '../comments/test-fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { until } from '../testing/wait.js';
import { createPageCache } from './page-cache.js';

/**
 * Holds the article page's answer until `open()`: its page is drawn from what was stored when it was
 * asked for, and sent when the gate opens, as a slow reader's page would be.
 */
function articleGate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  let waiting = 0;
  const hold: preHandlerAsyncHookHandler = async (_request, reply) => {
    const send = reply.send.bind(reply);
    reply.send = (payload) => {
      waiting += 1;
      void opened.then(() => send(payload));
      return reply;
    };
  };
  return {
    get waiting() {
      return waiting;
    },
    open: () => release(),
    onRoute(route: RouteOptions) {
      if (route.url !== '/articles/:slug' || route.method !== 'GET') return;
      route.preHandler = [...(Array.isArray(route.preHandler) ? route.preHandler : route.preHandler ? [route.preHandler] : []), hold];
    },
  };
}

describe('page cache under a stampede', () => {
  let t: TestApp;
  let gate: ReturnType<typeof articleGate>;
  beforeEach(async () => {
    gate = articleGate();
    t = await startTestApp({ onRoute: (route) => gate.onRoute(route) });
    await relax(t);
  });
  afterEach(() => {
    gate.open();
    return t.close();
  });

  const stats = () => t.runtime.pageCache.store.stats();
  const read = (slug: string) => t.request({ url: `/articles/${slug}`, headers: { accept: 'text/html' } });

  /** The first reader of an uncached page, held while its page is drawn, and a second who asks meanwhile. */
  async function firstAndSecond(slug: string, between: () => Promise<void> = async () => {}) {
    const misses = stats().misses;
    const first = read(slug);
    await until(() => gate.waiting === 1, 'the first reader\'s page to be drawn');
    await between();
    const second = read(slug);
    await until(() => stats().misses === misses + 2, 'the second reader to be waiting');
    return { first, second };
  }

  it('draws the page once for readers who ask while it is being drawn', async () => {
    const article = await createTestArticle(t);
    const shared = stats().shared;
    const { first, second } = await firstAndSecond(article.slug);
    const third = read(article.slug);
    await until(() => stats().misses >= 3, 'the third reader to be waiting');
    gate.open();
    const answers = await Promise.all([first, second, third]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(gate.waiting).toBe(1);
    expect(stats().shared).toBe(shared + 2);
  });

  it('never hands a reader a page drawn before a comment they could already see', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Early Reader');
    await postId(t, reader, article.slug, 'A comment before anybody read the page');
    const shared = stats().shared;
    // The page's drawing begins, then a comment is published, then the second reader asks.
    const { first, second } = await firstAndSecond(article.slug, async () => {
      await postId(t, reader, article.slug, 'Published while the page was being drawn');
    });
    gate.open();
    const [firstPage, secondPage] = await Promise.all([first, second]);
    expect(firstPage.body).toContain('A comment before anybody read the page');
    expect(firstPage.body).not.toContain('Published while the page was being drawn');
    expect(secondPage.body).toContain('Published while the page was being drawn');
    expect(stats().shared).toBe(shared);
    expect(firstPage.statusCode).toBe(200);
  });

  it('leaves nobody waiting when the first reader hangs up while the page is drawn', async () => {
    const article = await createTestArticle(t);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const misses = stats().misses;
    const first = request(`${address}/articles/${article.slug}`, { headers: { accept: 'text/html' } });
    first.on('error', () => {});
    first.end();
    await until(() => gate.waiting === 1, 'the first reader\'s page to be drawn');
    const second = read(article.slug);
    await until(() => stats().misses === misses + 2, 'the second reader to be waiting');
    first.destroy();
    await until(() => first.destroyed, 'the first reader to be gone');
    gate.open();
    const answer = await second;
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('<article');
  });
});

describe('what changed while a page was drawn', () => {
  it('is known by tag between two epochs, and assumed when too long ago', () => {
    const cache = createPageCache();
    const start = cache.epoch;
    cache.invalidate(['article:a']);
    const afterA = cache.epoch;
    cache.invalidate(['article:b']);
    expect(cache.changedBetween(['article:a'], start, afterA)).toBe(true);
    expect(cache.changedBetween(['article:a'], afterA, cache.epoch)).toBe(false);
    expect(cache.changedBetween(['article:b'], start, afterA)).toBe(false);
    cache.clear();
    expect(cache.changedBetween(['article:c'], afterA, cache.epoch)).toBe(true);
    const old = cache.epoch;
    for (let i = 0; i < 2000; i += 1) cache.invalidate(['article:b']);
    expect(cache.changedBetween(['article:a'], old, old)).toBe(true);
  });
});
