import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { auditRows, commentStatus, createReader, createTestArticle, post, setUpModeration } from './helpers.js';

/** The pipeline's decisions reach the log in the transaction that stores the comment, not through the bus. */
describe("the system's moderation decisions in the log", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  const commentsOn = (articleId: string) => t.runtime.db.selectFrom('comments').select(['id', 'body', 'status']).where('article_id', '=', articleId).execute();
  const renameLog = (from: string, to: string) => sql`alter table ${sql.table(from)} rename to ${sql.table(to)}`.execute(t.runtime.db);

  it('writes a held comment and its system_hold row together, before the answer, with no event to hear', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const response = await post(t, reader, article.slug, { text: 'Please holdme for review' });
    expect(response.statusCode).toBe(201);
    const id = response.json().comment.id as string;
    const stored = await t.runtime.db.selectFrom('comments').select(['status', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('pending');
    const rows = await auditRows(t, { commentId: id });
    expect(rows).toEqual([expect.objectContaining({ action: 'system_hold', actor_id: null, user_id: reader.userId, created_at: stored.updated_at })]);
    expect(JSON.parse(rows[0].detail).reasons).toEqual([expect.objectContaining({ code: expect.any(String) })]);
    expect(rows[0].reason).not.toBe('');

    const rejected = await post(t, reader, article.slug, { text: 'You zapword' });
    expect(rejected.json().error).toBe('COMMENT_REJECTED');
    const rejectedId = rejected.json().commentId as string;
    expect((await auditRows(t, { commentId: rejectedId })).map((row) => row.action)).toEqual(['system_reject']);
  });

  it('logs an edit that sends a published comment back to review as a new system decision', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const published = (await post(t, reader, article.slug, { text: 'Fine words' })).json().comment.id as string;
    expect(await auditRows(t, { commentId: published })).toEqual([]);
    t.clock.advance(1000);
    const edited = await t.request({ method: 'PATCH', url: `/api/comments/${published}`, as: reader, payload: { text: 'Now holdme' } });
    expect(edited.statusCode).toBe(200);
    const rows = await auditRows(t, { commentId: published });
    expect(rows.map((row) => row.action)).toEqual(['system_hold']);
    expect(JSON.parse(rows[0].detail).reasons.map((reason: { code: string }) => reason.code)).toContain('EDITED');
  });

  it('keeps no comment when its log row cannot be written, and no edit either', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const published = (await post(t, reader, article.slug, { text: 'Fine words' })).json().comment.id as string;

    await renameLog('moderation_actions', 'moderation_actions_away');
    try {
      const held = await post(t, reader, article.slug, { text: 'Please holdme for review' });
      expect(held.statusCode).toBe(500);
      t.clock.advance(1000);
      const edit = await t.request({ method: 'PATCH', url: `/api/comments/${published}`, as: reader, payload: { text: 'Now holdme' } });
      expect(edit.statusCode).toBe(500);
      // A published comment needs no log row: it is stored as before.
      expect((await post(t, reader, article.slug, { text: 'Still fine' })).statusCode).toBe(201);
    } finally {
      await renameLog('moderation_actions_away', 'moderation_actions');
    }

    expect((await commentsOn(article.id)).map((row) => [row.body, row.status]).sort()).toEqual([['Fine words', 'published'], ['Still fine', 'published']]);
    expect(await commentStatus(t, published)).toBe('published');
    expect(await auditRows(t)).toEqual([]);
    // With the log back, the same comment goes through with its row.
    const again = await post(t, reader, article.slug, { text: 'Please holdme for review' });
    expect(again.statusCode).toBe(201);
    expect((await auditRows(t, { commentId: again.json().comment.id })).map((row) => row.action)).toEqual(['system_hold']);
  });
});
