/**
 * Newsletter sending: how fast a send becomes its queue (delivery rows per second) and how fast the
 * queue drains through a loopback SMTP server (emails per second), against the same mailer sending
 * the same number of mails in a plain loop without the queue (the SMTP ceiling on this machine).
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { createMailer } from '../src/mail/index.js';
import { deliverBatch } from '../src/newsletters/delivery.js';
import { startDueSends } from '../src/newsletters/sends.js';
import { createNewsletter, scheduleArticleSend, seedSubscribers } from '../src/newsletters/testing/fixtures.js';
import { createRuntime } from '../src/runtime.js';
import { createTestDatabase } from '../src/testing/database.js';
import { startSmtpCatcher } from '../src/testing/smtp-catcher.js';
import type { Bench } from './run.js';

const RECIPIENTS = 2_000;

async function run(): Promise<void> {
  const database = await createTestDatabase();
  const catcher = await startSmtpCatcher();
  const config = loadConfig({ TRIBUNE_DATA_DIR: database.dataDir, TRIBUNE_DATABASE_URL: database.url, TRIBUNE_SECRET: 'bench-secret-bench-secret-bench', TRIBUNE_BASE_URL: 'https://news.example', TRIBUNE_MAIL_TRANSPORT: `${catcher.url}?pool=true` });
  const runtime = await createRuntime(config, { schema: database.schema, log: pino({ level: 'silent' }) });
  const mailer = createMailer(config);
  try {
    await runtime.settings.update('newsletters', { emailsPerMinute: 10_000_000 });
    const newsletterId = await createNewsletter({ runtime }, 'bench', 'Bench');
    await seedSubscribers(runtime.db, newsletterId, RECIPIENTS, 'bench.test');
    await scheduleArticleSend(runtime.db, newsletterId, { subject: 'Bench', domain: 'bench.test' });
    const deps = { ...runtime, config, mailer, driveProgress: async () => null };

    let started = performance.now();
    await startDueSends(deps);
    const queueSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    for (;;) {
      const stats = await deliverBatch(deps, 'bench');
      if (stats.sent + stats.softFailed + stats.bounced + stats.skipped === 0) break;
    }
    const sendSeconds = (performance.now() - started) / 1000;
    const delivered = catcher.messages.length;

    // The same relay, mailer and message (last one received), without the queue.
    const sample = catcher.messages[catcher.messages.length - 1];
    catcher.clear();
    started = performance.now();
    for (let i = 0; i < RECIPIENTS; i++) await mailer.send({ to: `plain${i}@bench.test`, subject: sample.subject, text: sample.text, html: sample.html });
    const plainSeconds = (performance.now() - started) / 1000;

    const perSecond = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en-US');
    process.stdout.write(`  queued: ${RECIPIENTS.toLocaleString('en-US')} deliveries in ${queueSeconds.toFixed(2)} s = ${perSecond(RECIPIENTS, queueSeconds)} per second\n`);
    process.stdout.write(`  sent through the queue: ${delivered.toLocaleString('en-US')} emails in ${sendSeconds.toFixed(2)} s = ${perSecond(delivered, sendSeconds)} per second\n`);
    process.stdout.write(`  plain mailer loop (baseline): ${perSecond(RECIPIENTS, plainSeconds)} per second; the queue runs at ${((plainSeconds / sendSeconds) * 100).toFixed(0)}% of it\n`);
  } finally {
    mailer.close();
    await runtime.close();
    await catcher.close();
    await database.drop();
  }
}

export const newsletterSendBench: Bench = {
  name: 'newsletter-send',
  description: 'emails queued and sent per second through a loopback SMTP server',
  run,
};
