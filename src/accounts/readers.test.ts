import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailboxDir, readMailbox } from '../mail/index.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { nameSkeleton, unsubscribeToken, validateDisplayName, verifyUnsubscribeToken } from './readers.js';

describe('reader accounts', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const inbox = () => readMailbox(mailboxDir(t.config)!);
  const linkIn = (text: string) => /http:\/\/localhost:3000(\/auth\/magic\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('signs a reader in end to end through the emailed magic link, once', async () => {
    const visitor = t.anonymous();
    const asked = await t.request({ method: 'POST', url: '/api/auth/magic-link', as: visitor, payload: { email: 'New.Reader@Example.org', returnTo: '/articles/x#comments' } });
    expect(asked.statusCode).toBe(202);
    const [mail] = inbox();
    expect(mail.to).toBe('new.reader@example.org');
    expect(mail.subject).toContain('sign-in link');
    const path = linkIn(mail.text)!;
    expect(path).toBeDefined();
    const stored = await t.runtime.db.selectFrom('magic_links').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(path.split('/').pop()!);

    const signIn = await t.request({ url: path });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/articles/x#comments');
    const session = signIn.cookies.find((c) => c.name === 'tribune_session')!;
    const me = await t.request({ url: '/api/account', headers: { cookie: `tribune_session=${session.value}` } });
    expect(me.json()).toMatchObject({ email: 'new.reader@example.org', role: 'reader', displayName: 'New Reader', notifyReplies: false });

    const again = await t.request({ url: path, headers: { accept: 'text/html' } });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('expired or was already used');
    expect(again.cookies.find((c) => c.name === 'tribune_session')).toBeUndefined();
  });

  it('expires links after 15 minutes and never mails one to a staff address', async () => {
    await t.signIn('editor', 'boss@example.org');
    await t.request({ method: 'POST', url: '/api/auth/magic-link', as: t.anonymous(), payload: { email: 'boss@example.org' } });
    expect(inbox()).toHaveLength(0);
    await t.request({ method: 'POST', url: '/api/auth/magic-link', as: t.anonymous(), payload: { email: 'late@example.org' } });
    const path = linkIn(inbox()[0].text)!;
    t.clock.advance(15 * 60_000 + 1000);
    expect((await t.request({ url: path })).statusCode).toBe(400);
    const bad = await t.request({ method: 'POST', url: '/api/auth/magic-link', as: t.anonymous(), payload: { email: 'not-an-email' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('EMAIL_INVALID');
  });

  it('limits magic-link requests per IP', async () => {
    let last;
    for (let i = 0; i < 6; i++) last = await t.request({ method: 'POST', url: '/api/auth/magic-link', as: t.anonymous(), payload: { email: `r${i}@example.org` } });
    expect(last!.statusCode).toBe(429);
    expect(last!.headers['retry-after']).toBeDefined();
  });

  it('lets a reader change their display name within the rules and opt in to reply mails', async () => {
    await t.signIn('moderator');
    const staffName = (await t.runtime.db.selectFrom('users').select('display_name').where('role', '=', 'moderator').executeTakeFirstOrThrow()).display_name;
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000001', email: 'r@example.org', display_name: 'Old Name', role: 'reader', created_at: time, updated_at: time }).execute();
    const reader = await t.identityFor('reader00000000000001');
    const page = await t.request({ url: '/account', as: reader, headers: { accept: 'text/html' } });
    expect(page.body).toContain('value="Old Name"');

    const saved = await t.request({ method: 'POST', url: '/account', as: reader, payload: { displayName: '  Nice   Name ', notifyReplies: '1', _csrf: reader.csrf } });
    expect(saved.statusCode).toBe(303);
    expect((await t.request({ url: '/api/account', as: reader })).json()).toMatchObject({ displayName: 'Nice Name', notifyReplies: true });

    for (const name of ['x', 'y'.repeat(41), staffName.toUpperCase(), staffName.replace(/o/gi, '0'), 'Site Admin', 'The Moderator']) {
      const refused = await t.request({ method: 'PATCH', url: '/api/account', as: reader, payload: { displayName: name } });
      expect(refused.statusCode, name).toBe(400);
    }
    const formError = await t.request({ method: 'POST', url: '/account', as: reader, payload: { displayName: 'Z', _csrf: reader.csrf } });
    expect(formError.statusCode).toBe(400);
    expect(formError.body).toContain('2 to 40 characters');
    expect((await t.request({ url: '/api/account', as: reader })).json().displayName).toBe('Nice Name');
  });

  it('unsubscribes in one click with a signed token, and refuses a forged one', async () => {
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000002', email: 'u@example.org', display_name: 'Subscriber', role: 'reader', notify_replies: 1, created_at: time, updated_at: time }).execute();
    const token = unsubscribeToken(t.config.secret, 'reader00000000000002');
    expect(verifyUnsubscribeToken(t.config.secret, token)).toBe('reader00000000000002');
    expect(verifyUnsubscribeToken(t.config.secret, token.replace(/.$/, 'x'))).toBeNull();
    expect(verifyUnsubscribeToken('another-secret', token)).toBeNull();
    const forged = await t.request({ url: `/notifications/unsubscribe?token=reader00000000000002.forged`, headers: { accept: 'text/html' } });
    expect(forged.statusCode).toBe(400);
    const done = await t.request({ url: `/notifications/unsubscribe?token=${encodeURIComponent(token)}`, headers: { accept: 'text/html' } });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Unsubscribed');
    const user = await t.runtime.db.selectFrom('users').select('notify_replies').where('id', '=', 'reader00000000000002').executeTakeFirstOrThrow();
    expect(user.notify_replies).toBe(0);
  });
});

describe('display names', () => {
  it('reads look-alike characters as letters', () => {
    expect(nameSkeleton('Ed1t0r')).toBe(nameSkeleton('Editor'));
    expect(nameSkeleton('Ｍａｙａ')).toBe(nameSkeleton('maya'));
  });

  it('rejects control characters and trims', async () => {
    const t = await startTestApp();
    try {
      await expect(validateDisplayName(t.runtime.db, '  Ana  Lopez ')).resolves.toBe('Ana Lopez');
      await expect(validateDisplayName(t.runtime.db, 'Ana\u202eLopez')).rejects.toMatchObject({ code: 'DISPLAY_NAME_INVALID' });
    } finally {
      await t.close();
    }
  });
});
