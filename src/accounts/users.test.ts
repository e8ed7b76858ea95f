import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolTotp, passwordStep, setCookie } from './two-factor/test-helpers.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe('/admin/users', () => {
  let t: TestApp;
  let admin: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin', 'boss@example.org');
  });
  afterEach(() => t.close());

  const post = (url: string, body: Record<string, string>, as = admin) =>
    t.request({ method: 'POST', url, as, headers: form, payload: new URLSearchParams(body).toString() });
  const user = (email: string) => t.runtime.db.selectFrom('users').select(['id', 'role', 'password_hash']).where('email', '=', email).executeTakeFirst();

  it('lists staff, adds a member with a role and password, who can then sign in', async () => {
    const added = await post('/admin/users', { email: 'New.Editor@example.org', displayName: 'Nia Editor', role: 'editor', password: 'a long enough password' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/admin/users?done=added');
    const list = await t.request({ url: '/admin/users?done=added', as: admin, headers: { accept: 'text/html' } });
    expect(list.body).toContain('Nia Editor');
    expect(list.body).toContain('Staff member added.');
    const login = await t.request({ method: 'POST', url: '/login', as: t.anonymous(), payload: { email: 'new.editor@example.org', password: 'a long enough password' } });
    expect(login.statusCode).toBe(200);
  });

  it('re-shows the add form with the problem and what was typed', async () => {
    const weak = await post('/admin/users', { email: 'x@example.org', displayName: 'Xavier', role: 'editor', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/id="password-error" role="alert">The password needs at least 10 characters/);
    expect(weak.body).toContain('value="x@example.org"');
    const taken = await post('/admin/users', { email: 'boss@example.org', role: 'editor', password: 'a long enough password' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('id="email-error"');
    const badRole = await post('/admin/users', { email: 'y@example.org', role: 'reader', password: 'a long enough password' });
    expect(badRole.statusCode).toBe(400);
    expect(await user('x@example.org')).toBeUndefined();
    expect(await user('y@example.org')).toBeUndefined();
  });

  it('changes roles and removes staff, but never the last admin', async () => {
    const editor = await t.signIn('editor', 'ed@example.org');
    expect((await post(`/admin/users/${editor.userId}/role`, { role: 'moderator' })).statusCode).toBe(303);
    expect((await user('ed@example.org'))?.role).toBe('moderator');

    const demote = await post(`/admin/users/${admin.userId}/role`, { role: 'editor' });
    expect(demote.statusCode).toBe(409);
    expect(demote.body).toContain('The last admin cannot be removed or demoted.');
    const remove = await post(`/admin/users/${admin.userId}/remove`, {});
    expect(remove.statusCode).toBe(409);
    expect((await user('boss@example.org'))?.role).toBe('admin');

    expect((await post(`/admin/users/${editor.userId}/remove`, {})).statusCode).toBe(303);
    const removed = await user('ed@example.org');
    expect(removed).toMatchObject({ role: 'reader', password_hash: null });
    // Their session ended with it.
    expect((await t.request({ url: '/admin', as: editor, headers: { accept: 'text/html' } })).statusCode).toBe(303);

    const second = await t.signIn('admin');
    expect((await post(`/admin/users/${admin.userId}/role`, { role: 'editor' })).statusCode).toBe(303);
    expect((await post(`/admin/users/${second.userId}/remove`, {}, second)).statusCode).toBe(409);
  });

  it('is for admins only', async () => {
    const editor = await t.signIn('editor');
    expect((await post(`/admin/users/${admin.userId}/role`, { role: 'editor' }, editor)).statusCode).toBe(403);
    expect((await user('boss@example.org'))?.role).toBe('admin');
  });

  it("resets a staff member's two-factor sign-in: their factors and sessions end, and their password alone signs in", async () => {
    const editor = await t.signIn('editor', 'lost.phone@example.org');
    await enrolTotp(t, editor);
    expect((await passwordStep(t, 'lost.phone@example.org')).response.headers.location).toBe('/login/two-factor');

    expect((await post(`/admin/users/${admin.userId}/reset-two-factor`, {})).statusCode).toBe(403);
    expect((await post(`/admin/users/${editor.userId}/reset-two-factor`, {}, await t.signIn('editor'))).statusCode).toBe(403);
    const reset = await post(`/admin/users/${editor.userId}/reset-two-factor`, {});
    expect(reset.headers.location).toBe('/admin/users?done=two-factor-reset');

    expect((await t.request({ url: '/admin', as: editor, headers: { accept: 'text/html' } })).statusCode).toBe(303);
    const { response } = await passwordStep(t, 'lost.phone@example.org');
    expect(response.headers.location).toBe('/admin');
    expect(setCookie(response, 'tribune_session')).toMatch(/^tribune_session=.+/);
  });
});
