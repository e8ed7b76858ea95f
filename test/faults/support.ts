import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { startServerProcess, type ServerProcess } from '../../src/testing/server-process.js';
import { DEMO_ADMIN, SiteClient, saveCommentSettings, type CommentSettingsForm } from '../../src/testing/site-client.js';

export const LEAD_SLUG = 'river-cleanup-sediment-tests';

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tribune-fault-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `tribune serve --demo` as a child process on this data folder (seeded on its first start only). */
export function serveDemo(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({ TRIBUNE_DATA_DIR: dataDir, ...env }, ['--demo']);
}

/** The demo admin changes the comment settings on the admin screen, as a person would. */
export async function adminSetsComments(url: string, values: CommentSettingsForm): Promise<void> {
  const admin = new SiteClient(url);
  try {
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await saveCommentSettings(admin, values);
  } finally {
    admin.close();
  }
}

/** The site's SQLite file, read-only (the server may still hold it open in WAL mode). */
export function openSiteDb(dataDir: string): SQLite.Database {
  return new SQLite(join(dataDir, 'tribune.db'), { readonly: true, fileMustExist: true });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(values: number[]): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  return `n=${values.length} p50=${round(percentile(values, 50))}ms p95=${round(percentile(values, 95))}ms max=${round(Math.max(...values))}ms`;
}

/** Polls until `check` holds, at most `timeoutMs`; returns the last value seen. */
export async function waitUntil<T>(read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 10_000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    value = await read();
  }
  return value;
}

export interface Stream {
  /** Events received so far, by type. */
  events: Map<string, number>;
  opened: Promise<number>;
  close(): void;
  /** Stops reading: the server's writes pile up in the socket (a slow or stalled client). */
  pause(): void;
}

/** One Server-Sent Events connection on its own socket (from `localAddress` if given), counting the events it receives. */
export function openStream(url: string, localAddress?: string): Stream {
  const events = new Map<string, number>();
  let req: ClientRequest | undefined;
  let res: IncomingMessage | undefined;
  const opened = new Promise<number>((resolve, reject) => {
    req = httpRequest(url, { agent: false, localAddress, headers: { accept: 'text/event-stream' } }, (response) => {
      res = response;
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const type = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
          if (type) events.set(type, (events.get(type) ?? 0) + 1);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      });
      response.on('error', () => undefined);
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
  opened.catch(() => undefined);
  return {
    events,
    opened,
    close: () => {
      res?.destroy();
      req?.destroy();
    },
    pause: () => res?.pause(),
  };
}

/** Prometheus text → the value of one unlabelled metric. */
export function metric(text: string, name: string): number {
  const match = new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

export async function processMetrics(url: string): Promise<{ heapUsed: number; rss: number; handles: number }> {
  const client = new SiteClient(url);
  try {
    const text = (await client.get('/metrics', { headers: { accept: 'text/plain' } })).text;
    return { heapUsed: metric(text, 'nodejs_heap_size_used_bytes'), rss: metric(text, 'process_resident_memory_bytes'), handles: metric(text, 'nodejs_active_handles_total') };
  } finally {
    client.close();
  }
}

export const MB = 1024 * 1024;
