import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../../testing/test-app.js';
import { decryptTotpSecret } from './secrets.js';
import { appCode, enrolTotp, form, opensAdmin, PASSWORD, passwordStep, recoveryCodesIn, secondStep, SETUP } from './test-helpers.js';

describe('setting up two-factor sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  let counter = 0;
  async function staff(): Promise<{ as: TestIdentity; email: string }> {
    counter += 1;
    const email = `setup${counter}@staff.test`;
    return { as: await t.signIn('moderator', email), email };
  }
  const page = (as: TestIdentity) => t.request({ method: 'GET', url: SETUP, as, headers: { accept: 'text/html' } });

  it('shows a QR code and the key, and counts only once a code from the app confirms it', async () => {
    const { as, email } = await staff();
    expect((await page(as)).body).toContain('Two-factor sign-in is <strong data-two-factor-state>off</strong>');
    expect((await t.request({ method: 'POST', url: `${SETUP}/totp`, as, ...form({}) })).statusCode).toBe(303);
    const shown = await page(as);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.body).toMatch(/<svg class="two-factor-qr__code" role="img"/);
    const secret = /data-totp-secret>([A-Z2-7 ]+)</.exec(shown.body)![1].replace(/ /g, '');
    expect(secret).toHaveLength(32);

    // Not confirmed yet: the password alone still signs in.
    const before = await passwordStep(t, email);
    expect(await opensAdmin(t, before.response)).toBe(true);

    const wrong = await t.request({ method: 'POST', url: `${SETUP}/totp/confirm`, as, ...form({ code: appCode(secret, new Date(t.clock.now().getTime() - 300_000)) }) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('That code is not right');
    expect((await page(as)).body).toContain('data-two-factor-state>off');

    const confirmed = await t.request({ method: 'POST', url: `${SETUP}/totp/confirm`, as, ...form({ code: appCode(secret, t.clock.now()) }) });
    expect(confirmed.statusCode).toBe(200);
    const codes = recoveryCodesIn(confirmed.body);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(confirmed.body).toContain('They are shown only now');
    const after = await page(as);
    expect(after.body).toContain('data-two-factor-state>on');
    // Shown once: the page no longer has them.
    expect(recoveryCodesIn(after.body)).toEqual([]);
    expect(after.body).toContain('10 of 10 left');

    const signIn = await passwordStep(t, email);
    expect(signIn.response.headers.location).toBe('/login/two-factor');
    expect(await opensAdmin(t, signIn.response)).toBe(false);
  });

  it('keeps neither the app secret nor the recovery codes readable in the database', async () => {
    const { as } = await staff();
    const { secret, recoveryCodes } = await enrolTotp(t, as);
    const row = await t.runtime.db.selectFrom('two_factor_totp').selectAll().where('user_id', '=', as.userId).executeTakeFirstOrThrow();
    expect(row.secret_ciphertext).toMatch(/^v1\./);
    expect(row.secret_ciphertext).not.toContain(secret);
    // It opens with the site's key, for this user only, and not with another key.
    expect(decryptTotpSecret(t.config.secret, as.userId, row.secret_ciphertext)).toBe(secret);
    expect(decryptTotpSecret(t.config.secret, 'someone-else', row.secret_ciphertext)).toBeNull();
    expect(decryptTotpSecret('another-site-secret-another-site', as.userId, row.secret_ciphertext)).toBeNull();
    const hashes = await t.runtime.db.selectFrom('two_factor_recovery_codes').select('code_hash').where('user_id', '=', as.userId).execute();
    expect(hashes).toHaveLength(10);
    // The database file itself holds none of them in any form a dump would show.
    if (t.runtime.dialect === 'sqlite') {
      const file = readFileSync(join(t.config.dataDir, 'tribune.db')).toString('latin1') + readWal(t);
      for (const text of [secret, ...recoveryCodes, ...recoveryCodes.map((code) => code.replace(/-/g, ''))]) expect(file).not.toContain(text);
    }
  });

  it('asks for the password or a current code before removing the app, then signs in with the password alone', async () => {
    const { as, email } = await staff();
    const { secret } = await enrolTotp(t, as);
    const without = await t.request({ method: 'POST', url: `${SETUP}/totp/delete`, as, ...form({}) });
    expect(without.statusCode).toBe(401);
    const wrong = await t.request({ method: 'POST', url: `${SETUP}/totp/delete`, as, ...form({ proof: 'not my password at all' }) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Enter your password, or a current code');
    expect((await page(as)).body).toContain('data-two-factor-state>on');

    t.clock.advance(30_000);
    const byCode = await t.request({ method: 'POST', url: `${SETUP}/totp/delete`, as, ...form({ proof: appCode(secret, t.clock.now()) }) });
    expect(byCode.statusCode).toBe(303);
    expect((await page(as)).body).toContain('data-two-factor-state>off');
    expect(await t.runtime.db.selectFrom('two_factor_recovery_codes').select('code_hash').where('user_id', '=', as.userId).execute()).toEqual([]);
    expect(await opensAdmin(t, (await passwordStep(t, email)).response)).toBe(true);

    await enrolTotp(t, as);
    const byPassword = await t.request({ method: 'POST', url: `${SETUP}/totp/delete`, as, ...form({ proof: PASSWORD }) });
    expect(byPassword.statusCode).toBe(303);
    expect((await page(as)).body).toContain('data-two-factor-state>off');
  });

  it('makes new recovery codes on request, and the old ones stop working', async () => {
    const { as, email } = await staff();
    const { recoveryCodes: old } = await enrolTotp(t, as);
    const refused = await t.request({ method: 'POST', url: `${SETUP}/recovery-codes`, as, ...form({ proof: 'wrong password here' }) });
    expect(refused.statusCode).toBe(401);
    const fresh = await t.request({ method: 'POST', url: `${SETUP}/recovery-codes`, as, ...form({ proof: PASSWORD }) });
    expect(fresh.statusCode).toBe(200);
    const codes = recoveryCodesIn(fresh.body);
    expect(codes).toHaveLength(10);
    expect(codes.filter((code) => old.includes(code))).toEqual([]);

    const first = await passwordStep(t, email);
    expect((await secondStep(t, first.browser, old[0], 'recovery')).statusCode).toBe(401);
    const second = await passwordStep(t, email);
    expect(await opensAdmin(t, await secondStep(t, second.browser, codes[0], 'recovery'))).toBe(true);
  });

  it('cancels an unfinished setup without asking, and refuses a second app while one is on', async () => {
    const { as } = await staff();
    await t.request({ method: 'POST', url: `${SETUP}/totp`, as, ...form({}) });
    const cancelled = await t.request({ method: 'POST', url: `${SETUP}/totp/delete`, as, ...form({}) });
    expect(cancelled.statusCode).toBe(303);
    expect(await t.runtime.db.selectFrom('two_factor_totp').select('user_id').where('user_id', '=', as.userId).execute()).toEqual([]);

    await enrolTotp(t, as);
    const again = await t.request({ method: 'POST', url: `${SETUP}/totp`, as, ...form({}) });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('already set up');
  });

  it('is for staff only', async () => {
    const anonymous = await t.request({ method: 'GET', url: SETUP, as: t.anonymous(), headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
    const api = await t.request({ method: 'POST', url: `${SETUP}/passkeys/options`, as: t.anonymous(), payload: {} });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
  });

  it('answers malformed passkey requests with a 400 and stores nothing', async () => {
    const { as } = await staff();
    const bad = [
      { name: 'Laptop' },
      { name: 'Laptop', response: 'not an object' },
      { name: 'Laptop', response: { id: 'a', rawId: 'a', type: 'public-key', response: { clientDataJSON: '<script>', attestationObject: 'a' } } },
      { name: { $ne: null }, response: { id: 'a', rawId: 'a', type: 'public-key', response: { clientDataJSON: 'a', attestationObject: 'a' } } },
    ];
    for (const payload of bad) {
      const response = await t.request({ method: 'POST', url: `${SETUP}/passkeys`, as, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toHaveProperty('error');
    }
    // Well-formed, but no registration was started, and nothing an authenticator signed.
    const forged = await t.request({
      method: 'POST', url: `${SETUP}/passkeys`, as,
      payload: { name: 'Laptop', response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' }, clientExtensionResults: {} } },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ error: 'PASSKEY_FAILED' });
    // Started, then answered with garbage: still refused, and the challenge is spent.
    const options = await t.request({ method: 'POST', url: `${SETUP}/passkeys/options`, as, payload: {} });
    expect(options.statusCode).toBe(200);
    expect(options.json()).toMatchObject({ rp: { id: 'localhost' }, user: { name: `setup${counter}@staff.test` } });
    const garbage = await t.request({
      method: 'POST', url: `${SETUP}/passkeys`, as,
      payload: { name: 'Laptop', response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' }, clientExtensionResults: {} } },
    });
    expect(garbage.statusCode).toBe(400);
    expect(await t.runtime.db.selectFrom('two_factor_passkeys').select('id').execute()).toEqual([]);
    expect(await t.runtime.db.selectFrom('two_factor_pending').select('id').where('user_id', '=', as.userId).execute()).toEqual([]);
  });
});

function readWal(t: TestApp): string {
  try {
    return readFileSync(join(t.config.dataDir, 'tribune.db-wal')).toString('latin1');
  } catch {
    return '';
  }
}
