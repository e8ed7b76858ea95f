// Does opening a thread stay flat as the comments table grows? The same first page of one article's
// thread is read with 10,000 and then 1,000,000 comments in the database, on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createStaffUser } from '../src/accounts/index.js';
import { buildApp } from '../src/app.js';
import { postComment } from '../src/comments/index.js';
import { commentsDeps } from '../src/comments/plugin.js';
import { loadConfig } from '../src/config.js';
import { newId } from '../src/db/ids.js';
import { renderMarkdown } from '../src/text/markdown.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { insertBenchArticle } from './fixtures.js';
import { BENCH_POSTGRES_URL, createBenchSchema, postgresReachable } from './postgres.js';
import type { Bench } from './run.js';

const SMALL = 10_000;
const LARGE = Number(process.env.BENCH_SCALE_ROWS ?? 1_000_000);
const READS = 300;
const BATCH = 500;


/** Filler comments on other articles, written in batches straight into the table (no moderation). */
async function fill(runtime: Runtime, articleIds: string[], count: number): Promise<void> {
  const body = 'A filler comment about another story, long enough to look like a real one.';
  const bodyHtml = renderMarkdown(body, 'comment').value;
  const base = Date.now() - 86_400_000;
  for (let done = 0; done < count; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - done) }, (_, i) => {
      const created = new Date(base + done + i);
      const id = newId(created);
      return {
        id, article_id: articleIds[(done + i) % articleIds.length], parent_id: null, root_id: id, depth: 0, path: id,
        author_id: null, guest_key: null, author_name: 'Filler', author_email: null, body, body_html: bodyHtml,
        status: 'published' as const, created_at: created.toISOString(), updated_at: created.toISOString(), edited_at: null, deleted_at: null,
      };
    });
    await runtime.db.insertInto('comments').values(rows).execute();
  }
}

async function measure(app: Awaited<ReturnType<typeof buildApp>>): Promise<{ median: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < READS + 30; i++) {
    const started = performance.now();
    const response = await app.inject({ url: '/api/articles/target/comments?limit=20' });
    if (response.statusCode !== 200) throw new Error(`thread read answered ${response.statusCode}`);
    if (i >= 30) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)] };
}

async function runEngine(engine: string, databaseUrl: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tribune-bench-scale-'));
  const postgres = databaseUrl ? await createBenchSchema(databaseUrl) : undefined;
  const config = loadConfig({ TRIBUNE_DATA_DIR: dataDir, TRIBUNE_LOG_LEVEL: 'silent', ...(postgres ? { TRIBUNE_DATABASE_URL: postgres.url } : {}) });
  const runtime = await createRuntime(config, { log: pino({ level: 'silent' }), schema: postgres?.schema });
  try {
    await runtime.settings.update('comments', { postsPerMinutePerIp: 1e9, postsPerMinutePerReader: 1e9 });
    await runtime.settings.update('moderation', { floodCount: 0, repeatWindowMinutes: 0, linkMinApproved: 0 });
    const authorId = await createStaffUser(runtime, { email: 'bench@example.org', role: 'editor', password: 'bench-password-long' });
    await insertBenchArticle(runtime, authorId, 'target');
    const others = await Promise.all(Array.from({ length: 200 }, (_, i) => insertBenchArticle(runtime, authorId, `other-${i}`)));
    const deps = commentsDeps(runtime);
    for (let thread = 0; thread < 40; thread++) {
      const actor = { userId: null, role: 'guest' as const, displayName: null, guestKey: `guest-${thread}` };
      const root = await postComment(deps, actor, { article: 'target', text: `Thread ${thread}: what did the council decide?`, guestName: `Reader ${thread}` });
      for (let reply = 0; reply < 4; reply++) {
        await postComment(deps, { ...actor, guestKey: `guest-${thread}-${reply}` }, { article: 'target', text: `Reply ${reply} to ${thread}.`, parentId: root.comment.id, guestName: `Replier ${reply}` });
      }
    }
    const app = await buildApp(runtime);
    await fill(runtime, others, SMALL - 200);
    const small = await measure(app);
    const started = performance.now();
    await fill(runtime, others, LARGE - SMALL);
    const filled = ((performance.now() - started) / 1000).toFixed(0);
    const large = await measure(app);
    const line = (rows: number, m: { median: number; p99: number }) =>
      `${rows.toLocaleString('en-US').padStart(10)} comments   median ${m.median.toFixed(2)} ms   p99 ${m.p99.toFixed(2)} ms\n`;
    process.stdout.write(`-- ${engine} (filled ${(LARGE - SMALL).toLocaleString('en-US')} rows in ${filled} s)\n`);
    process.stdout.write(line(SMALL, small) + line(LARGE, large));
    process.stdout.write(`ratio      ${(large.median / small.median).toFixed(2)} (median at ${LARGE.toLocaleString('en-US')} / at ${SMALL.toLocaleString('en-US')}; 1.0 is flat)\n`);
    await app.close();
  } finally {
    await runtime.close();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const threadScaleBench: Bench = {
  name: 'thread-scale',
  description: `first page of a thread with ${SMALL.toLocaleString('en-US')} vs ${LARGE.toLocaleString('en-US')} comments in the database, SQLite and PostgreSQL`,
  async run() {
    await runEngine('SQLite', undefined);
    if (await postgresReachable()) await runEngine('PostgreSQL', BENCH_POSTGRES_URL);
    else process.stdout.write(`PostgreSQL at ${BENCH_POSTGRES_URL} is not reachable: measured SQLite only\n`);
  },
};
