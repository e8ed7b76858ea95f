// Child process of bench/article-page.ts: Tribune on a temporary SQLite file with the demo newsroom
// (and a signed-in reader's session), and a bare node:http server answering with the exact bytes of one Tribune article page, Brotli-
// compressed as Tribune sent them (so the bare server does no compressing: the baseline is the floor).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DEMO_MAIN_ARTICLE_SLUG } from '../src/articles/index.js';
import { startSession } from '../src/accounts/index.js';
import { buildApp } from '../src/app.js';
import { newId } from '../src/db/ids.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { createRuntime } from '../src/runtime.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tribune-bench-'));
const config = loadConfig({ TRIBUNE_DATA_DIR: dataDir, TRIBUNE_LOG_LEVEL: 'silent', TRIBUNE_HOST: '127.0.0.1', TRIBUNE_PORT: '0' });
const runtime = await createRuntime(config, { log: pino({ level: 'silent' }) });
await seedDemo(runtime);
// A signed-in reader: their pages are rendered for them on every request (the cache is for anonymous readers).
/** A new reader account, signed in: its session cookie. */
async function readerSession(name: string, email: string): Promise<string> {
  const id = newId();
  const joined = new Date().toISOString();
  await runtime.db.insertInto('users').values({ id, email, display_name: name, role: 'reader', notify_replies: 0, created_at: joined, updated_at: joined }).execute();
  return `tribune_session=${await startSession(runtime, id)}`;
}
const sessionCookie = await readerSession('Bench Reader', 'reader@bench.test');
const app = await buildApp(runtime);
// As a browser holds it after its first page: the session and the form-token secret that page set.
const firstVisit = await app.inject({ url: `/articles/${DEMO_MAIN_ARTICLE_SLUG}`, headers: { cookie: sessionCookie } });
const csrfCookie = [firstVisit.headers['set-cookie'] ?? []].flat().map((cookie) => cookie.split(';')[0]!).find((cookie) => cookie.startsWith('tribune_csrf='));
if (!csrfCookie) throw new Error('the first signed-in page set no form-token cookie');
const readerCookie = `${sessionCookie}; ${csrfCookie}`;
// A reader whose own comment is on the page: their page is drawn for them alone.
const commenterCookie = `${await readerSession('Bench Commenter', 'commenter@bench.test')}; ${csrfCookie}`;
const posted = await app.inject({
  method: 'POST', url: `/api/articles/${DEMO_MAIN_ARTICLE_SLUG}/comments`, headers: { cookie: commenterCookie, 'sec-fetch-site': 'same-origin' },
  payload: { text: 'A reader who took part: this page shows my comment with Edit and Delete.' },
});
if (posted.statusCode !== 201) throw new Error(`the commenter's comment was refused: ${posted.statusCode} ${posted.body}`);
await app.listen({ host: '127.0.0.1', port: 0 });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const tribuneUrl = `${origin}/articles/${DEMO_MAIN_ARTICLE_SLUG}`;

/** The body exactly as it crossed the wire (fetch would decode it), with its headers. */
function raw(url: string, acceptEncoding: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/html', 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const ENCODINGS = { identity: 'identity', gzip: 'gzip', br: 'br, gzip' } as const;
type Sizes = Record<keyof typeof ENCODINGS, number>;

/** What a first visit moves: the page and every asset it links from the site (styles, scripts, icons). */
async function weigh(): Promise<{ document: Sizes; page: Sizes; assets: string[] }> {
  const html = (await raw(tribuneUrl, 'identity')).body.toString();
  const assets = [...new Set([...html.matchAll(/(?:href|src)="(\/(?:assets\/[^"?#]+|widget\.js|favicon\.ico))"/g)].map((match) => match[1]!))];
  const document = {} as Sizes;
  const page = {} as Sizes;
  for (const [name, header] of Object.entries(ENCODINGS) as [keyof Sizes, string][]) {
    document[name] = (await raw(tribuneUrl, header)).body.length;
    page[name] = document[name];
    for (const asset of assets) page[name] += (await raw(origin + asset, header)).body.length;
  }
  return { document, page, assets };
}

const compressed = await raw(tribuneUrl, ENCODINGS.br);
if (compressed.status !== 200) throw new Error(`article page answered ${compressed.status}`);
const type = String(compressed.headers['content-type'] ?? 'text/html; charset=utf-8');
const encoding = String(compressed.headers['content-encoding'] ?? 'identity');
const bytes = compressed.body;

const bare = createServer((_request, reply) => {
  reply.writeHead(200, { 'content-type': type, 'content-encoding': encoding, vary: 'accept-encoding', 'content-length': bytes.length });
  reply.end(bytes);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/articles/${DEMO_MAIN_ARTICLE_SLUG}`;

async function shutdown() {
  bare.close();
  await app.close();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', () => void shutdown());
process.stdin.resume();
process.on('SIGTERM', () => void shutdown());

process.stdout.write(`${JSON.stringify({ tribuneUrl, bareUrl, readerCookie, commenterCookie, encoding, bytes: bytes.length, ...(await weigh()) })}\n`);
