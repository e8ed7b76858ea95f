import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailboxDir, readMailbox, type StoredMail } from '../mail/index.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { eventually } from '../testing/wait.js';
import { LOGIN_LIMIT } from './login-limits.js';
import { RESET_MINUTES, RESETS_PER_HOUR } from './password-reset.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new long password';

describe('password reset', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  let address = 0;
  const fromNewAddress = () => `198.51.100.${(address += 1) % 250}`;
  const forgot = (email: string, asForm = false) => t.request({
    method: 'POST', url: '/login/forgot', as: t.anonymous(), remoteAddress: fromNewAddress(),
    ...(asForm ? { headers: form, payload: new URLSearchParams({ email }).toString() } : { payload: { email } }),
  });
  const mails = () => readMailbox(mailboxDir(t.config)!);
  const waitForMail = (count: number): Promise<StoredMail> => eventually(() => mails()[count - 1], `mail number ${count}`);
  const resetLink = (mail: StoredMail) => /http:\/\/localhost:3000(\/login\/reset\/[A-Za-z0-9_-]+)/.exec(mail.text)![1];
  const setPassword = (path: string, password = NEW_PASSWORD, confirm = password) =>
    t.request({ method: 'POST', url: path, as: t.anonymous(), headers: form, payload: new URLSearchParams({ password, passwordConfirm: confirm }).toString() });
  const login = (email: string, password: string) => t.request({ method: 'POST', url: '/login', as: t.anonymous(), remoteAddress: fromNewAddress(), payload: { email, password } });
  /** Resets are mailed after the answer; closing the app waits for that work, so then no mail is still to come. */
  const settle = async () => {
    const dir = mailboxDir(t.config)!;
    const copy = mkdtempSync(join(tmpdir(), 'tribune-mail-'));
    await t.app.close();
    cpSync(dir, copy, { recursive: true });
    await t.close();
    t = await startTestApp();
    const all = readMailbox(copy);
    rmSync(copy, { recursive: true, force: true });
    return all;
  };

  it('answers the same for staff, readers and unknown addresses, and mails only the staff member', async () => {
    await t.signIn('editor', 'ed@example.org');
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000001', email: 'reader@example.org', display_name: 'Rae', role: 'reader', created_at: time, updated_at: time }).execute();
    const answers = [];
    for (const email of ['ed@example.org', 'reader@example.org', 'nobody@example.org']) {
      const json = await forgot(email);
      const page = await forgot(email, true);
      answers.push({ json: [json.statusCode, json.body], page: [page.statusCode, page.body.replace(/value="[^"]*"|content="[^"]*"/g, '')] });
    }
    expect(answers[0].json).toEqual([202, expect.stringContaining('If this address belongs to a staff account')]);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0].page[1]).toContain('If this address belongs to a staff account, we have sent it a link');
    const sent = await settle();
    expect(sent.map((mail) => mail.to)).toEqual(['ed@example.org', 'ed@example.org']);
    expect(sent[0].subject).toContain('Reset your password');
  });

  it('sets a new password once, ends every session, and the old password stops working', async () => {
    const editor = await t.signIn('editor', 'ed@example.org');
    const elsewhere = await t.identityFor(editor.userId);
    await forgot('ed@example.org');
    const path = resetLink(await waitForMail(1));
    const stored = await t.runtime.db.selectFrom('password_resets').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(path.split('/').pop()!);

    const opened = await t.request({ url: path, headers: { accept: 'text/html' } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('ed@example.org');
    expect(opened.headers['cache-control']).toBe('no-store');
    expect((await setPassword(path, 'short')).statusCode).toBe(400);
    expect((await setPassword(path, NEW_PASSWORD, 'something else entirely')).statusCode).toBe(400);

    const done = await setPassword(path);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/login?reset=done');
    expect((await t.request({ url: '/login?reset=done', headers: { accept: 'text/html' } })).body).toContain('Your password is changed');
    for (const session of [editor, elsewhere]) expect((await t.request({ url: '/api/account', as: session })).statusCode).toBe(401);
    expect((await login('ed@example.org', OLD_PASSWORD)).statusCode).toBe(401);
    expect((await login('ed@example.org', NEW_PASSWORD)).statusCode).toBe(200);

    const again = await setPassword(path, 'mallory-was-here-too');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('expired or was already used');
    expect((await login('ed@example.org', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('expires links, and spends every other link of the account with the one used', async () => {
    await t.signIn('moderator', 'mo@example.org');
    await forgot('mo@example.org');
    await forgot('mo@example.org');
    const [first, second] = [resetLink(await waitForMail(1)), resetLink(await waitForMail(2))];
    expect((await setPassword(second)).statusCode).toBe(303);
    expect((await setPassword(first, 'yet another long password')).statusCode).toBe(400);

    await forgot('mo@example.org');
    const late = resetLink(await waitForMail(3));
    t.clock.advance(RESET_MINUTES * 60_000 + 1000);
    expect((await t.request({ url: late, headers: { accept: 'text/html' } })).statusCode).toBe(400);
    expect((await setPassword(late)).statusCode).toBe(400);
  });

  it(`mails at most ${RESETS_PER_HOUR} links an hour to one account, answering the same`, async () => {
    await t.signIn('editor', 'ed@example.org');
    for (let i = 0; i < RESETS_PER_HOUR + 2; i++) expect((await forgot('ed@example.org')).statusCode).toBe(202);
    expect(await settle()).toHaveLength(RESETS_PER_HOUR);
  });

  it('lifts a sign-in lock once the password is reset', async () => {
    await t.signIn('editor', 'ed@example.org');
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) await login('ed@example.org', `guess ${i}`);
    expect((await login('ed@example.org', OLD_PASSWORD)).json().error).toBe('ACCOUNT_LOCKED');
    await forgot('ed@example.org');
    expect((await setPassword(resetLink(await waitForMail(1)))).statusCode).toBe(303);
    expect((await login('ed@example.org', NEW_PASSWORD)).statusCode).toBe(200);
    const [lock] = await t.runtime.db.selectFrom('login_lockouts').select(['cleared_at', 'cleared_reason']).execute();
    expect(lock).toEqual({ cleared_at: t.clock.now().toISOString(), cleared_reason: 'password reset' });
  });

  it('links "Forgot password?" from the sign-in form', async () => {
    const page = await t.request({ url: '/login', headers: { accept: 'text/html' } });
    expect(page.body).toContain('href="/login/forgot"');
    const forgotPage = await t.request({ url: '/login/forgot', headers: { accept: 'text/html' } });
    expect(forgotPage.statusCode).toBe(200);
    expect(forgotPage.body).toContain('action="/login/forgot"');
  });
});
