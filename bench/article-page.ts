import autocannon from 'autocannon';
import { processMemory } from './process-memory.js';
import type { Bench } from './run.js';
import { startChildServer } from './child-server.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

type Sizes = { identity: number; gzip: number; br: number };

interface Servers {
  tribuneUrl: string;
  /** Cookies of a signed-in reader (session and form-token secret), as a browser holds them. */
  readerCookie: string;
  /** The same for a reader whose own comment is on the page. */
  commenterCookie: string;
  bareUrl: string;
  /** The encoding Tribune chose for `accept-encoding: br, gzip`, and the document's size in it. */
  encoding: string;
  bytes: number;
  document: Sizes;
  /** The document and the assets it links, as a first visit fetches them. */
  page: Sizes;
  assets: string[];
}

async function startServers() {
  const { info: servers, pid, stop } = await startChildServer<Servers>('./article-page-servers.ts');
  return { servers, pid, stop };
}

async function measure(label: string, url: string, cookie?: string) {
  // As a browser asks: the page compressed (Tribune compresses once per cached page, the bare server never).
  const headers = { accept: 'text/html', 'accept-encoding': 'br, gzip', ...(cookie ? { cookie } : {}) };
  // A short warm-up, so the JIT and caches are in the same state for both servers.
  await autocannon({ url, connections: 10, duration: 1, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const bad = result.non2xx + result.errors + result.timeouts;
  process.stdout.write(`${label.padEnd(12)} ${result.requests.average.toFixed(0).padStart(8)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms${bad ? `   (${bad} failed)` : ''}\n`);
  return result.requests.average;
}

export const articlePageBench: Bench = {
  name: 'article-page',
  description: `the demo article page, compressed: bytes on the wire, and Tribune (anonymous from the page cache; a signed-in reader from the drawing readers share, their name and token filled in; a reader whose comment is on the page, drawn for them) vs a bare node:http server sending the same compressed bytes (${CONNECTIONS} connections, ${DURATION_S} s each)`,
  async run() {
    const { servers, pid, stop } = await startServers();
    try {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`.padStart(9);
      process.stdout.write(`             ${'identity'.padStart(9)} ${'gzip'.padStart(9)} ${'br'.padStart(9)}\n`);
      process.stdout.write(`document     ${kb(servers.document.identity)} ${kb(servers.document.gzip)} ${kb(servers.document.br)}\n`);
      process.stdout.write(`with assets  ${kb(servers.page.identity)} ${kb(servers.page.gzip)} ${kb(servers.page.br)}   (${servers.assets.length} assets: ${servers.assets.join(' ')})\n`);
      process.stdout.write(`served as    ${servers.encoding}, ${servers.bytes} bytes\n`);
      const anonymous = await measure('anonymous', servers.tribuneUrl);
      const signedIn = await measure('signed in', servers.tribuneUrl, servers.readerCookie);
      const commenter = await measure('commenter', servers.tribuneUrl, servers.commenterCookie);
      const bare = await measure('bare http', servers.bareUrl);
      process.stdout.write(`ratio        anonymous ${(anonymous / bare).toFixed(3)} (target ≥ 0.3), signed-in reader ${(signedIn / bare).toFixed(3)} (target ≥ 0.05), reader with a comment on it ${(commenter / bare).toFixed(3)}   (Tribune / bare; 1.0 would be free)\n`);
      process.stdout.write(`server RSS   ${processMemory(pid)}\n`);
    } finally {
      await stop();
    }
  },
};
