import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { appCode, enrolTotp, nextAddress, opensAdmin, passwordStep, secondStep, setCookie, STEP, withCookies } from './test-helpers.js';

describe('signing in with an authenticator app', () => {
  let t: TestApp;
  let email: string;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const editor = await t.signIn('editor', 'ed.two@staff.test');
    email = 'ed.two@staff.test';
    ({ secret, recoveryCodes } = await enrolTotp(t, editor));
    // Past the step the enrolment code used, so the first sign-in's code is a fresh one.
    t.clock.advance(30_000);
  });
  afterAll(() => t?.close());

  it('asks for a code after the password instead of starting a session, then signs in with it', async () => {
    const { response, browser } = await passwordStep(t, email, '/admin/articles?mine=1');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(STEP);
    expect(setCookie(response, 'tribune_session')).toBeUndefined();
    expect(setCookie(response, 'tribune_2fa')).toMatch(/^tribune_2fa=.+/);

    const page = await t.request({ method: 'GET', url: STEP, as: browser, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('autocomplete="one-time-code"');
    expect(page.body).toContain('Use a recovery code');

    const done = await secondStep(t, browser, appCode(secret, t.clock.now()));
    expect(done.statusCode).toBe(303);
    // `next` survived the second step.
    expect(done.headers.location).toBe('/admin/articles?mine=1');
    expect(await opensAdmin(t, done)).toBe(true);
    // The pending sign-in cookie is cleared.
    expect(setCookie(done, 'tribune_2fa')).toMatch(/^tribune_2fa=$/);
  });

  it('answers a JSON sign-in with where to finish it, and no session', async () => {
    const anonymous = t.anonymous();
    const response = await t.request({ method: 'POST', url: '/login', as: anonymous, remoteAddress: nextAddress(), payload: { email, password: 'correct horse battery staple' } });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ ok: false, secondStep: STEP });
    expect(setCookie(response, 'tribune_session')).toBeUndefined();
  });

  it('refuses a wrong code and starts no session', async () => {
    t.clock.advance(30_000);
    const { browser } = await passwordStep(t, email);
    const right = appCode(secret, t.clock.now());
    const wrong = right === '000000' ? '111111' : '000000';
    const refused = await secondStep(t, browser, wrong);
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain('That code is not right');
    expect(setCookie(refused, 'tribune_session')).toBeUndefined();
    // Still on the same pending sign-in: the right code now works.
    const done = await secondStep(t, browser, right);
    expect(done.statusCode).toBe(303);
    expect(await opensAdmin(t, done)).toBe(true);
  });

  it('never accepts the same code twice, nor an older one after a newer', async () => {
    t.clock.advance(30_000);
    const code = appCode(secret, t.clock.now());
    const first = await passwordStep(t, email);
    expect((await secondStep(t, first.browser, code)).statusCode).toBe(303);

    const replay = await passwordStep(t, email);
    const again = await secondStep(t, replay.browser, code);
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('already used');
    expect(setCookie(again, 'tribune_session')).toBeUndefined();

    // The previous step's code is inside the ±1 window, but older than the one just used.
    const older = await secondStep(t, replay.browser, appCode(secret, new Date(t.clock.now().getTime() - 30_000)));
    expect(older.statusCode).toBe(401);
  });

  it('accepts a code one step either side of the server clock, and not two', async () => {
    t.clock.advance(120_000);
    const late = await passwordStep(t, email);
    // The phone is 30 s behind: its code is for the previous step.
    const behind = await secondStep(t, late.browser, appCode(secret, new Date(t.clock.now().getTime() - 30_000)));
    expect(behind.statusCode).toBe(303);

    t.clock.advance(30_000);
    const early = await passwordStep(t, email);
    const ahead = await secondStep(t, early.browser, appCode(secret, new Date(t.clock.now().getTime() + 30_000)));
    expect(ahead.statusCode).toBe(303);

    t.clock.advance(120_000);
    const far = await passwordStep(t, email);
    const tooOld = await secondStep(t, far.browser, appCode(secret, new Date(t.clock.now().getTime() - 60_000)));
    expect(tooOld.statusCode).toBe(401);
  });

  it('takes a recovery code once, written any way a person retypes it', async () => {
    const [code] = recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    const first = await passwordStep(t, email);
    const page = await t.request({ method: 'GET', url: `${STEP}?method=recovery`, as: first.browser, headers: { accept: 'text/html' } });
    expect(page.body).toContain('Recovery code');
    const done = await secondStep(t, first.browser, ` ${code.toUpperCase().replace(/-/g, ' ')} `, 'recovery');
    expect(done.statusCode).toBe(303);
    expect(await opensAdmin(t, done)).toBe(true);

    const second = await passwordStep(t, email);
    const reused = await secondStep(t, second.browser, code, 'recovery');
    expect(reused.statusCode).toBe(401);
    expect(reused.body).toContain('recovery code is not right');
    const left = await t.runtime.db.selectFrom('two_factor_recovery_codes').select('used_at').execute();
    expect(left.filter((row) => row.used_at === null)).toHaveLength(9);
  });

  it('refuses an expired pending sign-in', async () => {
    t.clock.advance(60_000);
    const { browser } = await passwordStep(t, email);
    t.clock.advance(5 * 60_000 + 1000);
    const late = await secondStep(t, browser, appCode(secret, t.clock.now()));
    expect(late.statusCode).toBe(401);
    expect(late.body).toContain('Sign in again');
    expect(setCookie(late, 'tribune_session')).toBeUndefined();
  });

  it('refuses a forged, altered or finished pending sign-in', async () => {
    t.clock.advance(60_000);
    const { response, browser } = await passwordStep(t, email);
    const cookie = setCookie(response, 'tribune_2fa')!;
    const signed = decodeURIComponent(cookie.slice('tribune_2fa='.length));
    const [userId, nonce] = signed.split('.');
    const other = await t.signIn('moderator');
    const anonymous = t.anonymous();
    const code = () => appCode(secret, t.clock.now());
    const as = (value: string) => `tribune_2fa=${encodeURIComponent(value)}`;
    const forgeries = [
      // Unsigned: the bare "user.nonce" the server would have signed.
      as(`${userId}.${nonce}`),
      // Signed with a key other than the site's.
      as(`${userId}.${nonce}.${createHmac('sha256', 'not-the-site-secret').update(`${userId}.${nonce}`).digest('base64').replace(/=+$/, '')}`),
      // Properly signed, but naming another user than the one the nonce belongs to.
      as(t.app.signCookie(`${other.userId}.${nonce}`)),
      // Properly signed, but a nonce the server never issued.
      as(t.app.signCookie(`${userId}.${'A'.repeat(43)}`)),
    ];
    for (const forged of forgeries) {
      const refused = await secondStep(t, withCookies(anonymous, forged), code());
      expect(refused.statusCode, forged).toBe(401);
      expect(setCookie(refused, 'tribune_session')).toBeUndefined();
    }
    // The real one still works once; replaying its cookie afterwards finds nothing.
    expect((await secondStep(t, browser, code())).statusCode).toBe(303);
    t.clock.advance(30_000);
    const replayed = await secondStep(t, browser, code());
    expect(replayed.statusCode).toBe(401);
    expect(setCookie(replayed, 'tribune_session')).toBeUndefined();
  });

  it('throws the pending sign-in away after five wrong answers', async () => {
    t.clock.advance(60_000);
    const { browser } = await passwordStep(t, email);
    const right = appCode(secret, t.clock.now());
    const wrong = right === '123456' ? '654321' : '123456';
    for (let attempt = 1; attempt <= 4; attempt++) expect((await secondStep(t, browser, wrong)).statusCode).toBe(401);
    const fifth = await secondStep(t, browser, wrong);
    expect(fifth.body).toContain('Too many wrong attempts');
    const after = await secondStep(t, browser, right);
    expect(after.statusCode).toBe(401);
    expect(setCookie(after, 'tribune_session')).toBeUndefined();
  });

  it('locks codes for the account after ten wrong ones in a row, across sign-ins', async () => {
    t.clock.advance(60_000);
    const right = () => appCode(secret, t.clock.now());
    const wrong = () => (right() === '222222' ? '333333' : '222222');
    // Four pending sign-ins of at most four wrong codes each (each alone is under its own limit).
    let failures = 0;
    while (failures < 10) {
      const { browser } = await passwordStep(t, email);
      for (let i = 0; i < 4 && failures < 10; i++, failures++) await secondStep(t, browser, wrong());
    }
    const { browser } = await passwordStep(t, email);
    const locked = await secondStep(t, browser, right());
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many wrong codes');
    // A recovery code still works while codes are locked.
    const recovered = await secondStep(t, browser, recoveryCodes[5], 'recovery');
    expect(recovered.statusCode).toBe(303);
    // And the lock lifts after 15 minutes.
    t.clock.advance(15 * 60_000 + 1000);
    const later = await passwordStep(t, email);
    expect((await secondStep(t, later.browser, right())).statusCode).toBe(303);
  });

  it('keeps only same-site `next` targets through the second step', async () => {
    t.clock.advance(60_000);
    const { browser } = await passwordStep(t, email, '//evil.example/phish');
    const done = await secondStep(t, browser, appCode(secret, t.clock.now()));
    expect(done.headers.location).toBe('/admin');
  });

  it('shows a way back, not a form, when there is no pending sign-in', async () => {
    const page = await t.request({ method: 'GET', url: STEP, as: t.anonymous(), headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain('href="/login"');
    expect(page.body).not.toContain('name="code"');
  });

  it('stops a sign-in waiting for its second step when the account is removed from the staff', async () => {
    t.clock.advance(60_000);
    const { browser } = await passwordStep(t, email);
    const user = await t.runtime.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    await t.runtime.db.updateTable('users').set({ role: 'reader' }).where('id', '=', user.id).execute();
    const refused = await secondStep(t, browser, appCode(secret, t.clock.now()));
    expect(refused.statusCode).toBe(401);
    expect(setCookie(refused, 'tribune_session')).toBeUndefined();
    await t.runtime.db.updateTable('users').set({ role: 'editor' }).where('id', '=', user.id).execute();
  });
});
