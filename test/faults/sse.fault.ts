import { afterAll, describe, expect, it } from 'vitest';
import { articleChannel } from '../../src/comments/events.js';
import { seedDemo } from '../../src/demo/seed.js';
import { startTestApp, type TestApp } from '../../src/testing/test-app.js';
import type { ServerProcess } from '../../src/testing/server-process.js';
import { SiteClient } from '../../src/testing/site-client.js';
import { LEAD_SLUG, MB, openStream, processMetrics, serveDemo, summarise, tempDataDir, waitUntil, type Stream } from './support.js';

const OPEN_STREAMS = 300;
const CYCLES = 5;
const PER_CYCLE = 200;
/** Heap may settle higher after the first cycles (JIT, caches); beyond this it is a leak. */
const HEAP_GROWTH_BOUND = 40 * MB;

/** Readers on fifty addresses, a few streams each: one address alone may hold only a few dozen. */
const readerAddress = (index: number) => `127.0.10.${(index % 50) + 1}`;

async function openMany(count: number, url: (index: number) => string): Promise<Stream[]> {
  const streams = Array.from({ length: count }, (_, index) => openStream(url(index), readerAddress(index)));
  const statuses = await Promise.all(streams.map((stream) => stream.opened));
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  return streams;
}

describe('hundreds of live streams against a real server process', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    data.remove();
  });

  it('serves pages while 300 streams are open, delivers to all of them, and gives resources back when they close', async () => {
    server = await serveDemo(data.dir);
    const site = server.url;
    const browser = new SiteClient(site, { localAddress: '127.0.0.2' });
    await browser.loadPage(`/articles/${LEAD_SLUG}`);
    const baseline = await processMetrics(site);

    // Two thirds follow the comments, one third the donation meter; a tenth stop reading altogether.
    const streams = await openMany(OPEN_STREAMS, (index) => (index % 3 === 2 ? `${site}/api/drives/current/live` : `${site}/api/articles/${LEAD_SLUG}/live`));
    streams.filter((_, index) => index % 10 === 0).forEach((stream) => stream.pause());

    const pageTimes: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const path of ['/', `/articles/${LEAD_SLUG}`, '/donate']) {
        const response = await browser.get(path, { headers: { accept: 'text/html' } });
        expect(response.status, path).toBe(200);
        pageTimes.push(response.ms);
      }
    }
    const posted = await browser.post(`/api/articles/${LEAD_SLUG}/comments`, { json: { text: 'Hello to everyone following along live.', name: 'Live Reader' } });
    expect(posted.status).toBe(201);
    const readers = streams.filter((_, index) => index % 3 !== 2 && index % 10 !== 0);
    const delivered = await waitUntil(() => readers.filter((stream) => stream.events.get('comment.created') === 1).length, (count) => count === readers.length, 10_000);
    expect(delivered).toBe(readers.length);
    const withStreams = await processMetrics(site);
    console.log(`sse: ${OPEN_STREAMS} open streams; pages ${summarise(pageTimes)}; handles ${baseline.handles}→${withStreams.handles}; heap ${(baseline.heapUsed / MB).toFixed(1)}→${(withStreams.heapUsed / MB).toFixed(1)} MB`);
    expect(Math.max(...pageTimes)).toBeLessThan(2_000);

    for (const stream of streams) stream.close();
    const afterClose = await waitUntil(() => processMetrics(site), (now) => now.handles <= baseline.handles + 2, 10_000, 200);
    expect(afterClose.handles).toBeLessThanOrEqual(baseline.handles + 2);

    // Connect and disconnect again and again: handles come back each time, memory stays bounded.
    const heaps: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const batch = await openMany(PER_CYCLE, (index) => (index % 2 ? `${site}/api/drives/current/live` : `${site}/api/articles/${LEAD_SLUG}/live`));
      for (const stream of batch) stream.close();
      const settled = await waitUntil(() => processMetrics(site), (now) => now.handles <= baseline.handles + 2, 10_000, 200);
      expect(settled.handles, `cycle ${cycle + 1}`).toBeLessThanOrEqual(baseline.handles + 2);
      heaps.push(settled.heapUsed);
    }
    const final = await processMetrics(site);
    console.log(`sse: ${CYCLES} cycles of ${PER_CYCLE} connect/disconnect; heap after each ${heaps.map((heap) => (heap / MB).toFixed(1)).join(', ')} MB; rss ${(baseline.rss / MB).toFixed(0)}→${(final.rss / MB).toFixed(0)} MB; handles ${baseline.handles}→${final.handles}`);
    expect(Math.max(...heaps) - heaps[0]).toBeLessThan(HEAP_GROWTH_BOUND);
    expect(final.rss - baseline.rss).toBeLessThan(150 * MB);
    browser.close();
  });
});

describe('live streams in-process: every closed stream gives its subscription back', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('returns the comment and meter channels to their listener counts after repeated connect and disconnect', async () => {
    t = await startTestApp();
    await seedDemo(t.runtime);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const article = await t.runtime.db.selectFrom('articles').select('id').where('slug', '=', LEAD_SLUG).executeTakeFirstOrThrow();
    const drive = await t.runtime.db.selectFrom('donation_drives').select('id').where('is_current', '=', 1).executeTakeFirstOrThrow();
    const channels = [articleChannel(article.id), `drive:${drive.id}`, 'drives'] as const;
    const counts = () => channels.map((channel) => t.runtime.events.listenerCount(channel));
    // The meter's totals cache subscribes once, on first use: warm it before taking the baseline.
    const warm = await openMany(2, (index) => (index ? `${address}/api/drives/current/live` : `${address}/api/articles/${LEAD_SLUG}/live`));
    warm.forEach((stream) => stream.close());
    let previous = '';
    let steady = 0;
    const baseline = await waitUntil(counts, (now) => {
      steady = JSON.stringify(now) === previous ? steady + 1 : 0;
      previous = JSON.stringify(now);
      return now[0] === 0 && steady >= 5;
    }, 5_000, 20);

    for (let cycle = 0; cycle < 4; cycle++) {
      const streams = await openMany(100, (index) => (index % 2 ? `${address}/api/drives/current/live` : `${address}/api/articles/${LEAD_SLUG}/live`));
      const open = await waitUntil(counts, (now) => now[0] === baseline[0] + 50 && now[1] === baseline[1] + 50 && now[2] === baseline[2] + 50, 5_000, 20);
      expect(open, `cycle ${cycle + 1}, open`).toEqual([baseline[0] + 50, baseline[1] + 50, baseline[2] + 50]);
      // Half go away politely, half vanish mid-stream.
      streams.forEach((stream, index) => (index % 4 < 2 ? stream.close() : stream.pause()));
      streams.filter((_, index) => index % 4 >= 2).forEach((stream) => stream.close());
      const closed = await waitUntil(counts, (now) => now.every((count, index) => count === baseline[index]), 5_000, 20);
      expect(closed, `cycle ${cycle + 1}, closed`).toEqual(baseline);
    }
  });
});
