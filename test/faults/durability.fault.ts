import { afterAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../src/testing/server-process.js';
import { SiteClient } from '../../src/testing/site-client.js';
import { adminSetsComments, LEAD_SLUG, openSiteDb, serveDemo, tempDataDir, waitUntil } from './support.js';

const WRITERS = 8;
const MAX_POSTS_PER_WRITER = 2_000;
const KILL_AFTER_ACKED = 200;

describe('a server killed with SIGKILL while it takes comments', () => {
  const data = tempDataDir();
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    data.remove();
  });

  it('keeps every acknowledged comment exactly once after a restart, and the database passes integrity_check', async () => {
    server = await serveDemo(data.dir);
    await adminSetsComments(server.url, { postsPerMinutePerIp: 1000, postsPerMinutePerReader: 1000 });

    const acknowledged = new Map<string, string>();
    const failed: string[] = [];
    let stop = false;
    const first = server;
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      // Each writer is its own guest on its own loopback address.
      const client = new SiteClient(first.url, { localAddress: `127.0.0.${10 + writer}`, maxSockets: 1 });
      await client.loadPage(`/articles/${LEAD_SLUG}`);
      for (let n = 0; n < MAX_POSTS_PER_WRITER && !stop; n++) {
        const text = `durability ${writer}-${n}-${Math.random().toString(36).slice(2, 8)}`;
        try {
          const response = await client.post(`/api/articles/${LEAD_SLUG}/comments`, { json: { text, name: `Writer ${writer}` }, timeoutMs: 5_000 });
          if (response.status === 201) acknowledged.set(text, response.json<{ comment: { id: string } }>().comment.id);
          else failed.push(`${response.status} ${response.text.slice(0, 80)}`);
        } catch {
          // The connection died with the server: this comment was never acknowledged.
          break;
        }
      }
      client.close();
    });

    await waitUntil(() => acknowledged.size, (size) => size >= KILL_AFTER_ACKED, 30_000, 20);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKED);
    const signal = first.stop('SIGKILL');
    await signal;
    stop = true;
    await Promise.all(writers);
    const ackedAtKill = acknowledged.size;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(failed.filter((line) => !line.startsWith('429'))).toEqual([]);

    server = await serveDemo(data.dir);
    const reader = new SiteClient(server.url);
    const listing = await reader.get(`/api/articles/${LEAD_SLUG}/comments?sort=newest&limit=5`);
    reader.close();
    expect(listing.status).toBe(200);
    await server.stop('SIGTERM');
    server = undefined;

    const db = openSiteDb(data.dir);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare("SELECT id, body FROM comments WHERE body LIKE 'durability %'").all() as { id: string; body: string }[];
      const byBody = new Map<string, string[]>();
      for (const row of rows) byBody.set(row.body, [...(byBody.get(row.body) ?? []), row.id]);
      const missing = [...acknowledged].filter(([text]) => !byBody.has(text));
      const duplicated = [...byBody].filter(([, ids]) => ids.length > 1);
      const wrongId = [...acknowledged].filter(([text, id]) => byBody.get(text)?.[0] !== id && byBody.has(text));
      expect({ missing, duplicated, wrongId }).toEqual({ missing: [], duplicated: [], wrongId: [] });
      console.log(`durability: ${ackedAtKill} comments acknowledged before SIGKILL, ${rows.length} stored (${rows.length - ackedAtKill} committed as the process died, never acknowledged)`);
    } finally {
      db.close();
    }
  });
});
