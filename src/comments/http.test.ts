import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createReader, createTestArticle, guestBrowser, post, postId, relax } from './test-fixtures.js';

describe('comment forms without JavaScript', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  const form = (payload: Record<string, string>) => new URLSearchParams(payload).toString();
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

  it('posts, replies, reacts, reports, edits and deletes with plain forms that redirect back to the comment', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Formal');
    const posted = await t.request({ method: 'POST', url: '/comments', as: reader, headers: formHeaders, payload: form({ _csrf: reader.csrf, article: article.id, text: 'By form' }) });
    expect(posted.statusCode).toBe(303);
    const id = /#c-([0-9a-z]+)$/.exec(posted.headers.location!)![1];
    expect(posted.headers.location).toBe(`/articles/${article.slug}?thread=${id}&comment=${id}#c-${id}`);

    const replyForm = await t.request({ url: `/articles/${article.slug}?reply=${id}`, as: reader, headers: { accept: 'text/html' } });
    expect(replyForm.body).toContain(`name="parentId" value="${id}"`);
    const reply = await t.request({ method: 'POST', url: '/comments', as: reader, headers: formHeaders, payload: form({ _csrf: reader.csrf, article: article.id, parentId: id, text: 'Replying by form' }) });
    expect(reply.headers.location).toContain(`?thread=${id}&comment=`);

    const fan = await createReader(t);
    const react = await t.request({ method: 'POST', url: `/comments/${id}/react`, as: fan, headers: formHeaders, payload: form({ _csrf: fan.csrf }) });
    expect(react.statusCode).toBe(303);
    const flag = await t.request({ method: 'POST', url: `/comments/${id}/flag`, as: fan, headers: formHeaders, payload: form({ _csrf: fan.csrf, reason: 'off-topic' }) });
    expect(flag.statusCode).toBe(303);
    const edit = await t.request({ method: 'POST', url: `/comments/${id}/edit`, as: reader, headers: formHeaders, payload: form({ _csrf: reader.csrf, text: 'By form, edited' }) });
    expect(edit.statusCode).toBe(303);
    const del = await t.request({ method: 'POST', url: `/comments/${id}/delete`, as: reader, headers: formHeaders, payload: form({ _csrf: reader.csrf }) });
    expect(del.statusCode).toBe(303);
    const row = await t.runtime.db.selectFrom('comments').select(['status', 'reaction_count', 'flag_count']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'deleted', reaction_count: 1, flag_count: 1 });
  });

  it('shows errors as a page, the nudge as a form to edit or post anyway, and a guest their held notice', async () => {
    const article = await createTestArticle(t);
    const guest = guestBrowser(t);
    const empty = await t.request({ method: 'POST', url: '/comments', as: guest, headers: formHeaders, payload: form({ _csrf: guest.csrf, article: article.id, name: 'Gus', text: '  ' }) });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('text/html');
    expect(empty.body).toContain('the comment is empty');

    await t.runtime.settings.update('moderation', { suspectWords: ['zorblax'], nudge: true });
    const nudged = await t.request({ method: 'POST', url: '/comments', as: guest, headers: formHeaders, payload: form({ _csrf: guest.csrf, article: article.id, name: 'Gus', text: 'A zorblax <b>x</b>' }) });
    expect(nudged.statusCode).toBe(422);
    expect(nudged.body).toContain('This may break our rules');
    expect(nudged.body).toContain('A zorblax &lt;b&gt;x&lt;/b&gt;</textarea>');
    expect(nudged.body).toContain('name="postAnyway" value="1"');
    const anyway = await t.request({ method: 'POST', url: '/comments', as: guest, headers: formHeaders, payload: form({ _csrf: guest.csrf, article: article.id, name: 'Gus', text: 'A zorblax', postAnyway: '1' }) });
    expect(anyway.headers.location).toBe(`/articles/${article.slug}?posted=pending#comments`);
    const page = await t.request({ url: anyway.headers.location!.split('#')[0], as: guest, headers: { accept: 'text/html' } });
    expect(page.body).toContain('awaiting review');
  });

  it('rate-limits posting per IP and per reader with 429 and Retry-After', async () => {
    await t.runtime.settings.update('comments', { postsPerMinutePerIp: 3, postsPerMinutePerReader: 2 });
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(t, reader, article.slug, { text: `Reader post ${i}` })).statusCode);
    expect(statuses).toEqual([201, 201, 429]);
    const guest = guestBrowser(t);
    const limited = await post(t, guest, article.slug, { text: 'Guest post' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error).toBe('RATE_LIMITED');
    const stored = await t.runtime.db.selectFrom('comments').select('id').execute();
    expect(stored).toHaveLength(2);
  });
});

describe('embedding', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  it('answers CORS with credentials only for listed origins, on /api and /widget.js', async () => {
    await t.runtime.settings.update('comments', { embedOrigins: ['https://partner.example'] });
    const article = await createTestArticle(t);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/articles/${article.slug}/comments`,
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');

    const stranger = await t.app.inject({ url: `/api/articles/${article.slug}/comments`, headers: { origin: 'https://evil.example' } });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    const strangerPreflight = await t.app.inject({ method: 'OPTIONS', url: `/api/articles/${article.slug}/comments`, headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(strangerPreflight.headers['access-control-allow-origin']).toBeUndefined();
    const page = await t.app.inject({ url: `/articles/${article.slug}`, headers: { origin: 'https://partner.example' } });
    expect(page.headers['access-control-allow-origin']).toBeUndefined();

    // A listed origin may post without a CSRF token (the browser vouches for the Origin), as a guest.
    const embedded = await t.app.inject({
      method: 'POST',
      url: `/api/articles/${article.slug}/comments`,
      headers: { origin: 'https://partner.example' },
      payload: { text: 'From the partner site', name: 'Partner Reader' },
    });
    expect(embedded.statusCode).toBe(201);
    expect(embedded.headers['access-control-allow-origin']).toBe('https://partner.example');
    const forged = await t.app.inject({ method: 'POST', url: `/api/articles/${article.slug}/comments`, headers: { origin: 'https://evil.example' }, payload: { text: 'x', name: 'Evil' } });
    expect(forged.statusCode).toBe(403);

    const widget = await t.app.inject({ url: '/widget.js', headers: { origin: 'https://partner.example' } });
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['content-type']).toContain('javascript');
    expect(widget.body.length).toBeGreaterThan(1000);
  });

  it('counts published comments per article for lists and headers', async () => {
    const one = await createTestArticle(t);
    const two = await createTestArticle(t);
    const reader = await createReader(t);
    await postId(t, reader, one.slug, 'A');
    const b = await postId(t, reader, one.slug, 'B');
    await t.request({ method: 'DELETE', url: `/api/comments/${b}`, as: reader });
    const { commentSlots } = await import('./plugin.js');
    const counts = await commentSlots(t.runtime).commentCounts([one.id, two.id]);
    expect(counts).toEqual(new Map([[one.id, 1], [two.id, 0]]));
  });
});
