import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { accountKey, limitedPasswordCheck, LOGIN_LIMIT } from './login-limits.js';

const PASSWORD = 'correct horse battery staple';
const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe('per-account sign-in limit', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  /** One attempt from its own address, so the per-address limit never answers first. */
  let address = 0;
  const attempt = (email: string, password: string, headers: Record<string, string> = {}) => {
    address += 1;
    return t.request({ method: 'POST', url: '/login', as: t.anonymous(), remoteAddress: `198.51.100.${address % 250}`, headers, payload: headers['content-type'] ? new URLSearchParams({ email, password }).toString() : { email, password } });
  };

  it('locks an account after 10 failures from different addresses, says until when, and records it', async () => {
    const editor = await t.signIn('editor', 'ed@example.org');
    for (let i = 1; i < LOGIN_LIMIT.failures; i++) expect((await attempt('ed@example.org', `guess ${i}`)).json().error).toBe('LOGIN_FAILED');
    const tenth = await attempt('ED@example.org', 'guess 10');
    expect(tenth.statusCode).toBe(429);
    expect(tenth.json().error).toBe('ACCOUNT_LOCKED');

    // Now even the right password is refused, from a fresh address, with the time to come back.
    const locked = await attempt('ed@example.org', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(LOGIN_LIMIT.lockMinutes * 60));
    const until = new Date(t.clock.now().getTime() + LOGIN_LIMIT.lockMinutes * 60_000).toISOString();
    expect(locked.json()).toMatchObject({ error: 'ACCOUNT_LOCKED', lockedUntil: until });
    expect(locked.json().message).toContain(`locked for sign-in until ${until.slice(11, 16)} UTC (in 15 minutes)`);
    expect(locked.cookies.find((c) => c.name === 'tribune_session')).toBeUndefined();

    const page = await attempt('ed@example.org', PASSWORD, form);
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.body).toContain('Too many failed sign-ins for this account');
    expect(page.body).toContain('Forgot password?');

    const [record] = await t.runtime.db.selectFrom('login_lockouts').selectAll().execute();
    expect(record).toMatchObject({ user_id: editor.userId, failures: LOGIN_LIMIT.failures, account_key: accountKey('ed@example.org'), cleared_at: null });
    expect(JSON.parse(record.addresses)).toHaveLength(LOGIN_LIMIT.failures);

    // Someone else's account is untouched, and the lock ends on time.
    await t.signIn('moderator', 'mo@example.org');
    expect((await attempt('mo@example.org', PASSWORD)).statusCode).toBe(200);
    t.clock.advance(LOGIN_LIMIT.lockMinutes * 60_000 + 1000);
    expect((await attempt('ed@example.org', PASSWORD)).statusCode).toBe(200);
  });

  it('locks an unknown address exactly like a real one, so the lock tells nothing', async () => {
    await t.signIn('editor', 'real@example.org');
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i <= LOGIN_LIMIT.failures; i++) {
        const response = await attempt(email, `guess ${i}`);
        seen.push(`${response.statusCode} ${response.json().error}`);
      }
      return seen;
    };
    expect(await answers('nobody@example.org')).toEqual(await answers('real@example.org'));
    const records = await t.runtime.db.selectFrom('login_lockouts').select(['user_id']).orderBy('locked_at').execute();
    expect(records).toHaveLength(2);
  });

  it('counts a parallel burst in full: no more than the limit of guesses reach the password check', async () => {
    await t.signIn('editor', 'burst@example.org');
    let checked = 0;
    const deps = { db: t.runtime.db, now: t.clock.now, log: pino({ level: 'silent' }) };
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => limitedPasswordCheck(deps, { email: 'burst@example.org', ip: `203.0.113.${i}`, userId: null }, async () => {
      checked += 1;
      return false;
    })));
    expect(checked).toBeLessThanOrEqual(LOGIN_LIMIT.failures);
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect((await attempt('burst@example.org', PASSWORD)).json().error).toBe('ACCOUNT_LOCKED');
  });

  it('writes a warning to the log when it locks an account', async () => {
    const editor = await t.signIn('editor', 'logged@example.org');
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    } });
    const deps = { db: t.runtime.db, now: t.clock.now, log: pino({ level: 'info' }, sink) };
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) {
      await limitedPasswordCheck(deps, { email: 'logged@example.org', ip: `192.0.2.${i}`, userId: editor.userId }, async () => false).catch(() => undefined);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, event: 'account_locked', userId: editor.userId, failures: LOGIN_LIMIT.failures });
    expect(lines[0].addresses).toHaveLength(LOGIN_LIMIT.failures);
  });

  it('forgets failures after a successful sign-in', async () => {
    await t.signIn('editor', 'forgetful@example.org');
    for (let i = 0; i < LOGIN_LIMIT.failures - 1; i++) await attempt('forgetful@example.org', 'wrong');
    expect((await attempt('forgetful@example.org', PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < LOGIN_LIMIT.failures - 1; i++) expect((await attempt('forgetful@example.org', 'wrong')).json().error).toBe('LOGIN_FAILED');
    expect(await t.runtime.db.selectFrom('login_lockouts').selectAll().execute()).toEqual([]);
  });
});
