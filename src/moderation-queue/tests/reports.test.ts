import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { auditRows, commentStatus, createReader, createTestArticle, formPost, page, postId, setUpModeration, until } from './helpers.js';

describe('reader reports on a queue item', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
    await t.runtime.settings.update('moderation', { reportThreshold: 2 });
  });
  afterEach(() => t.close());

  it('shows each note and the count per reason, and dismisses every report at once, keeping them on record', async () => {
    const article = await createTestArticle(t);
    const moderator = await t.signIn('moderator');
    const id = await postId(t, await createReader(t, 'Author'), article.slug, 'A sharp opinion');
    const flag = async (reason: string, note: string) => {
      t.clock.advance(1000);
      const response = await t.request({ method: 'POST', url: `/api/comments/${id}/flags`, as: await createReader(t), payload: { reason, note } });
      expect(response.statusCode).toBe(201);
    };
    await flag('abusive', 'Calls me <b>names</b>');
    await flag('spam', '');
    await flag('abusive', 'Insulting');
    const queue = async () => (await t.request({ url: '/api/admin/moderation/queue?tab=reported', as: moderator })).json();
    const [item] = (await queue()).items;
    expect(item.flagCounts).toEqual([{ reason: 'abusive', count: 2 }, { reason: 'spam', count: 1 }]);
    expect(item.flags.map((flag: { note: string }) => flag.note)).toEqual(['Calls me <b>names</b>', '', 'Insulting']);
    const html = (await page(t, moderator, '/admin/moderation?tab=reported')).body;
    expect(html).toContain('<span data-flag-reason="abusive">abusive: <strong>2</strong></span>');
    expect(html).toContain('<q class="mod-flag-note">Calls me &lt;b&gt;names&lt;/b&gt;</q>');
    expect(html).toContain('Dismiss all 3 reports');

    t.clock.advance(1000);
    const dismissed = await formPost(t, moderator, `/admin/moderation/comments/${id}/dismiss-reports`, { returnTo: '/admin/moderation?tab=reported' });
    expect(dismissed.headers.location).toBe('/admin/moderation?tab=reported&done=dismiss-reports');
    expect((await page(t, moderator, dismissed.headers.location as string)).body).toContain('Reports dismissed.');
    expect((await queue()).items).toEqual([]);
    expect((await queue()).counts.reported).toBe(0);
    expect(await commentStatus(t, id)).toBe('published');
    expect(await t.runtime.db.selectFrom('comment_flags').select('id').where('comment_id', '=', id).execute()).toHaveLength(3);
    await until(async () => (await auditRows(t, { commentId: id })).filter((row) => row.action === 'flag').length === 3);
    const rows = await auditRows(t, { commentId: id });
    expect(rows.map((row) => row.action)).toEqual(['flag', 'flag', 'flag', 'dismiss_reports']);
    expect(JSON.parse(rows[3].detail)).toEqual({ count: 3, byReason: { abusive: 2, spam: 1 } });
    expect(rows[3].actor_id).toBe(moderator.userId);

    // A new report after the dismissal brings it back.
    await flag('off-topic', 'Again');
    expect((await queue()).items.map((entry: { comment: { id: string } }) => entry.comment.id)).toEqual([id]);
  });

  it('refuses to dismiss what has no reports (409) and an unknown comment (404)', async () => {
    const article = await createTestArticle(t);
    const moderator = await t.signIn('moderator');
    const id = await postId(t, await createReader(t), article.slug, 'Nobody minds this');
    const none = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/dismiss-reports`, as: moderator, payload: {} });
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toBe('MOD_NO_REPORTS');
    const missing = await t.request({ method: 'POST', url: '/api/admin/moderation/comments/0000000000nosuchcomm/dismiss-reports', as: moderator, payload: {} });
    expect(missing.statusCode).toBe(404);
    expect(await auditRows(t, { commentId: id })).toEqual([]);
  });
});
