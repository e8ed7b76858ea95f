import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../accounts/index.js';
import { mailboxDir, readMailbox } from '../mail/index.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** Every route that sends the browser to a target it was given goes through safeRedirect. */
describe('redirect targets from requests', () => {
  let t: TestApp;
  const email = 'redirect.admin@staff.test';
  const password = 'correct horse battery staple';
  let address = 0;
  // A fresh client address per sign-in, so the login rate limit never hides what is tested.
  const remoteAddress = () => `127.0.9.${++address}`;

  beforeAll(async () => {
    t = await startTestApp();
    await createStaffUser(t.runtime, { email, role: 'admin', displayName: 'Redirect Admin', password });
  });
  afterAll(() => t.close());

  async function signIn(next: string) {
    const body = new URLSearchParams({ email, password, next }).toString();
    return t.request({
      method: 'POST', url: '/login', as: t.anonymous(), remoteAddress: remoteAddress(), payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  it('sends a signed-in admin to /admin, not to //evil.example, for /\\t/evil.example (issue #19)', async () => {
    const page = await t.request({ method: 'GET', url: '/login?next=%2F%09%2Fevil.example', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="next" value="/admin"');
    expect(page.body).not.toContain('evil.example');

    const signedIn = await signIn('/\t/evil.example');
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/admin');
  });

  it('refuses a NUL in next at the edge (400), before any redirect is written', async () => {
    const signedIn = await signIn('/\u0000/x');
    expect(signedIn.statusCode).toBe(400);
  });

  for (const next of ['/\n/x', '/\r/x', '/\u2028/x', '/caf\u00e9']) {
    it(`answers a redirect, not a 500, for next=${JSON.stringify(next)}`, async () => {
      const signedIn = await signIn(next);
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers.location).toBe('/admin');
    });
  }

  it('keeps a good next with its query and hash', async () => {
    const signedIn = await signIn('/admin/articles?status=draft&page=2#list');
    expect(signedIn.headers.location).toBe('/admin/articles?status=draft&page=2#list');
  });

  it('stores no hostile returnTo with a magic link, and the link lands on /account', async () => {
    const asked = await t.request({
      method: 'POST', url: '/api/auth/magic-link', as: t.anonymous(), remoteAddress: remoteAddress(),
      payload: { email: 'redirected.reader@readers.test', returnTo: '/%2F/evil.example' },
    });
    expect(asked.statusCode).toBe(202);
    const stored = await t.runtime.db.selectFrom('magic_links').select('return_to').executeTakeFirstOrThrow();
    expect(stored.return_to).toBeNull();
    const [mail] = readMailbox(mailboxDir(t.config)!);
    const path = /http:\/\/localhost:3000(\/auth\/magic\/[A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const landed = await t.request({ method: 'GET', url: path, remoteAddress: remoteAddress() });
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe('/account');
  });

  it('sends a moderator back to the queue, not elsewhere, for a hostile returnTo', async () => {
    const moderator = await t.signIn('moderator');
    for (const returnTo of ['/admin/moderation\\..\\..\\evil', '/admin/moderation\r\nSet-Cookie: a=1', '//evil.example/admin/moderation']) {
      const body = new URLSearchParams({ _csrf: moderator.csrf, returnTo, ids: 'nosuchcomment1' }).toString();
      const answer = await t.request({
        method: 'POST', url: '/admin/moderation/bulk', as: moderator, payload: `${body}&action=approve`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(answer.statusCode).toBe(303);
      expect(answer.headers.location).toMatch(/^\/admin\/moderation\?/);
    }
  });
});
