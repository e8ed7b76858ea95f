import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createMailer, type Mailer } from '../mail/index.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { requireScaleOutEnv } from '../testing/scale-out.js';
import { startSmtpCatcher, type SmtpCatcher } from '../testing/smtp-catcher.js';
import { createNewsletterWorker, type NewsletterWorker } from './delivery.js';
import { createNewsletter, scheduleArticleSend, seedSubscribers } from './testing/fixtures.js';

const RECIPIENTS = 5_000;

describe('two instances on PostgreSQL sending the same newsletter at once', () => {
  let database: TestDatabase;
  let catcher: SmtpCatcher;
  const runtimes: Runtime[] = [];
  const workers: NewsletterWorker[] = [];
  const mailers: Mailer[] = [];
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    for (const mailer of mailers) mailer.close();
    await Promise.all(runtimes.map((runtime) => runtime.close()));
    await database?.drop();
    await catcher?.close();
  });

  it('delivers exactly one email to each recipient and shares the work', async () => {
    const { redisUrl } = requireScaleOutEnv();
    database = await createTestDatabase();
    catcher = await startSmtpCatcher();
    const config = loadConfig({
      TRIBUNE_DATA_DIR: database.dataDir,
      TRIBUNE_DATABASE_URL: database.url,
      TRIBUNE_SECRET: 'test-secret-test-secret-test-secret',
      TRIBUNE_BASE_URL: 'http://localhost:3000',
      TRIBUNE_REDIS_URL: redisUrl,
      TRIBUNE_MAIL_TRANSPORT: `${catcher.url}?pool=true`,
    });
    for (let i = 0; i < 2; i++) runtimes.push(await createRuntime(config, { schema: database.schema, log: pino({ level: 'silent' }), redisNamespace: database.schema }));
    const [first] = runtimes;
    await first.settings.update('newsletters', { emailsPerMinute: 1_000_000 });
    const newsletterId = await createNewsletter({ runtime: first }, 'daily-brief', 'Daily brief');
    const emails = await seedSubscribers(first.db, newsletterId, RECIPIENTS, 'pg.test');
    const sendId = await scheduleArticleSend(first.db, newsletterId, { subject: 'Both at once', domain: 'pg.test' });

    const sentBy = [0, 0];
    runtimes.forEach((runtime, index) => {
      const mailer = createMailer(config);
      mailers.push(mailer);
      const counting: Mailer = {
        async send(message) {
          const receipt = await mailer.send(message);
          sentBy[index] += 1;
          return receipt;
        },
        close: () => mailer.close(),
      };
      workers.push(createNewsletterWorker({ ...runtime, config, mailer: counting, driveProgress: async () => null }, { idleMs: 200 }));
    });
    for (const worker of workers) worker.start();

    for (;;) {
      const send = await first.db.selectFrom('newsletter_sends').select('status').where('id', '=', sendId).executeTakeFirstOrThrow();
      if (send.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const perRecipient = new Map<string, number>();
    for (const message of catcher.messages) for (const to of message.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(perRecipient.size).toBe(RECIPIENTS);
    expect([...perRecipient.values()].filter((count) => count !== 1)).toEqual([]);
    expect(new Set(emails)).toEqual(new Set(perRecipient.keys()));
    expect(sentBy[0] + sentBy[1]).toBe(RECIPIENTS);
    expect(sentBy[0]).toBeGreaterThan(0);
    expect(sentBy[1]).toBeGreaterThan(0);
    const statuses = await first.db.selectFrom('newsletter_deliveries').select(['status', (eb) => eb.fn.countAll<number>().as('count')]).where('send_id', '=', sendId).groupBy('status').execute();
    expect(statuses.map((row) => [row.status, Number(row.count)])).toEqual([['sent', RECIPIENTS]]);
  }, 300_000);
});
