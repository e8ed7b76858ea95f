import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { commentStatus, createReader, createTestArticle, formPost, guestBrowser, page, post, postHeld, setUpModeration } from './helpers.js';

describe('who may moderate', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  it('lets moderators and admins in, refuses editors (403) and sends the signed-out to log in (401 for the API)', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const id = await postHeld(t, reader, article.slug);
    const editor = await t.signIn('editor');
    for (const role of ['moderator', 'admin'] as const) {
      const as = await t.signIn(role);
      expect((await page(t, as, '/admin/moderation')).statusCode).toBe(200);
      expect((await page(t, as, `/admin/moderation/readers/${reader.userId}`)).statusCode).toBe(200);
      expect((await page(t, as, `/admin/moderation/comments/${id}`)).statusCode).toBe(200);
      expect((await t.request({ url: '/api/admin/moderation/queue', as })).statusCode).toBe(200);
    }
    const urls = ['/admin/moderation', `/admin/moderation/readers/${reader.userId}`, `/admin/moderation/comments/${id}`];
    // An editor may open one comment for the editorial choices (feature, close comments), and nothing else of the queue.
    const editorView = await page(t, editor, `/admin/moderation/comments/${id}`);
    expect(editorView.statusCode).toBe(200);
    expect(editorView.body).toContain('Close comments on the article');
    expect(editorView.body).not.toContain('/approve');
    expect(editorView.body).not.toContain('Reader…');
    for (const url of urls) {
      if (url !== `/admin/moderation/comments/${id}`) expect((await page(t, editor, url)).statusCode).toBe(403);
      const signedOut = await page(t, undefined, url);
      expect(signedOut.statusCode).toBe(303);
      expect(signedOut.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
      expect((await page(t, reader, url)).statusCode).toBe(303);
    }
    for (const url of ['/api/admin/moderation/queue', '/api/admin/moderation/counts', `/api/admin/moderation/comments/${id}`, `/api/admin/moderation/readers/${reader.userId}`]) {
      expect((await t.request({ url, as: editor })).statusCode).toBe(403);
      expect((await t.request({ url })).statusCode).toBe(401);
      expect((await t.request({ url, as: reader })).statusCode).toBe(401);
    }
    const editorApprove = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/approve`, as: editor, payload: {} });
    expect(editorApprove.statusCode).toBe(403);
    expect(editorApprove.json().error).toBe('FORBIDDEN');
    expect((await formPost(t, editor, `/admin/moderation/comments/${id}/approve`, {})).statusCode).toBe(403);
    expect((await formPost(t, t.anonymous(), `/admin/moderation/comments/${id}/approve`, {})).statusCode).toBe(401);
    expect((await formPost(t, reader, `/admin/moderation/readers/${reader.userId}/unban`, {})).statusCode).toBe(401);
    expect(await commentStatus(t, id)).toBe('pending');
  });

  it('requires the CSRF token on every action', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const id = await postHeld(t, reader, article.slug);
    const moderator = await t.signIn('moderator');
    const attempts = [
      { url: `/api/admin/moderation/comments/${id}/approve`, payload: {} },
      { url: `/api/admin/moderation/readers/${reader.userId}/ban`, payload: { reason: 'x' } },
      { url: '/api/admin/moderation/bulk', payload: { action: 'approve', ids: [id] } },
    ];
    for (const attempt of attempts) {
      const missing = await t.app.inject({ method: 'POST', url: attempt.url, headers: { cookie: moderator.cookie }, payload: attempt.payload });
      expect(missing.statusCode).toBe(403);
      expect(missing.json().error).toBe('CSRF_INVALID');
      const forged = await t.app.inject({ method: 'POST', url: attempt.url, headers: { cookie: moderator.cookie, 'x-csrf-token': 'forged' }, payload: attempt.payload });
      expect(forged.json().error).toBe('CSRF_INVALID');
    }
    const form = await t.app.inject({
      method: 'POST', url: `/admin/moderation/comments/${id}/reject`,
      headers: { cookie: moderator.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'reason=spam',
    });
    expect(form.statusCode).toBe(403);
    expect(form.headers['content-type']).toContain('text/html');
    expect(await commentStatus(t, id)).toBe('pending');
    expect((await t.runtime.db.selectFrom('users').select('status').where('id', '=', reader.userId).executeTakeFirstOrThrow()).status).toBe('active');
    expect((await formPost(t, moderator, `/admin/moderation/comments/${id}/reject`, { reason: 'spam' })).statusCode).toBe(303);
    expect(await commentStatus(t, id)).toBe('rejected');
  });

  it('renders hostile comment text, names, guest emails and report notes inert in the queue', async () => {
    const article = await createTestArticle(t);
    await t.runtime.settings.update('moderation', { premoderateAll: true });
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)> holdme & "quotes" <b onclick=alert(3)>x</b> [link](javascript:alert(4))';
    const hostileReader = await createReader(t, 'Eve "><svg onload=alert(5)>');
    const readerComment = (await post(t, hostileReader, article.slug, { text: payload })).json().comment.id as string;
    const guest = await post(t, guestBrowser(t), article.slug, { text: 'holdme &amp; <iframe src=//evil>', name: 'Mallory <img src=x onerror=alert(6)>', email: 'a@b.co' });
    expect(guest.statusCode).toBe(201);
    await t.runtime.settings.update('moderation', { premoderateAll: false });
    const published = (await post(t, await createReader(t), article.slug, { text: 'Quite ordinary' })).json().comment.id as string;
    await t.request({ method: 'POST', url: `/api/comments/${published}/flags`, as: await createReader(t), payload: { reason: 'other', note: '</li><script>alert(7)</script><img src=x onerror=alert(8)>' } });
    await t.runtime.settings.update('moderation', { reportThreshold: 1 });

    const moderator = await t.signIn('moderator');
    for (const url of ['/admin/moderation?tab=pending', '/admin/moderation?tab=reported', '/admin/moderation?tab=all', `/admin/moderation/readers/${hostileReader.userId}`, `/admin/moderation/comments/${readerComment}`]) {
      const html = (await page(t, moderator, url)).body;
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/<(img|svg|b|iframe)[^>]*\son\w+=/i);
      expect(html).not.toMatch(/<iframe/i);
      expect(html).not.toMatch(/href="\s*javascript:/i);
      expect(html).not.toContain('"><svg');
    }
    const pending = (await page(t, moderator, '/admin/moderation?tab=pending')).body;
    expect(pending).toContain('Eve &quot;&gt;&lt;svg onload=alert(5)&gt;');
    expect(pending).toContain('Mallory &lt;img src=x onerror=alert(6)&gt;');
    // The matched word is highlighted inside the escaped text, and the ampersand stays one entity.
    expect(pending).toMatch(/<mark>holdme<\/mark> &amp; &quot;quotes&quot;|<mark>holdme<\/mark> &amp; "quotes"/);
    const reported = (await page(t, moderator, '/admin/moderation?tab=reported')).body;
    expect(reported).toContain('&lt;/li&gt;&lt;script&gt;alert(7)&lt;/script&gt;');
  });
});
