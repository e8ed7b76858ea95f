import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailboxDir, readMailbox, type StoredMail } from '../mail/index.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { eventually } from '../testing/wait.js';
import { INVITE_DAYS } from './invites.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const NEW_PASSWORD = 'a brand new long password';

describe('staff invitations', () => {
  let t: TestApp;
  let admin: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin', 'boss@example.org');
  });
  afterEach(() => t.close());

  const post = (url: string, body: Record<string, string>, as: TestIdentity = admin) =>
    t.request({ method: 'POST', url, as, headers: form, payload: new URLSearchParams(body).toString() });
  const mails = () => readMailbox(mailboxDir(t.config)!);
  const waitForMail = (count: number): Promise<StoredMail> => eventually(() => mails()[count - 1], `mail number ${count}`);
  const inviteLink = (mail: StoredMail) => /http:\/\/localhost:3000(\/invite\/[A-Za-z0-9_-]+)/.exec(mail.text)![1];
  const invite = async (email: string, role = 'editor', displayName = '') => {
    const response = await post('/admin/users/invites', { email, role, displayName });
    expect(response.statusCode, response.body).toBe(303);
    // The invitation is mailed before the answer, so the newest mail is this one.
    return inviteLink(mails().at(-1)!);
  };
  const accept = (path: string, body: Record<string, string>, as = t.anonymous()) => post(path, body, as);

  it('mails a one-time link; the new editor sets a password, lands signed in, and the link is spent', async () => {
    const sent = await post('/admin/users/invites', { email: 'Nia@Example.org', role: 'editor', displayName: 'Nia Nkosi' });
    expect(sent.headers.location).toBe('/admin/users?done=invited');
    const mail = await waitForMail(1);
    expect(mail).toMatchObject({ to: 'nia@example.org', subject: expect.stringContaining('invited') });
    expect(mail.text).toContain('as an editor');
    const path = inviteLink(mail);
    const stored = await t.runtime.db.selectFrom('staff_invites').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(path.split('/').pop()!);
    expect(stored.expires_at).toBe(new Date(t.clock.now().getTime() + INVITE_DAYS * 86_400_000).toISOString());

    const listed = await t.request({ url: '/admin/users', as: admin, headers: { accept: 'text/html' } });
    expect(listed.body).toContain('Waiting for an answer');
    expect(listed.body).toContain('nia@example.org');

    const opened = await t.request({ url: path, headers: { accept: 'text/html' } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('nia@example.org');
    expect(opened.body).toContain('value="Nia Nkosi"');

    // A refused password does not spend the link.
    const weak = await accept(path, { displayName: 'Nia Nkosi', password: 'short', passwordConfirm: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('at least 10 characters');
    const differ = await accept(path, { displayName: 'Nia Nkosi', password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}!` });
    expect(differ.statusCode).toBe(400);
    expect(differ.body).toContain('not the same');

    const accepted = await accept(path, { displayName: 'Nia Nkosi', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/admin');
    const cookie = accepted.cookies.find((c) => c.name === 'tribune_session')!;
    expect((await t.request({ url: '/admin/articles', headers: { cookie: `tribune_session=${cookie.value}`, accept: 'text/html' } })).statusCode).toBe(200);
    const user = await t.runtime.db.selectFrom('users').selectAll().where('email', '=', 'nia@example.org').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'editor', display_name: 'Nia Nkosi' });

    const again = await accept(path, { displayName: 'Mallory', password: 'mallory-takes-over', passwordConfirm: 'mallory-takes-over' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already used');
    expect((await t.request({ url: path, headers: { accept: 'text/html' } })).statusCode).toBe(400);
    const login = await t.request({ method: 'POST', url: '/login', as: t.anonymous(), payload: { email: 'nia@example.org', password: NEW_PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect((await t.request({ url: '/admin/users', as: admin, headers: { accept: 'text/html' } })).body).not.toContain('Waiting for an answer');
  });

  it('lets exactly one of two simultaneous acceptances win', async () => {
    const path = await invite('race@example.org');
    const body = { displayName: 'Racer', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
    const results = await Promise.all([1, 2].map(() => t.request({ method: 'POST', url: path, as: t.anonymous(), payload: body })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(await t.runtime.db.selectFrom('users').select('id').where('email', '=', 'race@example.org').execute()).toHaveLength(1);
  });

  it('expires after 7 days; a resend mails a new link and the old one stops working', async () => {
    const first = await invite('late@example.org', 'moderator');
    t.clock.advance(INVITE_DAYS * 86_400_000 + 1000);
    const expired = await t.request({ url: first, headers: { accept: 'text/html' } });
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('expired');
    expect((await t.request({ url: '/admin/users', as: admin, headers: { accept: 'text/html' } })).body).toMatch(/late@example\.org[\s\S]*expired/);

    const { id } = await t.runtime.db.selectFrom('staff_invites').select('id').executeTakeFirstOrThrow();
    expect((await post(`/admin/users/invites/${id}/resend`, {})).headers.location).toBe('/admin/users?done=resent');
    const second = inviteLink(await waitForMail(2));
    expect(second).not.toBe(first);
    expect((await t.request({ url: first, headers: { accept: 'text/html' } })).statusCode).toBe(400);
    expect((await accept(second, { displayName: 'Late Lee', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).statusCode).toBe(303);
    expect((await t.runtime.db.selectFrom('users').select('role').where('email', '=', 'late@example.org').executeTakeFirstOrThrow()).role).toBe('moderator');
  });

  it('withdraws an invitation, and a new invitation to the same address replaces the old', async () => {
    const first = await invite('twice@example.org');
    const second = await post('/admin/users/invites', { email: 'twice@example.org', role: 'admin' });
    expect(second.statusCode).toBe(303);
    const replaced = inviteLink(await waitForMail(2));
    expect((await t.request({ url: first })).statusCode).toBe(400);
    const pending = await t.runtime.db.selectFrom('staff_invites').select(['id', 'role']).where('revoked_at', 'is', null).execute();
    expect(pending).toEqual([{ id: expect.any(String), role: 'admin' }]);

    expect((await post(`/admin/users/invites/${pending[0].id}/revoke`, {})).headers.location).toBe('/admin/users?done=revoked');
    expect((await accept(replaced, { displayName: 'Twice', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).statusCode).toBe(400);
    expect(await t.runtime.db.selectFrom('users').select('id').where('email', '=', 'twice@example.org').execute()).toEqual([]);
    expect((await post(`/admin/users/invites/${pending[0].id}/resend`, {})).statusCode).toBe(404);
  });

  it('refuses to invite current staff, bad input and non-admins', async () => {
    const taken = await post('/admin/users/invites', { email: 'boss@example.org', role: 'editor' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('already belongs to a member of staff');
    expect((await post('/admin/users/invites', { email: 'not-an-address', role: 'editor' })).statusCode).toBe(400);
    const badRole = await post('/admin/users/invites', { email: 'x@example.org', role: 'reader' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.body).toContain('value="x@example.org"');
    const editor = await t.signIn('editor');
    expect((await post('/admin/users/invites', { email: 'y@example.org', role: 'admin' }, editor)).statusCode).toBe(403);
    expect(mails()).toEqual([]);
    expect(await t.runtime.db.selectFrom('staff_invites').select('id').execute()).toEqual([]);
  });

  it('makes an invited reader staff in place, keeping the account and ending its reader sessions', async () => {
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000001', email: 'rhea@example.org', display_name: 'Rhea', role: 'reader', created_at: time, updated_at: time }).execute();
    const readerSession = await t.identityFor('reader00000000000001');
    const path = await invite('rhea@example.org', 'moderator');
    expect((await t.request({ url: path, headers: { accept: 'text/html' } })).body).toContain('value="Rhea"');
    expect((await accept(path, { displayName: 'Rhea Moderates', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, readerSession)).statusCode).toBe(303);
    const user = await t.runtime.db.selectFrom('users').selectAll().where('email', '=', 'rhea@example.org').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ id: 'reader00000000000001', role: 'moderator', display_name: 'Rhea Moderates' });
    expect((await t.request({ url: '/api/account', as: readerSession })).statusCode).toBe(401);
  });
});
