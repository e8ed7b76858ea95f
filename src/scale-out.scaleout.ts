import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteClient } from './testing/site-client.js';
import { DEMO_MAIN_ARTICLE_SLUG } from './articles/index.js';
import { openDatabase } from './db/database.js';
import { newId } from './db/ids.js';
import { createRedisEventBus } from './events/redis-bus.js';
import type { EventOn } from './events/index.js';
import { createTestDatabase, type TestDatabase, schemaConnectionUrl } from './testing/database.js';
import { requireScaleOutEnv } from './testing/scale-out.js';
import { startServerProcess, type ServerProcess } from './testing/server-process.js';
import { openStream } from './testing/sse-client.js';
import { eventually } from './testing/wait.js';

describe('several instances on one PostgreSQL', () => {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await database?.drop();
  });

  async function startInstances(withRedis: boolean): Promise<{ env: Record<string, string> }> {
    const { redisUrl } = requireScaleOutEnv();
    database = await createTestDatabase();
    const env: Record<string, string> = {
      TRIBUNE_DATABASE_URL: schemaConnectionUrl(database),
      TRIBUNE_SECRET: 'shared-secret-for-every-instance',
      TRIBUNE_REDIS_PREFIX: `${database.schema}:`,
      ...(withRedis ? { TRIBUNE_REDIS_URL: redisUrl } : {}),
    };
    return { env };
  }

  it('refuses a second instance without Redis, with a message that says what to do', async () => {
    const { env } = await startInstances(false);
    servers.push(await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-a-')) }));
    const error = await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-b-')) }).catch((failure: Error) => failure);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/exited with 1/);
    expect((error as Error).message).toMatch(/TRIBUNE_REDIS_URL/);
  });

  it('shares live comments, rate limits and once-only work between two instances', async () => {
    const { env } = await startInstances(true);
    const one = await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-a-')) }, ['--demo']);
    servers.push(one);
    const two = await startServerProcess({ ...env, TRIBUNE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tribune-b-')) });
    servers.push(two);

    // A comment posted through one instance reaches a reader streaming from the other.
    const stream = await openStream(two.port, `/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/live`);
    cleanups.push(() => stream.close());
    const reader = new SiteClient(one.url);
    expect((await reader.loadPage(`/articles/${DEMO_MAIN_ARTICLE_SLUG}`)).status).toBe(200);
    const posted = await reader.request('POST', `/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/comments`, {
      json: { text: 'The council should publish the full sediment data before the vote.', name: 'Ana Ruiz' },
    });
    expect(posted.status, posted.text).toBe(201);
    const commentId = posted.json<{ comment: { id: string } }>().comment.id;
    await stream.waitFor('comment.created', (event) => JSON.stringify(event).includes(commentId));

    // A session started on one instance is valid on the other (sessions live in the database).
    const staff = new SiteClient(two.url);
    await staff.signIn('admin@tribune.test', 'tribune-demo-admin');
    const admin = new SiteClient(one.url);
    staff.cookies.forEach((value, name) => admin.cookies.set(name, value));
    expect((await admin.request('GET', '/api/admin/articles')).status).toBe(200);

    // A rate limit counted on one instance holds on the other.
    const flooder = { one: new SiteClient(one.url, { localAddress: '127.0.0.7' }), two: new SiteClient(two.url, { localAddress: '127.0.0.7' }) };
    await flooder.one.loadPage(`/articles/${DEMO_MAIN_ARTICLE_SLUG}`);
    flooder.one.cookies.forEach((value, name) => flooder.two.cookies.set(name, value));
    flooder.two.csrf = flooder.one.csrf;
    const statuses: number[] = [];
    for (let i = 0; i < 12 && !statuses.includes(429); i++) {
      const client = i % 2 === 0 ? flooder.one : flooder.two;
      const response = await client.request('POST', `/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/comments`, {
        json: { text: `Question number ${i} about the dredging budget and its timeline.`, name: 'Sam Lee' },
      });
      statuses.push(response.status);
    }
    // Ten posts a minute per address across both instances (the default), not ten per instance.
    expect(statuses.slice(0, 10).every((status) => status === 201 || status === 422)).toBe(true);
    expect(statuses[10]).toBe(429);

    // A scheduled article goes live once, announced by exactly one instance.
    const bus = await createRedisEventBus(requireScaleOutEnv().redisUrl, `${database!.schema}:`);
    cleanups.push(() => bus.close());
    const announced: EventOn<'articles'>[] = [];
    bus.subscribe('articles', (event) => announced.push(event));
    const handle = openDatabase(database!.url, { schema: database!.schema });
    cleanups.push(() => handle.destroy());
    const author = await handle.db.selectFrom('users').select('id').where('role', '=', 'editor').executeTakeFirstOrThrow();
    const now = new Date();
    const id = newId(now);
    await handle.db.insertInto('articles').values({
      id, slug: `scheduled-${id}`, title: 'Scheduled on two instances', media_tag: null, summary: '', body_md: 'Body',
      video_url: null, featured_image_url: null, featured_image_alt: null, author_id: author.id, status: 'scheduled',
      published_at: new Date(now.getTime() + 1000).toISOString(), created_at: now.toISOString(), updated_at: now.toISOString(),
      comments_open: 1, comments_close_after_days: null, premoderate: 0,
    }).execute();
    await eventually(() => announced.find((event) => event.id === id), 'the scheduled article to be published');
    // Both instances' timers (15 s) pass at least once more; neither announces it again.
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    expect(announced.filter((event) => event.id === id)).toHaveLength(1);
    const stored = await handle.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('published');
  }, 120_000);
});
