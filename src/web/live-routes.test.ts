import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createReader, createTestArticle, postId, relax } from '../comments/test-fixtures.js';
import { seedDemoDonations } from '../donations/index.js';
import { createLocalEventBus } from '../events/index.js';
import { openStream, type Stream } from '../testing/sse-client.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { until } from '../testing/wait.js';
import { LIVE_CONNECTS_PER_MINUTE, siteLiveRoutes } from './live-routes.js';
import { limitEventStreams } from './sse.js';

const commentIds = (stream: Stream) =>
  stream.events.filter((event) => event.event === 'comment.created').map((event) => (event.data.comment as { id: string }).id);

describe('the site-wide live stream', () => {
  let t: TestApp;
  let port: number;
  const streams: Stream[] = [];
  const open = async (path: string, headers: Record<string, string> = {}) => {
    const stream = await openStream(port, path, undefined, undefined, headers);
    streams.push(stream);
    return stream;
  };
  const start = async (env: Record<string, string> = {}) => {
    t = await startTestApp({ env });
    await relax(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  };
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.close());
    await t?.close();
  });

  it('carries the comment events of the articles asked for, each marked and numbered, and the meter', async () => {
    await start();
    await seedDemoDonations(t.runtime);
    const [one, two, other] = [await createTestArticle(t), await createTestArticle(t), await createTestArticle(t)];
    const reader = await createReader(t, 'Lena Live');
    const stream = await open(`/api/live?articles=${one.id},${two.id},zzzznotanarticle&meter=1`);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toContain('text/event-stream');
    expect(stream.response.headers['access-control-allow-origin']).toBe('*');
    // A stream with no cursor stands a little before now: a reconnect from there misses nothing.
    await stream.waitFor('live.at');
    const at = stream.events.find((event) => event.event === 'live.at')!.id!;
    expect(Number(at.split('-')[0])).toBeLessThanOrEqual(t.clock.now().getTime() - 5_000);
    const meter = await stream.waitFor('meter');
    expect(meter.meter).toMatchObject({ driveId: expect.any(String), raisedLabel: expect.any(String) });
    await until(() => t.runtime.events.listenerCount(`article:${two.id}`) === 1);

    const first = await postId(t, reader, one.slug, 'On the first story, live.');
    const elsewhere = await postId(t, reader, other.slug, 'On a story nobody here reads.');
    const second = await postId(t, reader, two.slug, 'On the second story, live.');
    await stream.waitFor('comment.created', (data) => (data.comment as { id: string }).id === second);
    const created = stream.events.filter((event) => event.event === 'comment.created');
    expect(created.map((event) => [event.data.articleId, (event.data.comment as { id: string }).id])).toEqual([[one.id, first], [two.id, second]]);
    expect(commentIds(stream)).not.toContain(elsewhere);
    expect(created.every((event) => /^\d+-\d+$/.test(event.id ?? ''))).toBe(true);

    await t.request({ method: 'POST', url: `/api/comments/${second}/reactions`, as: await createReader(t) });
    expect(await stream.waitFor('reaction.changed')).toEqual({ type: 'reaction.changed', id: second, reactions: 1, articleId: two.id });

    stream.close();
    await until(() => t.runtime.events.listenerCount(`article:${one.id}`) === 0 && t.runtime.events.listenerCount(`article:${two.id}`) === 0);
  });

  it('replays, on a reconnect with Last-Event-ID or ?since=, what was posted while away, and nothing twice', async () => {
    await start();
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Ravi Reconnect');
    const path = `/api/live?articles=${article.id}`;
    const first = await open(path);
    await until(() => t.runtime.events.listenerCount(`article:${article.id}`) === 1);
    const before = await postId(t, reader, article.slug, 'Posted while the stream was up.');
    const seen = await first.waitFor('comment.created');
    const lastId = first.events.find((event) => event.event === 'comment.created')!.id!;
    expect((seen.comment as { id: string }).id).toBe(before);
    first.close();
    await until(() => t.runtime.events.listenerCount(`article:${article.id}`) === 0);

    // The connection is gone: a comment and an edit go out to nobody.
    const missed = await postId(t, reader, article.slug, 'Posted while the reader was offline.');
    await t.request({ method: 'PATCH', url: `/api/comments/${missed}`, as: reader, payload: { text: 'Edited while the reader was offline.' } });

    for (const resumed of [await open(path, { 'last-event-id': lastId }), await open(`${path}&since=${lastId}`)]) {
      await resumed.waitFor('live.at');
      expect(commentIds(resumed)).toEqual([missed]);
      // Caught up, the stream says where it stands: at the last event it replayed.
      expect(resumed.events.map((event) => event.event)).toEqual(['comment.created', 'comment.updated', 'live.at']);
      expect(resumed.events[2]!.id).toBe(resumed.events[1]!.id);
    }

    // A page names the moment it was drawn (a little before), so what came between it and its stream arrives.
    const page = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    const since = /data-live-since="([^"]+)"/.exec(page.body)?.[1];
    expect(since).toMatch(/^\d+-0$/);
    const afterPage = await postId(t, reader, article.slug, 'Posted after the page, before its stream.');
    const fromPage = await open(`${path}&since=${since}`);
    await fromPage.waitFor('comment.created', (data) => (data.comment as { id: string }).id === afterPage);

    // A cursor from the future (a clock set back since) is no reason to hold back what happens now.
    const future = await open(`${path}&since=${t.clock.now().getTime() + 3_600_000}-0`);
    await until(() => t.runtime.events.listenerCount(`article:${article.id}`) >= 1);
    const now = await postId(t, reader, article.slug, 'Posted after a clock went back.');
    await future.waitFor('comment.created', (data) => (data.comment as { id: string }).id === now);

    // The per-article stream that older embedded widgets use resumes the same way.
    const legacy = await open(`/api/articles/${article.slug}/live`, { 'last-event-id': lastId });
    await legacy.waitFor('comment.created', (data) => (data.comment as { id: string }).id === afterPage);
    expect(commentIds(legacy)).toEqual([missed, afterPage, now]);
    expect(legacy.events.every((event) => event.data.articleId === undefined)).toBe(true);
  });

  it('refuses what it cannot follow with 400 {error, message}, and counts toward the stream limits', async () => {
    await start({ TRIBUNE_SSE_MAX_PER_ADDRESS: '1' });
    const article = await createTestArticle(t);
    const many = Array.from({ length: 51 }, (_, i) => `a${i}`).join(',');
    for (const query of ['', '?meter=0', '?articles=', '?articles=Bad-Id', `?articles=${many}`, `?articles=${article.id}&since=yesterday`, '?meter=yes']) {
      const answer = await t.request({ url: `/api/live${query}`, headers: { accept: 'text/event-stream' } });
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json(), query).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.any(String) });
    }
    const held = await open(`/api/live?articles=${article.id}`);
    expect(held.response.statusCode).toBe(200);
    const refused = await open(`/api/live?meter=1`);
    expect(refused.response.statusCode).toBe(429);
  });

  it('refuses an address that reconnects in a loop, before it reads any replay', async () => {
    await start();
    const article = await createTestArticle(t);
    const statuses: number[] = [];
    for (let n = 0; n <= LIVE_CONNECTS_PER_MINUTE; n += 1) {
      const stream = await openStream(port, `/api/live?articles=${article.id}&since=0-0`, undefined, '127.0.0.5');
      statuses.push(stream.response.statusCode ?? 0);
      stream.close();
      // One at a time, so only the rate limit can refuse, never the limit on open streams.
      await until(() => t.app.eventStreamSlots!.openFrom('127.0.0.5') === 0);
    }
    expect(statuses.slice(0, LIVE_CONNECTS_PER_MINUTE).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not held up by it.
    expect((await open(`/api/live?articles=${article.id}`)).response.statusCode).toBe(200);
  });
});

describe('a replay longer than the window', () => {
  it('says live.gap with the newest id it dropped, then sends what it kept', async () => {
    const app = Fastify();
    limitEventStreams(app, { perAddress: 4, total: 4 });
    const events = createLocalEventBus({ window: { maxEvents: 2, maxAgeMs: 60_000 } });
    await app.register(siteLiveRoutes, {
      events,
      now: () => new Date(),
      heartbeatMs: 60_000,
      articleChannels: async (ids) => ids.map((id) => ({ channel: `article:${id}`, extra: { articleId: id } })),
      meter: () => {},
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const streams: Stream[] = [];
    try {
      const { port } = app.server.address() as AddressInfo;
      const live = await openStream(port, '/api/live?articles=abc');
      streams.push(live);
      await until(() => events.listenerCount('article:abc') === 1);
      for (let n = 1; n <= 4; n += 1) await events.publish('article:abc', { type: 'comment.deleted', id: `c${n}`, rootId: `c${n}`, status: 'deleted' });
      const deleted = () => live.events.filter((event) => event.event === 'comment.deleted');
      await until(() => deleted().length === 4);
      const ids = deleted().map((event) => event.id!);
      live.close();
      const resumed = await openStream(port, '/api/live?articles=abc', undefined, undefined, { 'last-event-id': ids[0]! });
      streams.push(resumed);
      await resumed.waitFor('comment.deleted', (data) => data.id === 'c4');
      await resumed.waitFor('live.at');
      expect(resumed.events.map((event) => [event.event, event.data.upTo ?? event.data.id ?? event.id])).toEqual([
        ['live.gap', ids[1]],
        ['comment.deleted', 'c3'],
        ['comment.deleted', 'c4'],
        ['live.at', ids[3]],
      ]);
    } finally {
      streams.forEach((stream) => stream.close());
      await app.close();
    }
  });
});
