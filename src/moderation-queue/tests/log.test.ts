import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { recordAction } from '../audit.js';
import { createReader, createTestArticle, page, postHeld, setUpModeration } from './helpers.js';

describe('the moderation log page', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
    await t.runtime.settings.update('site', { locale: 'en-GB', timeZone: 'Europe/Berlin' });
    t.clock.set('2026-12-08T22:30:00.000Z');
  });
  afterEach(() => t.close());

  const log = (as: { cookie: string; csrf: string; userId: string }, query: string) => t.request({ url: `/api/admin/moderation/log${query}`, as });

  it('filters by moderator, the system, reader, action, reason and day in the site zone', async () => {
    const article = await createTestArticle(t);
    const alice = await t.signIn('moderator');
    const bob = await t.signIn('moderator');
    const troll = await createReader(t, 'Trollface');
    const nice = await createReader(t, 'Nice Person');
    const held = await postHeld(t, troll, article.slug);
    const other = await postHeld(t, nice, article.slug);
    t.clock.advance(1000);
    await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${held}/reject`, as: alice, payload: { reason: 'abuse', note: 'Name-calling 100%' } });
    await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${other}/approve`, as: bob, payload: {} });
    // 23:30 UTC on the 8th is already the 9th in Berlin.
    t.clock.set('2026-12-08T23:30:00.000Z');
    await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${troll.userId}/ban`, as: bob, payload: { reason: 'Repeated ABUSE' } });

    const actions = async (query: string) => {
      const response = await log(alice, query);
      expect(response.statusCode).toBe(200);
      return (response.json().entries as { action: string }[]).map((entry) => entry.action);
    };
    expect(await actions('')).toEqual(['ban', 'approve', 'reject', 'system_hold', 'system_hold']);
    expect(await actions(`?actor=${alice.userId}`)).toEqual(['reject']);
    expect(await actions(`?actor=${bob.userId}`)).toEqual(['ban', 'approve']);
    expect(await actions('?actor=system')).toEqual(['system_hold', 'system_hold']);
    expect(await actions('?reader=trollf')).toEqual(['ban', 'reject', 'system_hold']);
    expect(await actions(`?reader=${encodeURIComponent(nice.email)}`)).toEqual(['approve', 'system_hold']);
    expect(await actions('?reader=nobody-like-this')).toEqual([]);
    expect(await actions('?action=ban')).toEqual(['ban']);
    expect(await actions('?reason=ABUS')).toEqual(['ban', 'reject']);
    // Typed text is literal: "%" is not a wildcard.
    expect(await actions('?reason=100%25')).toEqual(['reject']);
    expect(await actions('?reason=%25%25')).toEqual([]);
    expect(await actions('?from=2026-12-09')).toEqual(['ban']);
    expect(await actions('?to=2026-12-08')).toEqual(['approve', 'reject', 'system_hold', 'system_hold']);
    expect(await actions(`?from=2026-12-08&to=2026-12-09&actor=${bob.userId}&action=approve`)).toEqual(['approve']);
    const entry = (await log(alice, '?action=ban')).json().entries[0];
    expect(entry).toMatchObject({ actor: { id: bob.userId }, subject: { kind: 'reader', id: troll.userId, name: 'Trollface' }, reason: 'Repeated ABUSE' });

    const html = await page(t, alice, `/admin/moderation/log?actor=${bob.userId}&action=&reader=`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<h1>Moderation log</h1>');
    expect(html.body.match(/data-log-row=/g)).toHaveLength(2);
    expect(html.body).toContain(`href="/admin/moderation/log.csv?actor=${bob.userId}"`);
  });

  it('pages newest first without overlap, and exports every filtered row as CSV with formulas defused', async () => {
    const moderator = await t.signIn('moderator');
    const reader = await createReader(t, 'Counted');
    for (let i = 0; i < 62; i++) {
      t.clock.advance(1000);
      await recordAction(t.runtime, { userId: reader.userId, actorId: moderator.userId, action: 'warn', reason: i === 0 ? '=HYPERLINK("http://evil")' : `note ${i}` });
    }
    const first = (await log(moderator, '?action=warn')).json();
    expect(first.entries).toHaveLength(50);
    expect(first.nextCursor).toBe(first.entries[49].id);
    const second = (await log(moderator, `?action=warn&cursor=${first.nextCursor}`)).json();
    expect(second.entries).toHaveLength(12);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.entries, ...second.entries].map((entry: { id: string }) => entry.id);
    expect(new Set(ids).size).toBe(62);
    expect([...ids].sort().reverse()).toEqual(ids);

    const html = await page(t, moderator, '/admin/moderation/log?action=warn');
    expect(html.body).toContain(`href="/admin/moderation/log?action=warn&amp;cursor=${first.nextCursor}"`);

    const csv = await t.request({ url: '/admin/moderation/log.csv?action=warn', as: moderator });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="moderation-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('created_at,action,actor_id,actor,subject,user_id,comment_id,reason,detail,id');
    expect(lines).toHaveLength(63);
    expect(lines.at(-1)).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain(',warn,');
    expect(lines[1]).toContain(',Counted,');
  });

  it('refuses bad filters with a clear 400 and keeps readers out', async () => {
    const moderator = await t.signIn('moderator');
    const invalidDay = await log(moderator, '?from=2026-02-30');
    expect(invalidDay.statusCode).toBe(400);
    expect(invalidDay.json()).toMatchObject({ error: 'MOD_LOG_FILTER_INVALID' });
    const backwards = await log(moderator, '?from=2026-12-09&to=2026-12-01');
    expect(backwards.json().error).toBe('MOD_LOG_FILTER_INVALID');
    const malformed = await log(moderator, '?from=yesterday');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toHaveProperty('message');
    expect((await log(moderator, '?action=explode')).statusCode).toBe(400);
    expect((await log(moderator, '?cursor=../../etc')).statusCode).toBe(400);
    expect((await t.request({ url: '/admin/moderation/log.csv?from=2026-02-30', as: moderator })).statusCode).toBe(400);
    const htmlError = await page(t, moderator, '/admin/moderation/log?from=2026-02-30');
    expect(htmlError.statusCode).toBe(400);
    expect(htmlError.body).toContain('Dates are written as YYYY-MM-DD.');

    const reader = await createReader(t);
    expect((await log(reader, '')).statusCode).toBe(401);
    expect((await t.request({ url: '/admin/moderation/log.csv', as: await t.signIn('editor') })).statusCode).toBe(403);
  });
});
