import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

describe('staff sign-in', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('signs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    await t.signIn('editor', 'ed@example.org');
    const visitor = t.anonymous();
    const response = await t.request({
      method: 'POST',
      url: '/login',
      as: visitor,
      payload: { email: 'ED@example.org', password: 'correct horse battery staple', next: '/admin' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tribune_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('refuses a wrong password with one message for every failure', async () => {
    await t.signIn('editor', 'ed@example.org');
    const wrong = await t.request({ method: 'POST', url: '/login', as: t.anonymous(), payload: { email: 'ed@example.org', password: 'nope' } });
    const unknown = await t.request({ method: 'POST', url: '/login', as: t.anonymous(), payload: { email: 'who@example.org', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toBe('LOGIN_FAILED');
  });

  it('rejects a state-changing request without a CSRF token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/login', payload: { email: 'a@b.c', password: 'x' } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'CSRF_INVALID' });
  });

  it('throttles repeated login attempts with 429 and Retry-After', async () => {
    let last;
    for (let i = 0; i < 11; i++) {
      last = await t.request({ method: 'POST', url: '/login', as: t.anonymous(), payload: { email: 'x@example.org', password: 'nope' } });
    }
    expect(last!.statusCode).toBe(429);
    expect(last!.headers['retry-after']).toBeDefined();
    expect(last!.json().error).toBe('RATE_LIMITED');
  });

  it('answers malformed JSON with 400 {error, message}', async () => {
    const visitor = t.anonymous();
    const response = await t.request({
      method: 'POST',
      url: '/login',
      as: visitor,
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'INVALID_JSON' });
  });

  it('shows a 404 page to browsers and JSON to API clients', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/nowhere', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Page not found');
    const api = await t.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'NOT_FOUND' });
  });
});
