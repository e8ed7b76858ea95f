import { request as httpRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_MAIN_ARTICLE_SLUG } from '../articles/index.js';
import { createTestDatabase, type TestDatabase, schemaConnectionUrl } from '../testing/database.js';
import { requireScaleOutEnv } from '../testing/scale-out.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { SiteClient } from '../testing/site-client.js';
import { startSession } from '../accounts/index.js';
import { openDatabase } from '../db/database.js';
import { newId } from '../db/ids.js';

/** The types of the events an SSE stream delivered so far, with their payloads as text. */
function openStream(url: string): { seen: string[]; ready: Promise<void>; stop(): void } {
  const seen: string[] = [];
  let buffer = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const req = httpRequest(url, { headers: { accept: 'text/event-stream' } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.includes(': connected')) markReady();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (data) seen.push(data.slice(6));
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return { seen, ready, stop: () => req.destroy() };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('page cache on two instances over PostgreSQL and Redis', () => {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await database?.drop();
  });

  it('shows every publish, edit, reaction and removal on both instances once the change is announced', async () => {
    const { redisUrl } = requireScaleOutEnv();
    database = await createTestDatabase();
    const env = {
      TRIBUNE_DATABASE_URL: schemaConnectionUrl(database), TRIBUNE_SECRET: 'shared-secret-for-every-instance',
      TRIBUNE_REDIS_PREFIX: `${database.schema}:`, TRIBUNE_REDIS_URL: redisUrl,
    };
    const one = await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-a-')) }, ['--demo']);
    servers.push(one);
    const two = await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-b-')) });
    servers.push(two);

    const urls = [`/articles/${DEMO_MAIN_ARTICLE_SLUG}`, `/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/comments`, '/'];
    const readers = [new SiteClient(one.url), new SiteClient(two.url)];
    cleanups.push(() => readers.forEach((reader) => reader.close()));
    /** Every cached answer on both instances, read twice first so each is served from memory. */
    const readAll = async () => {
      const bodies: string[] = [];
      for (const reader of readers) {
        for (const url of urls) {
          const response = await reader.get(url, { headers: { accept: url.startsWith('/api/') ? 'application/json' : 'text/html' } });
          expect(response.status, url).toBe(200);
          expect(response.headers['set-cookie'], url).toBeUndefined();
          bodies.push(response.text);
        }
      }
      expect(readers.every((reader) => reader.cookies.size === 0)).toBe(true);
      return bodies;
    };
    // A signed-in reader on each instance: their pages come from the drawing readers share there.
    const handle = openDatabase(database.url, { schema: database.schema });
    cleanups.push(() => void handle.destroy());
    const signedIn = await Promise.all([one, two].map(async (server, index) => {
      const id = newId();
      const time = new Date().toISOString();
      await handle.db.insertInto('users').values({ id, email: `cached${index}@readers.test`, display_name: `Cached Reader ${index}`, role: 'reader', notify_replies: 0, created_at: time, updated_at: time }).execute();
      const client = new SiteClient(server.url);
      client.cookies.set('tribune_session', await startSession({ db: handle.db, now: () => new Date() }, id));
      cleanups.push(() => client.close());
      return { client, name: `Cached Reader ${index}` };
    }));
    /** Each signed-in reader's article page, read twice (the second from their instance's shared drawing). */
    const readSignedIn = async () => {
      const bodies: string[] = [];
      for (const { client, name } of signedIn) {
        for (let read = 0; read < 2; read++) {
          const response = await client.get(urls[0]!, { headers: { accept: 'text/html' } });
          expect(response.status).toBe(200);
          expect(response.text).toContain(`Commenting as <strong>${name}</strong>`);
          bodies.push(response.text);
        }
      }
      return bodies;
    };
    await readAll();
    await readSignedIn();
    const before = await readAll();
    const homes = (bodies: string[]) => bodies.filter((_, index) => index % 3 === 2);
    const articleAnswers = (bodies: string[]) => bodies.filter((_, index) => index % 3 !== 2);

    // The other instance hears of each change on the stream its live readers use: by then it has dropped its pages.
    const stream = openStream(`${two.url}/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/live`);
    cleanups.push(() => stream.stop());
    await stream.ready;
    const heard = async (type: string, id: string) => until(() => stream.seen.some((data) => data.includes(type) && data.includes(id)), `${type} on the other instance`);

    const writer = new SiteClient(one.url);
    const fan = new SiteClient(two.url);
    cleanups.push(() => writer.close(), () => fan.close());
    const posted = await writer.post(`/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/comments`, { json: { text: 'A comment both caches must show at once.', name: 'Cache Tester' } });
    expect(posted.status, posted.text).toBe(201);
    const id = posted.json<{ comment: { id: string } }>().comment.id;
    await heard('comment.created', id);
    const afterPost = await readAll();
    for (const body of articleAnswers(afterPost)) expect(body).toContain('both caches must show');
    for (const body of await readSignedIn()) expect(body).toContain('both caches must show');
    // The home page's comment count moved on both instances.
    const countsIn = (bodies: string[]) => bodies.filter((_, index) => index % 3 === 1).map((body) => (JSON.parse(body) as { count: number }).count);
    expect(countsIn(afterPost)).toEqual(countsIn(before).map((count) => count + 1));
    homes(afterPost).forEach((home, index) => expect(home).toContain(`${countsIn(afterPost)[index]!.toLocaleString('en-US')} comment`));

    expect((await writer.request('PATCH', `/api/comments/${id}`, { json: { text: 'An edited comment both caches must show.' } })).status).toBe(200);
    await heard('comment.updated', id);
    for (const body of articleAnswers(await readAll())) expect(body).toContain('An edited comment both caches');
    for (const body of await readSignedIn()) expect(body).toContain('An edited comment both caches');

    expect((await fan.post(`/api/comments/${id}/reactions`)).status).toBe(200);
    await heard('reaction.changed', id);
    for (const body of (await readAll()).filter((_, index) => index % 3 === 1)) {
      const thread = JSON.parse(body) as { threads: { id: string; reactions: number }[] };
      expect(thread.threads.find((comment) => comment.id === id)?.reactions).toBe(1);
    }
    for (const body of await readSignedIn()) expect(body).toMatch(new RegExp(`/comments/${id}/react"[^]*?data-reactions>1<`));

    expect((await writer.request('DELETE', `/api/comments/${id}`)).status).toBeLessThan(300);
    await heard('comment.deleted', id);
    const afterDelete = await readAll();
    for (const body of articleAnswers(afterDelete)) expect(body).not.toContain('An edited comment both caches');
    for (const body of await readSignedIn()) expect(body).not.toContain('An edited comment both caches');
    expect(countsIn(afterDelete)).toEqual(countsIn(before));
    homes(afterDelete).forEach((home, index) => expect(home).toContain(`${countsIn(before)[index]!.toLocaleString('en-US')} comment`));
  });
});
