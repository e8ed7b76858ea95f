// Child process of bench/media.ts: Tribune on a temporary SQLite file (media on the file store) with
// a signed-in editor, listening on loopback, so the uploads cross real HTTP and the peak memory
// measured is the server's alone, not the bench's own image buffers.
import type { AddressInfo } from 'node:net';
import { startTestApp } from '../src/testing/test-app.js';

const t = await startTestApp({ env: { TRIBUNE_MEDIA_STORE: 'file' } });
const editor = await t.signIn('editor');
await t.app.listen({ host: '127.0.0.1', port: 0 });
const origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

async function shutdown() {
  await t.close();
  process.exit(0);
}
process.stdin.on('end', () => void shutdown());
process.stdin.resume();
process.on('SIGTERM', () => void shutdown());

process.stdout.write(`${JSON.stringify({ origin, cookie: editor.cookie, csrf: editor.csrf })}\n`);
