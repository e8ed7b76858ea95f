// Child process of bench/comments.ts: Tribune on a temporary SQLite file (or a fresh PostgreSQL schema
// when BENCH_DATABASE_URL is postgres://…) with one article holding a 200-comment page (20 threads of
// 10), and a bare node:http server answering with that page's exact bytes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createStaffUser } from '../src/accounts/index.js';
import { buildApp } from '../src/app.js';
import { postComment } from '../src/comments/index.js';
import { commentsDeps } from '../src/comments/plugin.js';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/runtime.js';
import { insertBenchArticle } from './fixtures.js';
import { createBenchSchema } from './postgres.js';

const BENCH_ORIGIN = 'http://bench.local';

const dataDir = mkdtempSync(join(tmpdir(), 'tribune-bench-comments-'));
const postgres = process.env.BENCH_DATABASE_URL?.startsWith('postgres') ? await createBenchSchema(process.env.BENCH_DATABASE_URL) : undefined;
const config = loadConfig({
  TRIBUNE_DATA_DIR: dataDir, TRIBUNE_LOG_LEVEL: 'silent', TRIBUNE_HOST: '127.0.0.1', TRIBUNE_PORT: '0',
  ...(postgres ? { TRIBUNE_DATABASE_URL: postgres.url } : {}),
});
const runtime = await createRuntime(config, { log: pino({ level: 'silent' }), schema: postgres?.schema });
// The bench measures the server, not the abuse limits or the flood rule.
await runtime.settings.update('comments', { postsPerMinutePerIp: 1e9, postsPerMinutePerReader: 1e9, embedOrigins: [BENCH_ORIGIN] });
await runtime.settings.update('moderation', { floodCount: 0, repeatWindowMinutes: 0, linkMinApproved: 0 });

const authorId = await createStaffUser(runtime, { email: 'bench@example.org', role: 'editor', password: 'bench-password-long' });
await insertBenchArticle(runtime, authorId, 'thread-page');
await insertBenchArticle(runtime, authorId, 'post-target');

const deps = commentsDeps(runtime);
const sentences = ['The numbers in the second table do not add up for me.', 'Thanks for the *careful* reporting.', 'Has the council answered yet?', 'I live two streets from there and can confirm.', 'Link to the report: https://example.org/report.pdf'];
for (let thread = 0; thread < 20; thread++) {
  const actor = { userId: null, role: 'guest' as const, displayName: null, guestKey: `bench-guest-${thread}` };
  const root = await postComment(deps, actor, { article: 'thread-page', text: `Thread ${thread}. ${sentences[thread % 5]}`, guestName: `Reader ${thread}` });
  let parent = root.comment.id;
  for (let reply = 0; reply < 9; reply++) {
    const posted = await postComment(deps, { ...actor, guestKey: `bench-guest-${thread}-${reply}` }, { article: 'thread-page', text: `Reply ${reply} in ${thread}. ${sentences[reply % 5]}`, parentId: reply % 3 === 0 ? root.comment.id : parent, guestName: `Replier ${reply}` });
    parent = posted.comment.id;
  }
}

const app = await buildApp(runtime);
await app.listen({ host: '127.0.0.1', port: 0 });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const getUrl = `${origin}/api/articles/thread-page/comments?limit=20&replies=9`;
const response = await fetch(getUrl);
if (response.status !== 200) throw new Error(`thread page answered ${response.status}`);
const json = Buffer.from(await response.arrayBuffer());
const shown = json.toString('utf8').match(/"articleId"/g)?.length ?? 0;
// The bytes exactly as Tribune sent them to a browser asking for Brotli: the bare server only sends them.
const wire = await new Promise<{ body: Buffer; encoding: string }>((resolve, reject) => {
  request(getUrl, { headers: { accept: 'application/json', 'accept-encoding': 'br, gzip' } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') }));
    res.on('error', reject);
  }).on('error', reject).end();
});
const bytes = wire.body;

const bare = createServer((_request, reply) => {
  reply.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': wire.encoding, vary: 'accept-encoding', 'content-length': bytes.length });
  reply.end(bytes);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/articles/thread-page/comments`;

// The floor for a POST: read and parse the JSON body, answer 201 with one comment's worth of JSON.
const postedExample = JSON.stringify({ comment: JSON.parse(json.toString('utf8')).threads[0] });
const barePost = createServer((incoming, reply) => {
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    reply.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(postedExample) });
    reply.end(postedExample);
  });
});
await new Promise<void>((resolve) => barePost.listen(0, '127.0.0.1', resolve));
const barePostUrl = `http://127.0.0.1:${(barePost.address() as AddressInfo).port}/api/articles/post-target/comments`;

async function shutdown() {
  bare.close();
  barePost.close();
  await app.close();
  await runtime.close();
  await postgres?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', () => void shutdown());
process.stdin.resume();
process.on('SIGTERM', () => void shutdown());

process.stdout.write(`${JSON.stringify({
  getUrl, bareUrl, bytes: json.length, wireBytes: bytes.length, encoding: wire.encoding, comments: shown,
  postUrl: `${origin}/api/articles/post-target/comments`, readUrl: `${origin}/articles/post-target`, origin: BENCH_ORIGIN, barePostUrl,
})}\n`);
