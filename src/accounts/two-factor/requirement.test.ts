import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader } from '../../comments/test-fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { appCode, enrolTotp, form, opensAdmin, PASSWORD, passwordStep, secondStep, SETUP } from './test-helpers.js';

describe('an admin requiring two-factor sign-in for staff', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('is a setting on the admin settings screen, off by default', async () => {
    const admin = await t.signIn('admin');
    const settings = await t.request({ method: 'GET', url: '/admin/settings', as: admin, headers: { accept: 'text/html' } });
    expect(settings.body).toContain('Require two-factor sign-in for all staff');
    expect(settings.body).not.toMatch(/name="requireTwoFactorForStaff" value="1" checked/);
    const editor = await t.signIn('editor');
    expect((await t.request({ method: 'GET', url: '/admin', as: editor, headers: { accept: 'text/html' } })).statusCode).toBe(200);
  });

  it('sends staff without a second factor to set one up first, on every admin route, and then lets them on', async () => {
    const admin = await t.signIn('admin', 'boss@staff.test');
    const { secret: adminSecret } = await enrolTotp(t, admin);
    const saved = await t.request({ method: 'POST', url: '/admin/settings/security', as: admin, ...form({ requireTwoFactorForStaff: '1' }) });
    expect(saved.statusCode).toBe(303);
    expect((await t.runtime.settings.get()).security.requireTwoFactorForStaff).toBe(true);
    // The admin who has it set up carries on.
    expect((await t.request({ method: 'GET', url: '/admin/settings', as: admin, headers: { accept: 'text/html' } })).body).toMatch(/name="requireTwoFactorForStaff" value="1" checked/);

    // A moderator signing in with only a password gets a session, but the admin sends them to set up.
    await t.signIn('moderator', 'mo@staff.test');
    const signIn = await passwordStep(t, 'mo@staff.test', '/admin/moderation');
    expect(signIn.response.headers.location).toBe('/admin/moderation');
    const session = signIn.response.headers['set-cookie'];
    const cookie = ([] as string[]).concat(session ?? []).map((line) => line.split(';')[0]).join('; ');
    const asModerator = { userId: '', cookie: `${signIn.browser.cookie}; ${cookie}`, csrf: signIn.browser.csrf };
    for (const url of ['/admin', '/admin/moderation', '/admin/account']) {
      const held = await t.request({ method: 'GET', url, as: asModerator, headers: { accept: 'text/html' } });
      expect(held.statusCode, url).toBe(303);
      expect(held.headers.location).toBe(`${SETUP}?next=${encodeURIComponent(url)}`);
    }
    const api = await t.request({ method: 'GET', url: '/api/admin/moderation/queue', as: asModerator });
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ error: 'TWO_FACTOR_SETUP_REQUIRED' });

    // The setup page itself stays open, says why, and keeps where they were going.
    const setup = await t.request({ method: 'GET', url: `${SETUP}?next=%2Fadmin%2Fmoderation`, as: asModerator, headers: { accept: 'text/html' } });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('This site requires two-factor sign-in for staff');
    await enrolTotp(t, asModerator);
    const after = await t.request({ method: 'GET', url: `${SETUP}?next=%2Fadmin%2Fmoderation&done=totp-on`, as: asModerator, headers: { accept: 'text/html' } });
    expect(after.body).toContain('href="/admin/moderation"');
    expect((await t.request({ method: 'GET', url: '/admin/moderation', as: asModerator, headers: { accept: 'text/html' } })).statusCode).toBe(200);

    // With the requirement on, the last second factor cannot be removed.
    t.clock.advance(30_000);
    const remove = await t.request({ method: 'POST', url: `${SETUP}/totp/delete`, as: admin, ...form({ proof: PASSWORD }) });
    expect(remove.statusCode).toBe(409);
    expect(remove.body).toContain('Add another method before removing this one');
    expect(await opensAdmin(t, await secondStep(t, (await passwordStep(t, 'boss@staff.test')).browser, appCode(adminSecret, t.clock.now())))).toBe(true);
  });

  it('leaves readers alone', async () => {
    await t.runtime.settings.update('security', { requireTwoFactorForStaff: true });
    const reader = await createReader(t, 'Rhea Reader');
    const account = await t.request({ method: 'GET', url: '/account', as: reader, headers: { accept: 'text/html' } });
    expect(account.statusCode).toBe(200);
    const comment = await t.request({ method: 'GET', url: '/', as: reader, headers: { accept: 'text/html' } });
    expect(comment.statusCode).toBe(200);
  });

  it('lets everyone back into the admin once the admin turns it off', async () => {
    await t.runtime.settings.update('security', { requireTwoFactorForStaff: false });
    const editor = await t.signIn('editor');
    expect((await t.request({ method: 'GET', url: '/admin', as: editor, headers: { accept: 'text/html' } })).statusCode).toBe(200);
  });
});
