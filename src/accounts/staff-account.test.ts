import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { describeUserAgent, LAST_SEEN_INTERVAL_MS } from './sessions.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new long password';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('the staff account page', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const post = (url: string, as: TestIdentity, body: Record<string, string> = {}) =>
    t.request({ method: 'POST', url, as, headers: form, payload: new URLSearchParams(body).toString() });
  /** Signs in through POST /login from a given browser; returns that browser's identity. */
  const signInFrom = async (email: string, userAgent: string): Promise<TestIdentity> => {
    const visitor = t.anonymous();
    const response = await t.request({ method: 'POST', url: '/login', as: visitor, headers: { 'user-agent': userAgent }, payload: { email, password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const token = response.cookies.find((c) => c.name === 'tribune_session')!.value;
    return { ...visitor, cookie: `${visitor.cookie}; tribune_session=${token}` };
  };
  const works = async (identity: TestIdentity) => (await t.request({ url: '/admin/account', as: identity, headers: { accept: 'text/html' } })).statusCode === 200;

  it('lists where you are signed in, this browser marked, with when and what browser', async () => {
    const { userId } = await t.signIn('editor', 'ed@example.org');
    const laptop = await signInFrom('ed@example.org', FIREFOX);
    t.clock.advance(LAST_SEEN_INTERVAL_MS + 60_000);
    const phone = await signInFrom('ed@example.org', SAFARI);
    const page = await t.request({ url: '/admin/account', as: laptop, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your account');
    expect(page.body).toMatch(/Firefox on Linux <strong class="small">\(this browser\)<\/strong>/);
    expect(page.body).toContain('Safari on iOS');
    expect(page.body.match(/action="\/admin\/account\/sessions\/[^/]+\/revoke"/g)).toHaveLength(2);

    // Using a session moves its "last seen", at most once per interval.
    const before = await t.runtime.db.selectFrom('sessions').select(['last_seen_at', 'user_agent']).where('user_id', '=', userId).where('user_agent', '=', FIREFOX).executeTakeFirstOrThrow();
    expect(before.last_seen_at).toBe(t.clock.now().toISOString());
    t.clock.advance(1000);
    await works(phone);
    const phoneRow = await t.runtime.db.selectFrom('sessions').select('last_seen_at').where('user_agent', '=', SAFARI).executeTakeFirstOrThrow();
    expect(phoneRow.last_seen_at).not.toBe(t.clock.now().toISOString());
  });

  it('revokes one session, after which its cookie no longer works', async () => {
    await t.signIn('moderator', 'mo@example.org');
    const laptop = await signInFrom('mo@example.org', FIREFOX);
    const phone = await signInFrom('mo@example.org', SAFARI);
    const page = await t.request({ url: '/admin/account', as: laptop, headers: { accept: 'text/html' } });
    const row = /<tr>\s*<td>Safari on iOS[\s\S]*?action="(\/admin\/account\/sessions\/[^"]+\/revoke)"/.exec(page.body)!;
    const revoked = await post(row[1], laptop);
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/admin/account?done=revoked');
    expect(await works(phone)).toBe(false);
    expect((await t.request({ url: '/api/account', as: phone })).statusCode).toBe(401);
    expect(await works(laptop)).toBe(true);
    expect((await post(row[1], laptop)).statusCode).toBe(404);
  });

  it('cannot revoke another user\'s session', async () => {
    await t.signIn('editor', 'a@example.org');
    await t.signIn('editor', 'b@example.org');
    const alice = await signInFrom('a@example.org', FIREFOX);
    const bob = await signInFrom('b@example.org', SAFARI);
    const bobsPage = await t.request({ url: '/admin/account', as: bob, headers: { accept: 'text/html' } });
    const handles = [...bobsPage.body.matchAll(/\/admin\/account\/sessions\/([^/]+)\/revoke/g)].map((m) => m[1]);
    for (const handle of handles) expect((await post(`/admin/account/sessions/${handle}/revoke`, alice)).statusCode).toBe(404);
    expect(await works(bob)).toBe(true);
  });

  it('changes the password with the current one, and signs out everywhere else', async () => {
    const first = await t.signIn('editor', 'ed@example.org');
    const laptop = await signInFrom('ed@example.org', FIREFOX);
    const wrong = await post('/admin/account/password', laptop, { currentPassword: 'not my password', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Your current password is wrong.');
    const differ = await post('/admin/account/password', laptop, { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: 'something else entirely' });
    expect(differ.statusCode).toBe(400);
    expect((await post('/admin/account/password', laptop, { currentPassword: PASSWORD, password: 'short', passwordConfirm: 'short' })).statusCode).toBe(400);
    expect(await works(first)).toBe(true);

    const changed = await post('/admin/account/password', laptop, { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/admin/account?done=password');
    expect(await works(laptop)).toBe(true);
    expect(await works(first)).toBe(false);
    const login = (password: string) => t.request({ method: 'POST', url: '/login', as: t.anonymous(), payload: { email: 'ed@example.org', password } });
    expect((await login(PASSWORD)).statusCode).toBe(401);
    expect((await login(NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('signs out everywhere else in one go', async () => {
    const first = await t.signIn('editor', 'ed@example.org');
    const laptop = await signInFrom('ed@example.org', FIREFOX);
    expect((await post('/admin/account/sessions/revoke-others', laptop)).headers.location).toBe('/admin/account?done=others');
    expect(await works(first)).toBe(false);
    expect(await works(laptop)).toBe(true);
  });

  it('is for staff: readers and visitors are sent away', async () => {
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000001', email: 'r@example.org', display_name: 'Rae', role: 'reader', created_at: time, updated_at: time }).execute();
    const reader = await t.identityFor('reader00000000000001');
    expect((await t.request({ url: '/admin/account', as: reader, headers: { accept: 'text/html' } })).statusCode).toBe(303);
    expect((await post('/admin/account/sessions/revoke-others', reader)).statusCode).toBe(401);
  });
});

describe('an admin signing a staff member out everywhere', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('ends all their sessions; the admin keeps their own when it is themselves', async () => {
    const admin = await t.signIn('admin', 'boss@example.org');
    const adminElsewhere = await t.identityFor(admin.userId);
    const editor = await t.signIn('editor', 'ed@example.org');
    const editorElsewhere = await t.identityFor(editor.userId);
    const post = (url: string) => t.request({ method: 'POST', url, as: admin, headers: form, payload: new URLSearchParams({}).toString() });
    const page = await t.request({ url: '/admin/users', as: admin, headers: { accept: 'text/html' } });
    expect(page.body).toContain(`action="/admin/users/${editor.userId}/sign-out"`);

    const done = await post(`/admin/users/${editor.userId}/sign-out`);
    expect(done.headers.location).toBe('/admin/users?done=signed-out');
    for (const session of [editor, editorElsewhere]) expect((await t.request({ url: '/api/account', as: session })).statusCode).toBe(401);

    await post(`/admin/users/${admin.userId}/sign-out`);
    expect((await t.request({ url: '/api/account', as: adminElsewhere })).statusCode).toBe(401);
    expect((await t.request({ url: '/api/account', as: admin })).statusCode).toBe(200);
    expect((await post('/admin/users/doesnotexist0000/sign-out')).statusCode).toBe(404);
    const editorAgain = await t.signIn('editor');
    expect((await t.request({ method: 'POST', url: `/admin/users/${admin.userId}/sign-out`, as: editorAgain, headers: form, payload: '' })).statusCode).toBe(403);
  });
});

describe('browser names', () => {
  it.each([
    [FIREFOX, 'Firefox on Linux'],
    [SAFARI, 'Safari on iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome on macOS'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36', 'Chrome (headless) on Linux'],
    ['curl/8.5.0', 'curl'],
    [null, 'Unknown browser'],
  ])('%s → %s', (userAgent, name) => {
    expect(describeUserAgent(userAgent)).toBe(name);
  });
});
