import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/testing/smtp-catcher.js';
import { startServerProcess, type ServerProcess } from '../../src/testing/server-process.js';
import { openSiteDb, tempDataDir, waitUntil } from './support.js';

const RECIPIENTS = 5_000;
const KILL_AT = 1_700;

/** The newsletter, its 5,000 subscribers and a send of the lead story, written while no server runs. */
function prepareSend(dataDir: string): string {
  const db = new SQLite(join(dataDir, 'tribune.db'));
  try {
    const time = new Date().toISOString();
    const newsletterId = newId();
    const sendId = newId();
    const article = { id: newId() };
    const authorId = newId();
    db.transaction(() => {
      db.prepare("insert into users (id, email, display_name, role, created_at, updated_at) values (?, 'editor@fault.test', 'Editor', 'editor', ?, ?)").run(authorId, time, time);
      db.prepare(
        "insert into articles (id, slug, title, summary, body_md, author_id, status, published_at, created_at, updated_at, comments_open, premoderate) values (?, 'fault-story', 'The river report', 'What the sediment tests found.', ?, ?, 'published', ?, ?, ?, 1, 0)",
      ).run(article.id, 'The tests came back.\n\nHere is what they mean.', authorId, time, time, time);
      db.prepare("insert into settings (key, value, updated_at) values ('newsletters', ?, ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify({ emailsPerMinute: 100_000 }), time);
      db.prepare("insert into newsletters (id, slug, name, description, position, created_at, updated_at) values (?, 'daily-brief', 'Daily brief', '', 0, ?, ?)").run(newsletterId, time, time);
      const subscriber = db.prepare("insert into newsletter_subscribers (id, email, status, source, confirmed_at, created_at, updated_at) values (?, ?, 'active', 'import', ?, ?, ?)");
      const subscription = db.prepare('insert into newsletter_subscriptions (subscriber_id, newsletter_id, created_at) values (?, ?, ?)');
      for (let i = 0; i < RECIPIENTS; i++) {
        const id = newId();
        subscriber.run(id, `reader${i}@fault.test`, time, time, time);
        subscription.run(id, newsletterId, time);
      }
      db.prepare("insert into newsletter_sends (id, newsletter_id, kind, article_ids, subject, intro, status, send_after, total, created_at) values (?, ?, 'article', ?, 'Fault test', '', 'scheduled', ?, 0, ?)").run(sendId, newsletterId, JSON.stringify([article.id]), time, time);
    })();
    return sendId;
  } finally {
    db.close();
  }
}

function deliveryCounts(dataDir: string, sendId: string): Record<string, number> {
  const db = openSiteDb(dataDir);
  try {
    const rows = db.prepare('select status, count(*) as count from newsletter_deliveries where send_id = ? group by status').all(sendId) as { status: string; count: number }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  } finally {
    db.close();
  }
}

describe('a newsletter send interrupted by SIGKILL', () => {
  const data = tempDataDir();
  let server: ServerProcess | undefined;
  let catcher: SmtpCatcher | undefined;
  const serve = (env: Record<string, string> = {}) => startServerProcess({ TRIBUNE_DATA_DIR: data.dir, ...env });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await catcher?.close();
    data.remove();
  });

  it('resumes after a restart and every one of 5,000 recipients gets exactly one email', async () => {
    // The first start creates the database; the send is written while the server is down.
    server = await serve();
    await server.stop('SIGTERM');
    const sendId = prepareSend(data.dir);

    let killed: Promise<number | null> | undefined;
    catcher = await startSmtpCatcher({
      // Kill the sender while it waits for the relay's answer to message KILL_AT: that message was
      // never confirmed, so it is not counted as received and must be sent again after the restart.
      beforeReply: async (_mail, received) => {
        if (received < KILL_AT || killed) return 'accept';
        killed = server!.stop('SIGKILL');
        await killed;
        return 'refuse';
      },
    });
    const transport = { TRIBUNE_MAIL_TRANSPORT: `${catcher.url}?pool=true` };
    server = await serve(transport);
    await waitUntil(() => killed, (value) => value !== undefined, 120_000);
    await killed;
    const atKill = deliveryCounts(data.dir, sendId);
    expect(atKill.sent ?? 0).toBeGreaterThanOrEqual(KILL_AT - 1);
    expect(atKill.sent ?? 0).toBeLessThan(RECIPIENTS);

    server = await serve(transport);
    const counts = await waitUntil(() => deliveryCounts(data.dir, sendId), (value) => value.sent === RECIPIENTS, 110_000, 250);
    expect(counts).toEqual({ sent: RECIPIENTS });

    const perRecipient = new Map<string, number>();
    for (const message of catcher.messages) for (const to of message.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(perRecipient.size).toBe(RECIPIENTS);
    const repeated = [...perRecipient].filter(([, count]) => count !== 1);
    expect(repeated).toEqual([]);
    expect(catcher.messages).toHaveLength(RECIPIENTS);
  }, 300_000);
});
