import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createReader, createTestArticle, page, postHeld, postId, setUpModeration } from './helpers.js';

describe('the queue screens', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  it('shows each held comment with its parent, article, reasons, scores, reader history and actions', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Regular Reader');
    const moderator = await t.signIn('moderator');
    const parent = await postId(t, await createReader(t, 'Parent Author'), article.slug, 'The original point about taxes.');
    await postId(t, reader, article.slug, 'An approved one.');
    const id = await postHeld(t, reader, article.slug, 'You HOLDME person');
    await t.runtime.db.updateTable('comments').set({ parent_id: parent }).where('id', '=', id).execute();

    const html = (await page(t, moderator, '/admin/moderation')).body;
    expect(html).toContain('<a href="/admin/moderation?tab=pending" aria-current="page">Pending <span class="mod-count" data-count="pending">1</span>');
    expect(html).toContain(`id="item-${id}"`);
    expect(html).toContain('In reply to Parent Author');
    expect(html).toContain('The original point about taxes.');
    expect(html).toContain(`<a href="/articles/${article.slug}">`);
    expect(html).toContain('You <mark>HOLDME</mark> person');
    expect(html).toContain('<code>SUSPECT_WORD</code>');
    expect(html).toMatch(/<dt>toxicity<\/dt><dd><meter/);
    expect(html).toMatch(/Regular Reader<\/a>:\s*1 approved · 0 rejected · 1 waiting/);
    expect(html).toContain(`action="/admin/moderation/comments/${id}/approve"`);
    expect(html).toContain(`action="/admin/moderation/comments/${id}/suspend"`);
    expect(html).toContain('History (1)');
    expect(html).toContain('Held automatically');
    expect(html).toMatch(/\/assets\/moderation(\.[0-9a-f]{12})?\.js/);
    expect(html).toContain('name="ids" value="' + id + '" form="bulk-form"');

    const item = (await t.request({ url: `/api/admin/moderation/comments/${id}`, as: moderator })).json();
    expect(item).toMatchObject({
      comment: { id, status: 'pending', authorName: 'Regular Reader' },
      parent: { id: parent, authorName: 'Parent Author' },
      article: { id: article.id, url: `/articles/${article.slug}` },
      reasons: [{ code: 'SUSPECT_WORD', matches: ['HOLDME'] }],
      reader: { id: reader.userId, approvedCount: 1, rejectedCount: 0, pendingCount: 1, status: 'active', premoderate: false },
      audit: [{ action: 'system_hold', actor: null }],
    });
    expect(Object.keys(item.scores)).toEqual(expect.arrayContaining(['toxicity', 'threat', 'identity_attack']));
  });

  it('pages through a tab with a cursor that new arrivals do not shift, and lists tabs in their own order', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const held: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      held.push(await postHeld(t, reader, article.slug, `holdme number ${i}`));
    }
    const first = (await t.request({ url: '/api/admin/moderation/queue?tab=pending&limit=2', as: moderator })).json();
    expect(first.items.map((item: { comment: { id: string } }) => item.comment.id)).toEqual(held.slice(0, 2));
    expect(first.counts).toMatchObject({ pending: 5 });
    t.clock.advance(1000);
    await postHeld(t, reader, article.slug, 'holdme late arrival');
    const second = (await t.request({ url: `/api/admin/moderation/queue?tab=pending&limit=2&cursor=${first.nextCursor}`, as: moderator })).json();
    expect(second.items.map((item: { comment: { id: string } }) => item.comment.id)).toEqual(held.slice(2, 4));

    const all = (await t.request({ url: '/api/admin/moderation/queue?tab=all&limit=3', as: moderator })).json();
    expect(all.items[0].comment.body).toBeUndefined();
    expect(all.items.map((item: { comment: { id: string } }) => item.comment.id)).toEqual([expect.any(String), held[4], held[3]]);
    const bad = await t.request({ url: `/api/admin/moderation/queue?tab=rejected&cursor=${first.nextCursor}`, as: moderator });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('MOD_CURSOR_INVALID');

    const html = (await page(t, moderator, '/admin/moderation?tab=pending&limit=2')).body;
    const next = /rel="next" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/admin\/moderation\?tab=pending&limit=2&cursor=/);
    expect((await page(t, moderator, next!)).statusCode).toBe(200);
    expect((await page(t, moderator, '/admin/moderation?tab=rejected')).body).toContain('No rejected comments.');
  });

  it('shows a reader page with their standing, comments and log', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Paged Reader');
    const moderator = await t.signIn('moderator');
    const id = await postHeld(t, reader, article.slug);
    t.clock.advance(1000);
    await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/reject`, as: moderator, payload: { reason: 'abuse' } });
    await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/suspend`, as: moderator, payload: { reason: 'Abuse again', days: 1 } });
    const html = (await page(t, moderator, `/admin/moderation/readers/${reader.userId}`)).body;
    expect(html).toContain('<h1>Paged Reader</h1>');
    expect(html).toMatch(/suspended until <time/);
    expect(html).toContain('0 approved · 1 rejected · 0 waiting for review');
    expect(html).toContain(`id="item-${id}"`);
    expect(html).toMatch(/Suspended<\/strong>\s*by Moderator \d+ until <time[^>]*>[^<]*<\/time> — Abuse again/);
    expect(html).toMatch(/Rejected<\/strong>\s*by Moderator \d+ — Abusive or insulting/);
    expect(html).toContain('Lift suspension');
    expect((await page(t, moderator, '/admin/moderation/readers/0000000000nosuchuser')).statusCode).toBe(404);
  });
});
