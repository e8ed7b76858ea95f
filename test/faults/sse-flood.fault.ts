import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../src/testing/server-process.js';
import { SiteClient } from '../../src/testing/site-client.js';
import { LEAD_SLUG, openStream, processMetrics, serveDemo, summarise, tempDataDir, waitUntil, type Stream } from './support.js';

/** TRIBUNE_SSE_MAX_PER_ADDRESS's default: this test runs the site as it ships. */
const PER_ADDRESS = 64;
const ATTEMPTS = 20_000;
/** Connections the attacker keeps in flight at once, each a fresh socket as in the report. */
const IN_FLIGHT = 200;
/** About a minute on two busy cores: every refusal is a fresh connection through the whole stack. */
const FLOOD_TIMEOUT_MS = 300_000;
const ATTACKER = '127.0.0.1';
const NEIGHBOUR = '127.0.0.2';

/** One GET on its own socket, as a flooding script would send it; resolves with the status or the socket error. */
function attempt(url: string, localAddress: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false, localAddress, headers: { accept: 'text/event-stream' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        // A stream never ends: seeing its first bytes is enough to know one was granted.
        if (res.statusCode === 200) {
          resolve({ status: 200, body });
          req.destroy();
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

const openFiles = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

describe('one address opening live streams by the thousand against a real server process', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  const streams: Stream[] = [];
  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await server?.stop('SIGKILL');
    data.remove();
  });

  it(`gets ${PER_ADDRESS} streams, then 429s for ${ATTEMPTS} more attempts, while a second address keeps its streams, /healthz and pages`, async () => {
    server = await serveDemo(data.dir);
    const live = `${server.url}/api/articles/${LEAD_SLUG}/live`;
    const neighbour = new SiteClient(server.url, { localAddress: NEIGHBOUR, maxSockets: 2 });
    await neighbour.loadPage(`/articles/${LEAD_SLUG}`);
    const baseline = await processMetrics(server.url);
    const filesAtRest = openFiles(server.child.pid!);

    for (let index = 0; index < PER_ADDRESS; index++) streams.push(openStream(live, ATTACKER));
    expect(new Set(await Promise.all(streams.map((stream) => stream.opened)))).toEqual(new Set([200]));
    const refused = await attempt(live, ATTACKER);
    expect(refused).toMatchObject({ status: 429 });
    expect(JSON.parse((refused as { body: string }).body)).toMatchObject({ error: 'RATE_LIMITED', message: expect.stringContaining('from your address') });

    // The flood, with the neighbour reading pages and taking a stream of its own while it runs.
    const outcomes = new Map<string, number>();
    let sent = 0;
    let peakFiles = 0;
    let flooding = true;
    const started = Date.now();
    const flood = Array.from({ length: IN_FLIGHT }, async () => {
      while (sent < ATTEMPTS) {
        sent += 1;
        const outcome = await attempt(live, ATTACKER);
        const key = 'status' in outcome ? String(outcome.status) : outcome.error;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
    });
    const sampler = (async () => {
      while (flooding) {
        peakFiles = Math.max(peakFiles, openFiles(server.child.pid!));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const pageTimes: number[] = [];
    const neighbourStatuses: number[] = [];
    const neighbourStream = openStream(live, NEIGHBOUR);
    const reading = (async () => {
      while (flooding) {
        for (const path of ['/healthz', `/articles/${LEAD_SLUG}`]) {
          const response = await neighbour.get(path, { headers: { accept: 'text/html' } });
          neighbourStatuses.push(response.status);
          pageTimes.push(response.ms);
        }
        // A reader clicking around, not a second flood.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await Promise.all(flood);
    const floodMs = Date.now() - started;
    flooding = false;
    await Promise.all([sampler, reading]);

    console.log(`sse flood: ${ATTEMPTS} attempts from one address in ${(floodMs / 1000).toFixed(1)} s (${IN_FLIGHT} in flight): ${JSON.stringify(Object.fromEntries(outcomes))}; server open files ${filesAtRest} at rest, peak ${peakFiles} during the flood; neighbour ${summarise(pageTimes)}`);
    expect(Object.fromEntries(outcomes)).toEqual({ 429: ATTEMPTS });
    expect(await neighbourStream.opened).toBe(200);
    expect(neighbourStatuses.length).toBeGreaterThan(0);
    expect(neighbourStatuses.filter((status) => status !== 200)).toEqual([]);
    // Refusals close their connection, so the flood costs at most one socket per attempt in flight.
    expect(peakFiles).toBeLessThan(filesAtRest + PER_ADDRESS + IN_FLIGHT + 50);

    // After the flood: the neighbour still gets a stream, /healthz and the article.
    const later = openStream(live, NEIGHBOUR);
    expect(await later.opened).toBe(200);
    expect((await neighbour.get('/healthz')).status).toBe(200);
    expect((await neighbour.get(`/articles/${LEAD_SLUG}`, { headers: { accept: 'text/html' } })).status).toBe(200);

    // Closing the attacker's streams gives its slots back: it may open one again.
    streams.splice(0).forEach((stream) => stream.close());
    neighbourStream.close();
    later.close();
    const settled = await waitUntil(() => processMetrics(server.url), (now) => now.handles <= baseline.handles + 2, 20_000, 200);
    expect(settled.handles).toBeLessThanOrEqual(baseline.handles + 2);
    const returning = openStream(live, ATTACKER);
    expect(await returning.opened).toBe(200);
    returning.close();
    neighbour.close();
  }, FLOOD_TIMEOUT_MS);
});
