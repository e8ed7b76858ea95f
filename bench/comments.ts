import autocannon from 'autocannon';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { startChildServer } from './child-server.js';
import { BENCH_POSTGRES_URL, postgresReachable } from './postgres.js';
import { processMemory } from './process-memory.js';
import type { Bench } from './run.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Posting clients: one alone, then a burst of many. */
const POSTERS = (process.env.BENCH_POSTERS ?? '1,20').split(',').map(Number);
/** Readers loading the article page being commented on while the posts go in. */
const READERS = Number(process.env.BENCH_READERS ?? 4);

export interface Servers {
  getUrl: string;
  bareUrl: string;
  bytes: number;
  /** Its size as sent, in `encoding`. */
  wireBytes: number;
  encoding: string;
  comments: number;
  postUrl: string;
  /** The article page of the article the posts go to. */
  readUrl: string;
  origin: string;
  /** A bare node:http server taking the same POST and answering 201 with a comment-sized body. */
  barePostUrl: string;
}

export async function startServers(databaseUrl?: string) {
  const { info: servers, pid, stop } = await startChildServer<Servers>('./comments-servers.ts', databaseUrl ? { BENCH_DATABASE_URL: databaseUrl } : {});
  return { servers, pid, stop };
}

async function measureGet(label: string, url: string): Promise<number> {
  const headers = { accept: 'application/json', 'accept-encoding': 'br, gzip' };
  await autocannon({ url, connections: 10, duration: 1, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const bad = result.non2xx + result.errors + result.timeouts;
  process.stdout.write(`${label.padEnd(14)} ${result.requests.average.toFixed(0).padStart(8)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms${bad ? `   (${bad} failed)` : ''}\n`);
  return result.requests.average;
}

/** Posting clients post distinct comments back to back until `until`; the latencies of the 201s. */
async function postUntil(servers: Servers, posters: number, postUrl: string, until: number): Promise<{ latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  let counter = 0;
  await Promise.all(Array.from({ length: posters }, async (_, worker) => {
    while (Date.now() < until) {
      counter += 1;
      const started = performance.now();
      const response = await fetch(postUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: servers.origin },
        body: JSON.stringify({ text: `Comment ${counter} from poster ${worker}: the council should publish the full sampling data.`, name: `Poster ${worker}` }),
      });
      await response.arrayBuffer();
      if (response.status === 201) latencies.push(performance.now() - started);
      else failed += 1;
    }
  }));
  return { latencies, failed };
}

/**
 * Before the first measured post: the assess pool's workers start with the first comment and score
 * nothing until they have loaded the model, so the first seconds of posting run the classifier on the
 * main thread. Measured posts meet the pool as a server that has been up a while does.
 */
export async function warmUpPosts(servers: Servers, seconds = Number(process.env.BENCH_WARMUP ?? 3)): Promise<void> {
  await postUntil(servers, 4, servers.postUrl, Date.now() + seconds * 1000);
}

/**
 * Sustained posting: `posters` clients post distinct comments back to back (as an embedding site's
 * readers would, so the Origin stands in for the CSRF token) for the whole duration, every post a real
 * assess() + insert + event, while READERS anonymous readers load the page of that same article (whose
 * cached copy every post drops).
 */
export async function measurePosts(servers: Servers, posters: number, postUrl = servers.postUrl, label = 'POST comment'): Promise<number> {
  const reading = autocannon({ url: servers.readUrl, connections: READERS, duration: DURATION_S, headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } });
  const { latencies, failed } = await postUntil(servers, posters, postUrl, Date.now() + DURATION_S * 1000);
  const reads = await reading;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  const bad = reads.non2xx + reads.errors + reads.timeouts;
  process.stdout.write(`${label.padEnd(14)} ${(latencies.length / DURATION_S).toFixed(0).padStart(8)} posts/s   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms   (${posters} client${posters === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}; target at 20: ≥ 600/s, p99 < 100 ms)\n`);
  process.stdout.write(`  page reads   ${reads.requests.average.toFixed(0).padStart(8)} req/s     p50 ${reads.latency.p50} ms   p99 ${reads.latency.p99} ms   (${READERS} readers of that article meanwhile${bad ? `, ${bad} failed` : ''}; target p99 < 50 ms)\n`);
  return latencies.length / DURATION_S;
}

async function widgetSize(): Promise<void> {
  const entry = fileURLToPath(new URL('../client/widget/main.ts', import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: ['es2020'], write: false, legalComments: 'none' });
  const code = Buffer.from(result.outputFiles[0].contents);
  const gzipped = gzipSync(code, { level: 9 }).length;
  process.stdout.write(`widget.js      ${code.length} bytes minified, ${gzipped} bytes gzipped (target ≤ 12288)\n`);
}

export const commentsBench: Bench = {
  name: 'comments',
  description: `a 200-comment thread page as JSON: Tribune vs bare node:http with the same compressed bytes; sustained POST by ${POSTERS.join(' and ')} clients while the page is read; on SQLite and PostgreSQL; widget size (${DURATION_S} s each)`,
  async run() {
    await widgetSize();
    const engines: [string, string | undefined][] = [['SQLite', undefined]];
    if (await postgresReachable()) engines.push(['PostgreSQL', BENCH_POSTGRES_URL]);
    else process.stdout.write(`PostgreSQL at ${BENCH_POSTGRES_URL} is not reachable: measuring SQLite only\n`);
    for (const [engine, databaseUrl] of engines) {
      process.stdout.write(`-- ${engine}\n`);
      const { servers, pid, stop } = await startServers(databaseUrl);
      try {
        process.stdout.write(`thread page    ${servers.comments} comments, ${servers.bytes} bytes of JSON, ${servers.wireBytes} bytes as ${servers.encoding}\n`);
        const tribune = await measureGet('tribune GET', servers.getUrl);
        const bare = await measureGet('bare http', servers.bareUrl);
        process.stdout.write(`ratio          ${(tribune / bare).toFixed(3)} (Tribune / bare; 1.0 would be free; target ≥ 0.3)\n`);
        await warmUpPosts(servers);
        for (const posters of POSTERS) await measurePosts(servers, posters);
        process.stdout.write(`server RSS     ${processMemory(pid)}\n`);
      } finally {
        await stop();
      }
    }
  },
};
