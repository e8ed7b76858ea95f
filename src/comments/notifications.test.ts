import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailboxDir, readMailbox, createMailer } from '../mail/index.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { processReplyNotifications } from './notifications.js';
import { commentsDeps } from './plugin.js';
import { createReader, createTestArticle, postId, relax } from './test-fixtures.js';

describe('reply notifications', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  const run = () => processReplyNotifications({ ...commentsDeps(t.runtime), mailer: createMailer(t.config), secret: t.config.secret });
  const inbox = () => readMailbox(mailboxDir(t.config)!);

  it('batches replies into one mail per reader and thread, after the window, exactly once', async () => {
    const article = await createTestArticle(t);
    const ana = await createReader(t, 'Ana', { notify: true });
    const ben = await createReader(t, 'Ben');
    const cy = await createReader(t, 'Cy', { notify: true });
    const root = await postId(t, ana, article.slug, 'What do you all think?');
    const other = await postId(t, ana, article.slug, 'A second thread');
    const replies = [];
    for (const [who, text] of [[ben, 'I agree'], [cy, 'I do not'], [ben, 'Why not?']] as const) {
      t.clock.advance(60_000);
      replies.push(await postId(t, who, article.slug, text, root));
    }
    await postId(t, ana, article.slug, 'Thanks both', replies[0]); // to Ben, who did not opt in
    await postId(t, ana, article.slug, 'Replying to myself', root); // no mail about one's own reply
    await postId(t, ben, article.slug, 'On the other thread', other);

    expect(await run()).toBe(0);
    t.clock.advance(10 * 60_000);
    expect(await run()).toBe(2);
    expect(await run()).toBe(0);
    const mails = inbox();
    expect(mails.map((mail) => mail.to).sort()).toEqual([ana.email, ana.email]);
    const batch = mails.find((mail) => mail.subject.startsWith('3 new replies'))!;
    expect(batch.text).toContain('I agree');
    expect(batch.text).toContain('I do not');
    expect(batch.text).toContain('Why not?');
    expect(batch.text).not.toContain('Thanks both');
    expect(batch.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /(\/notifications\/unsubscribe\?token=\S+)/.exec(batch.text)![1];
    expect((await t.request({ url: unsubscribe })).statusCode).toBe(200);

    t.clock.advance(60_000);
    await postId(t, cy, article.slug, 'One more', root);
    t.clock.advance(11 * 60_000);
    expect(await run()).toBe(0);
  });

  it('never sends the same batch twice when two instances run at once, and skips deleted replies', async () => {
    const article = await createTestArticle(t);
    const ana = await createReader(t, 'Ana', { notify: true });
    const ben = await createReader(t, 'Ben');
    const root = await postId(t, ana, article.slug, 'Root');
    const gone = await postId(t, ben, article.slug, 'Will delete this', root);
    await postId(t, ben, article.slug, 'Stays', root);
    await t.request({ method: 'DELETE', url: `/api/comments/${gone}`, as: ben });
    t.clock.advance(11 * 60_000);
    const results = await Promise.all([run(), run(), run()]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    const [mail] = inbox();
    expect(inbox()).toHaveLength(1);
    expect(mail.subject).toContain('A new reply');
    expect(mail.text).not.toContain('Will delete this');
    const rows = await t.runtime.db.selectFrom('reply_notifications').select(['sent_at', 'claimed_by']).execute();
    expect(rows.every((row) => row.sent_at && row.claimed_by)).toBe(true);
  });
});
