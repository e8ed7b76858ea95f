import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailboxDir, readMailbox } from '../mail/index.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const siteNav = (body: string) => /<ul class="site-nav">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';

describe('signing in as a reader', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('says on the page after the form which address the link went to, without putting it in the URL', async () => {
    const visitor = t.anonymous();
    const form = new URLSearchParams({ _csrf: visitor.csrf, email: '  Rae.Reader@Example.org ', returnTo: '/articles/x#comments' });
    const sent = await t.request({ method: 'POST', url: '/auth/magic-link', as: visitor, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: form.toString() });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/account?sent=1&returnTo=%2Farticles%2Fx%23comments');
    expect(sent.headers.location).not.toContain('example');
    expect(readMailbox(mailboxDir(t.config)!).map((mail) => mail.to)).toEqual(['rae.reader@example.org']);

    const cookie = sent.cookies.find((c) => c.name === 'tribune_link_sent')!;
    expect(cookie).toMatchObject({ httpOnly: true, path: '/account', maxAge: 900 });
    const page = await t.request({ url: sent.headers.location as string, headers: { cookie: `${visitor.cookie}; tribune_link_sent=${cookie.value}` } });
    expect(page.body).toContain('we sent a sign-in link to <strong>rae.reader@example.org</strong>');

    // A forged or missing cookie names no address, and the page still says a link was sent.
    const forged = await t.request({ url: '/account?sent=1', headers: { cookie: `${visitor.cookie}; tribune_link_sent=someone%40else.org` } });
    expect(forged.body).not.toContain('someone@else.org');
    expect(forged.body).toContain('we sent you a sign-in link');
  });

  it('shows readers a Sign in link in the site header, and their account once signed in', async () => {
    const home = await t.request({ url: '/' });
    expect(siteNav(home.body)).toContain('<a href="/account">Sign in</a>');

    const asked = await t.request({ method: 'POST', url: '/api/auth/magic-link', as: t.anonymous(), payload: { email: 'new.reader@example.org' } });
    expect(asked.statusCode).toBe(202);
    const path = /http:\/\/localhost:3000(\/auth\/magic\/[A-Za-z0-9_-]+)/.exec(readMailbox(mailboxDir(t.config)!)[0].text)![1];
    const session = (await t.request({ url: path })).cookies.find((c) => c.name === 'tribune_session')!;
    const signedIn = siteNav((await t.request({ url: '/', headers: { cookie: `tribune_session=${session.value}` } })).body);
    expect(signedIn).toContain('<a href="/account">Your account</a>');
    expect(signedIn).toContain('Sign out');
    expect(signedIn).not.toContain('Sign in');
  });
});
