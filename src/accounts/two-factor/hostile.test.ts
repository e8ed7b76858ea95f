import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestIdentity } from '../../testing/test-app.js';
import { startTestApp } from '../../testing/test-app.js';
import { appCode, enrolTotp, nextAddress, passwordStep, SETUP, STEP } from './test-helpers.js';

/**
 * The two-factor routes that hostile-json.e2e.ts leaves to this file (their valid bodies need a
 * pending sign-in, a fresh secret or an authenticator): every malformed body is a 4xx with
 * `{error, message}`, nothing is stored, and the pending sign-in survives it.
 */
const OVERSIZED = 1_100_000;
const response = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' } };

function cases(valid: Record<string, unknown>): { name: string; body: string }[] {
  const list = [
    { name: 'malformed JSON', body: '{"code": "12' },
    { name: 'oversized body', body: JSON.stringify({ ...valid, padding: 'x'.repeat(OVERSIZED) }) },
    { name: 'a list', body: JSON.stringify([valid]) },
    { name: 'a string', body: '"text"' },
    { name: 'null', body: 'null' },
  ];
  for (const key of Object.keys(valid)) {
    const { [key]: _left, ...rest } = valid;
    list.push({ name: `without ${key}`, body: JSON.stringify(rest) });
    // Numbers and booleans are left out: the app's schema reads them as text, as a form would send them.
    for (const wrong of [{ $ne: null }, ['a', 'b']]) list.push({ name: `${key} as ${JSON.stringify(wrong)}`, body: JSON.stringify({ ...valid, [key]: wrong }) });
  }
  return list;
}

describe('hostile bodies on the two-factor routes', () => {
  let t: TestApp;
  let staff: TestIdentity;
  let secret: string;
  const email = 'hostile.two@staff.test';

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.signIn('editor', email);
    ({ secret } = await enrolTotp(t, staff));
    t.clock.advance(30_000);
  });
  afterAll(() => t?.close());

  async function counts(): Promise<string> {
    const tables = ['sessions', 'two_factor_totp', 'two_factor_recovery_codes', 'two_factor_passkeys', 'two_factor_pending'] as const;
    const out: string[] = [];
    for (const table of tables) out.push(`${table}=${Number((await t.runtime.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)}`);
    const totp = await t.runtime.db.selectFrom('two_factor_totp').select(['last_used_step', 'failed_attempts']).execute();
    const pending = await t.runtime.db.selectFrom('two_factor_pending').select('attempts').execute();
    return `${out.join(' ')} totp=${JSON.stringify(totp)} pending=${JSON.stringify(pending)}`;
  }

  async function probe(url: string, as: TestIdentity, valid: Record<string, unknown>): Promise<string[]> {
    const failures: string[] = [];
    for (const hostile of cases(valid)) {
      const before = await counts();
      const answer = await t.request({ method: 'POST', url, as, remoteAddress: nextAddress(), headers: { 'content-type': 'application/json', accept: 'application/json' }, payload: hostile.body });
      const after = await counts();
      let shaped = false;
      try {
        const body = answer.json() as { error?: unknown; message?: unknown };
        shaped = typeof body.error === 'string' && typeof body.message === 'string';
      } catch {
        shaped = false;
      }
      if (answer.statusCode < 400 || answer.statusCode >= 500 || !shaped || before !== after) {
        failures.push(`${url} [${hostile.name}] → ${answer.statusCode} ${answer.body.slice(0, 200)}${before !== after ? ` stored: ${before} → ${after}` : ''}`);
      }
    }
    return failures;
  }

  it('the second step of signing in', async () => {
    const { browser } = await passwordStep(t, email);
    const failures = [
      ...(await probe(STEP, browser, { code: '123456' })),
      ...(await probe(`${STEP}/recovery`, browser, { code: 'abcd-efgh-jkmn' })),
      ...(await probe(`${STEP}/passkey/options`, browser, {})),
      ...(await probe(`${STEP}/passkey`, browser, { response })),
    ];
    expect(failures).toEqual([]);
    // The pending sign-in took no wrong attempt from any of that: the right code still finishes it.
    const done = await t.request({ method: 'POST', url: STEP, as: browser, remoteAddress: nextAddress(), payload: { code: appCode(secret, t.clock.now()) } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ ok: true, next: '/admin' });
  });

  it('the setup page', async () => {
    const failures = [
      ...(await probe(`${SETUP}/totp/confirm`, staff, { code: '123456' })),
      ...(await probe(`${SETUP}/passkeys`, staff, { name: 'Laptop', response })),
      ...(await probe(`${SETUP}/passkeys/AAAA/delete`, staff, { proof: 'correct horse battery staple' })),
    ];
    expect(failures).toEqual([]);
  });
});
