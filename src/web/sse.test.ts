import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_MAIN_ARTICLE_SLUG } from '../articles/index.js';
import { loadConfig, openFilesLimit } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { openStream, type Stream } from '../testing/sse-client.js';
import { SiteClient } from '../testing/site-client.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { until } from '../testing/wait.js';
import { addressKey, createStreamSlots, eventStreams, limitEventStreams } from './sse.js';

const untilAsync = <T>(read: () => Promise<T>, wanted: T) => until(async () => (await read()) === wanted, String(wanted));

describe('stream slots', () => {
  it('counts per address and in total, and gives a slot back once however often it is released', () => {
    const slots = createStreamSlots({ perAddress: 2, total: 3 });
    const first = slots.take('10.0.0.1');
    expect(typeof first).toBe('object');
    expect(typeof slots.take('10.0.0.1')).toBe('object');
    expect(slots.take('10.0.0.1')).toBe('address');
    expect(slots.take('::ffff:10.0.0.1')).toBe('address');
    expect(typeof slots.take('10.0.0.2')).toBe('object');
    expect(slots.take('10.0.0.3')).toBe('total');
    if (typeof first !== 'object') throw new Error('no slot');
    first.release();
    first.release();
    expect(slots.open).toBe(2);
    expect(slots.openFrom('10.0.0.1')).toBe(1);
    expect(typeof slots.take('10.0.0.3')).toBe('object');
    expect(slots.take('10.0.0.4')).toBe('total');
  });

  it('counts an IPv6 client by its /64, so fresh addresses from one network share one count', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    const slots = createStreamSlots({ perAddress: 1, total: 10 });
    slots.take('2001:db8:1:2::a');
    expect(slots.take('2001:db8:1:2::b')).toBe('address');
    expect(typeof slots.take('2001:db8:1:3::a')).toBe('object');
  });
});

describe('limits drawn from the open-files limit', () => {
  const env = { TRIBUNE_SECRET: 'x', TRIBUNE_DATA_DIR: join(tmpdir(), 'tribune-never-created') };

  it('keeps streams to half the descriptors and connections an eighth short of them, unless set', () => {
    expect(loadConfig(env, 1024)).toMatchObject({ streams: { perAddress: 64, total: 512 }, maxConnections: 896 });
    expect(loadConfig(env, 65_536)).toMatchObject({ streams: { total: 10_000 }, maxConnections: 57_344 });
    expect(loadConfig(env, 256)).toMatchObject({ streams: { total: 128 }, maxConnections: 192 });
    expect(loadConfig({ ...env, TRIBUNE_SSE_MAX_PER_ADDRESS: '8', TRIBUNE_SSE_MAX_TOTAL: '100', TRIBUNE_MAX_CONNECTIONS: '300' }, 1024)).toMatchObject({
      streams: { perAddress: 8, total: 100 },
      maxConnections: 300,
    });
    expect(() => loadConfig({ ...env, TRIBUNE_SSE_MAX_PER_ADDRESS: '0' })).toThrow(/TRIBUNE_SSE_MAX_PER_ADDRESS/);
  });

  it('reads the soft limit from /proc/self/limits, and assumes 1024 where there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tribune-limits-'));
    try {
      const file = join(dir, 'limits');
      writeFileSync(file, 'Limit                     Soft Limit           Hard Limit           Units\nMax open files            4096                 524288               files\n');
      expect(openFilesLimit(file)).toBe(4096);
      expect(openFilesLimit(join(dir, 'missing'))).toBe(1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes connections past TRIBUNE_MAX_CONNECTIONS on arrival and takes new ones once others have gone', async () => {
    const t = await startTestApp({ env: { TRIBUNE_MAX_CONNECTIONS: '3' } });
    const sockets: Socket[] = [];
    try {
      const { port } = new URL(await t.app.listen({ host: '127.0.0.1', port: 0 }));
      const dial = () =>
        new Promise<{ socket: Socket; closed: Promise<void> }>((resolve, reject) => {
          const socket = connect(Number(port), '127.0.0.1', () => resolve({ socket, closed: new Promise((done) => socket.once('close', () => done())) }));
          socket.on('error', () => undefined);
          socket.once('error', reject);
          sockets.push(socket);
        });
      const connections = () => new Promise<number>((resolve, reject) => t.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
      const held = [await dial(), await dial(), await dial()];
      await untilAsync(connections, 3);
      const extra = await dial();
      await extra.closed;
      held[0]!.socket.destroy();
      await held[0]!.closed;
      await untilAsync(connections, 2);
      const client = new SiteClient(`http://127.0.0.1:${port}`);
      expect((await client.get('/healthz')).status).toBe(200);
      client.close();
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await t.close();
    }
  });
});

describe('live streams over real HTTP, limited per address and in total', () => {
  let t: TestApp | undefined;
  const streams: Stream[] = [];
  const clients: SiteClient[] = [];
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.close());
    clients.splice(0).forEach((client) => client.close());
    await t?.close();
    t = undefined;
  });

  it('answers 429 with {error, message} past either limit, across both kinds of stream, and frees a slot when a stream closes', async () => {
    t = await startTestApp({ env: { TRIBUNE_SSE_MAX_PER_ADDRESS: '2', TRIBUNE_SSE_MAX_TOTAL: '3' } });
    await seedDemo(t.runtime);
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const slots = t.app.eventStreamSlots!;
    const comments = `/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/live`;
    const meter = '/api/drives/current/live';
    const open = async (path: string, from: string) => {
      const stream = await openStream(port, path, undefined, from);
      streams.push(stream);
      return stream;
    };
    const refused = async (path: string, from: string) => {
      const client = new SiteClient(base, { localAddress: from });
      clients.push(client);
      return client.get(path, { headers: { accept: 'text/event-stream' } });
    };

    // One address: a comment stream and a meter stream fill its two slots.
    expect((await open(comments, '127.0.0.1')).response.statusCode).toBe(200);
    const meterStream = await open(meter, '127.0.0.1');
    expect(meterStream.response.statusCode).toBe(200);
    const third = await refused(comments, '127.0.0.1');
    expect(third.status).toBe(429);
    expect(third.json()).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('from your address') });
    expect(third.headers['retry-after']).toBe('30');
    expect(third.headers.connection).toBe('close');

    // Another address takes the last slot in total; a third address finds none, yet the site answers it.
    expect((await open(comments, '127.0.0.2')).response.statusCode).toBe(200);
    const full = await refused(meter, '127.0.0.3');
    expect(full.status).toBe(429);
    expect(full.json()).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('as many live streams as it can') });
    expect((await refused('/healthz', '127.0.0.3')).status).toBe(200);
    expect(slots.open).toBe(3);

    // Closing a stream gives its slot back to its address and to the total.
    meterStream.close();
    await until(() => slots.open === 2);
    expect(slots.openFrom('127.0.0.1')).toBe(1);
    const again = await open(meter, '127.0.0.1');
    expect(again.response.statusCode).toBe(200);
    expect(slots.open).toBe(3);
  });

  it('gives the slot back when the client left while the route was still preparing the stream', async () => {
    const app = Fastify();
    limitEventStreams(app, { perAddress: 1, total: 1 });
    let arrived: () => void = () => {};
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    let proceed: () => void = () => {};
    const gate = new Promise<void>((resolve) => (proceed = resolve));
    let cleanedUp = false;
    let gone: Promise<void> = Promise.resolve();
    await app.register(async (plugin) => {
      const openStreamFor = eventStreams(plugin, { heartbeatMs: 60_000 });
      plugin.get('/live', async (request, reply) => {
        gone = new Promise((resolve) => reply.raw.once('close', () => resolve()));
        arrived();
        await gate;
        openStreamFor(reply).onClose(() => (cleanedUp = true));
      });
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as AddressInfo;
      const client = httpRequest({ host: '127.0.0.1', port, path: '/live', agent: false });
      client.on('error', () => undefined);
      client.end();
      await requested;
      client.destroy();
      await gone;
      proceed();
      await until(() => cleanedUp);
      expect(app.eventStreamSlots!.open).toBe(0);
    } finally {
      await app.close();
    }
  });
});
