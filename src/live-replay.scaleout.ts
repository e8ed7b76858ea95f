import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_MAIN_ARTICLE_SLUG } from './articles/index.js';
import { createTestDatabase, type TestDatabase, schemaConnectionUrl } from './testing/database.js';
import { requireScaleOutEnv } from './testing/scale-out.js';
import { startServerProcess, type ServerProcess } from './testing/server-process.js';
import { SiteClient } from './testing/site-client.js';
import { openStream, type Stream } from './testing/sse-client.js';

const createdIds = (stream: Stream) =>
  stream.events.filter((event) => event.event === 'comment.created').map((event) => (event.data.comment as { id: string }).id);

describe('live replay across instances (PostgreSQL + Redis)', () => {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  const streams: Stream[] = [];
  const clients: SiteClient[] = [];
  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.close());
    clients.splice(0).forEach((client) => client.close());
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await database?.drop();
  });

  it('gives a reader who reconnects to either instance what another instance published while they were away', async () => {
    const { redisUrl } = requireScaleOutEnv();
    database = await createTestDatabase();
    const env = {
      TRIBUNE_DATABASE_URL: schemaConnectionUrl(database),
      TRIBUNE_SECRET: 'shared-secret-for-every-instance',
      TRIBUNE_REDIS_PREFIX: `${database.schema}:`,
      TRIBUNE_REDIS_URL: redisUrl,
    };
    const one = await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-a-')) }, ['--demo']);
    servers.push(one);
    const two = await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-b-')) });
    servers.push(two);

    const writer = new SiteClient(one.url);
    clients.push(writer);
    const page = await writer.loadPage(`/articles/${DEMO_MAIN_ARTICLE_SLUG}`);
    const articleId = /data-article-id="([^"]+)"/.exec(page.text)![1]!;
    const post = async (text: string) => {
      const posted = await writer.post(`/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/comments`, { json: { text, name: 'Nadia Nodes' } });
      expect(posted.status, posted.text).toBe(201);
      return posted.json<{ comment: { id: string } }>().comment.id;
    };
    const path = `/api/live?articles=${articleId}`;

    // A reader on instance two sees a comment posted through instance one, with its id.
    const first = await openStream(two.port, path);
    streams.push(first);
    let seen = '';
    // The subscription on two reaches Redis asynchronously: post until it arrives.
    for (let attempt = 0; attempt < 50 && !seen; attempt += 1) {
      await post(`Checking the live stream, take ${attempt}.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = first.events.find((event) => event.event === 'comment.created')?.id ?? '';
    }
    expect(seen).toMatch(/^\d+-\d+$/);
    const lastSeen = first.events.filter((event) => event.event === 'comment.created').at(-1)!.id!;
    first.close();

    // Offline: two more comments through instance one.
    const missed = [await post('Posted while the reader was offline, first.'), await post('Posted while the reader was offline, second.')];

    // Back, on instance two, and on instance one: each replays both from the shared log, once.
    for (const server of [two, one]) {
      const resumed = await openStream(server.port, path, undefined, undefined, { 'last-event-id': lastSeen });
      streams.push(resumed);
      await resumed.waitFor('comment.created', (data) => (data.comment as { id: string }).id === missed[1]);
      expect(createdIds(resumed)).toEqual(missed);
      expect(resumed.events.some((event) => event.event === 'live.gap')).toBe(false);
    }
  }, 120_000);
});
