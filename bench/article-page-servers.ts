// Child process of bench/article-page.ts: Tribune on a temporary SQLite file with the demo newsroom,
// and a bare node:http server answering with the exact bytes of one Tribune article page.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DEMO_MAIN_ARTICLE_SLUG } from '../src/articles/index.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { createRuntime } from '../src/runtime.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tribune-bench-'));
const config = loadConfig({ TRIBUNE_DATA_DIR: dataDir, TRIBUNE_LOG_LEVEL: 'silent', TRIBUNE_HOST: '127.0.0.1', TRIBUNE_PORT: '0' });
const runtime = await createRuntime(config, { log: pino({ level: 'silent' }) });
await seedDemo(runtime);
const app = await buildApp(runtime);
await app.listen({ host: '127.0.0.1', port: 0 });
const tribuneUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/articles/${DEMO_MAIN_ARTICLE_SLUG}`;

const response = await fetch(tribuneUrl, { headers: { accept: 'text/html' } });
if (response.status !== 200) throw new Error(`article page answered ${response.status}`);
const bytes = Buffer.from(await response.arrayBuffer());
const type = response.headers.get('content-type') ?? 'text/html; charset=utf-8';

const bare = createServer((_request, reply) => {
  reply.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
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

process.stdout.write(`${JSON.stringify({ tribuneUrl, bareUrl, bytes: bytes.length })}\n`);
