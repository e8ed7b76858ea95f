import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailboxDir, readMailbox } from '../mail/index.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { eventually } from '../testing/wait.js';

const PASSWORD = 'correct horse battery staple';

describe('signing in again', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const sessionOf = (identity: TestIdentity) => /tribune_session=([^;]+)/.exec(identity.cookie)![1];
  const whoAmI = (cookie: string) => t.request({ url: '/api/account', headers: { cookie: `tribune_session=${cookie}` } });
  const sessionCount = async () => (await t.runtime.db.selectFrom('sessions').select('id').execute()).length;

  it('ends the session the browser presented and issues a new token', async () => {
    const editor = await t.signIn('editor', 'ed@example.org');
    const earlier = sessionOf(editor);
    expect((await whoAmI(earlier)).statusCode).toBe(200);

    const again = await t.request({ method: 'POST', url: '/login', as: editor, payload: { email: 'ed@example.org', password: PASSWORD } });
    expect(again.statusCode).toBe(200);
    const fresh = again.cookies.find((c) => c.name === 'tribune_session')!.value;
    expect(fresh).not.toBe(earlier);
    expect((await whoAmI(earlier)).statusCode).toBe(401);
    expect((await whoAmI(fresh)).json().email).toBe('ed@example.org');
    expect(await sessionCount()).toBe(1);
  });

  it("ends someone else's session left in the browser, such as a reader's", async () => {
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000001', email: 'r@example.org', display_name: 'Rita Reader', role: 'reader', created_at: time, updated_at: time }).execute();
    const reader = await t.identityFor('reader00000000000001');
    await t.signIn('admin', 'boss@example.org');
    const staffLogin = await t.request({ method: 'POST', url: '/login', as: reader, payload: { email: 'boss@example.org', password: PASSWORD } });
    expect(staffLogin.statusCode).toBe(200);
    expect((await whoAmI(sessionOf(reader))).statusCode).toBe(401);
  });

  it('keeps the earlier session when the password is wrong', async () => {
    const editor = await t.signIn('editor', 'ed@example.org');
    const wrong = await t.request({ method: 'POST', url: '/login', as: editor, payload: { email: 'ed@example.org', password: 'not it' } });
    expect(wrong.statusCode).toBe(401);
    expect((await whoAmI(sessionOf(editor))).statusCode).toBe(200);
  });

  it('does the same for a reader signing in by emailed link', async () => {
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000002', email: 'old@example.org', display_name: 'Old Reader', role: 'reader', created_at: time, updated_at: time }).execute();
    const previous = await t.identityFor('reader00000000000002');
    await t.request({ method: 'POST', url: '/api/auth/magic-link', as: t.anonymous(), payload: { email: 'new@example.org' } });
    const mail = await eventually(() => readMailbox(mailboxDir(t.config)!)[0], 'the sign-in mail');
    const path = /http:\/\/localhost:3000(\/auth\/magic\/[A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const signedIn = await t.request({ url: path, as: previous });
    expect(signedIn.statusCode).toBe(303);
    expect((await whoAmI(sessionOf(previous))).statusCode).toBe(401);
    const fresh = signedIn.cookies.find((c) => c.name === 'tribune_session')!.value;
    expect((await whoAmI(fresh)).json().email).toBe('new@example.org');
  });
});
