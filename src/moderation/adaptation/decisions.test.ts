import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestArticle, guestBrowser, post, relax } from '../../comments/test-fixtures.js';
import type { AppError } from '../../errors.js';
import { startTestApp, type TestApp, type TestIdentity } from '../../testing/test-app.js';
import { moderatorDecisions } from '../../moderation-queue/index.js';
import { MIN_DECISIONS } from './learn.js';
import { simulatedComments } from './simulated-site.js';
import { seedDecisions, siteAdaptationOf } from './test-helpers.js';

describe('the decisions learning reads', () => {
  let t: TestApp;
  let moderator: TestIdentity;
  let guest: TestIdentity;
  let slug: string;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
    await t.runtime.settings.update('moderation', { holdThreshold: 0.5, nudge: false, suspectWords: ['holdme'] });
    moderator = await t.signIn('moderator');
    guest = guestBrowser(t);
    slug = (await createTestArticle(t)).slug;
  });
  afterEach(() => t.close());

  async function comment(text: string): Promise<string> {
    const response = await post(t, guest, slug, { text });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().comment.id as string;
  }
  async function act(id: string, action: 'approve' | 'reject') {
    t.clock.advance(60_000);
    const response = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/${action}`, as: moderator, payload: action === 'reject' ? { reason: 'abuse' } : {} });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('are people’s approvals and rejections, the latest per comment, on the text they saw', async () => {
    const held = await comment('Please holdme, landlords are leeches.');
    const approvedHeld = await comment('Please holdme, the ferry is late again.');
    const removed = await comment('A published comment a moderator later removes.');
    const overturned = await comment('Please holdme: rejected first, approved on appeal.');
    const untouched = await comment('Please holdme, nobody decides on this one.');
    const published = await comment('Published and never reported or decided.');
    const editedAfter = await comment('Please holdme, the author edits this after approval.');
    await act(held, 'reject');
    await act(approvedHeld, 'approve');
    await act(removed, 'reject');
    await act(overturned, 'reject');
    await act(overturned, 'approve');
    await act(editedAfter, 'approve');
    t.clock.advance(60_000);
    const edit = await t.request({ method: 'PATCH', url: `/api/comments/${editedAfter}`, as: guest, payload: { text: 'Changed after the moderator approved it.' } });
    expect(edit.statusCode, edit.body).toBe(200);

    const decisions = await moderatorDecisions(t.runtime.db);
    const byId = new Map(decisions.map((decision) => [decision.commentId, decision]));
    expect(byId.get(held)).toMatchObject({ label: 1, text: 'Please holdme, landlords are leeches.' });
    expect(byId.get(approvedHeld)?.label).toBe(0);
    expect(byId.get(removed)?.label).toBe(1);
    expect(byId.get(overturned)?.label).toBe(0);
    // The pipeline's own holds are in the log too, but they are not decisions.
    const systemHolds = await t.runtime.db.selectFrom('moderation_actions').select('comment_id').where('action', '=', 'system_hold').execute();
    expect(systemHolds.map((row) => row.comment_id)).toContain(untouched);
    expect(byId.has(untouched)).toBe(false);
    expect(byId.has(published)).toBe(false);
    expect(byId.has(editedAfter)).toBe(false);
    expect(decisions.map((decision) => decision.commentId)).toEqual([held, approvedHeld, removed, overturned]);
  });

  it('skips a decided comment its author deleted', async () => {
    const id = await comment('Please holdme, I will delete this myself.');
    await act(id, 'approve');
    const deleted = await t.request({ method: 'DELETE', url: `/api/comments/${id}`, as: guest });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await moderatorDecisions(t.runtime.db)).toEqual([]);
  });
});

describe('learning refuses', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  async function refusal(): Promise<AppError> {
    const learner = siteAdaptationOf(t.runtime);
    try {
      const error = await learner.learn({ source: 'cli' }).then(() => undefined, (failure: AppError) => failure);
      expect(error, 'learning should have refused').toBeDefined();
      expect(await t.runtime.db.selectFrom('site_adaptation').selectAll().execute()).toEqual([]);
      return error!;
    } finally {
      learner.stop();
    }
  }

  it('below the minimum number of decisions, whatever the system held', async () => {
    const site = simulatedComments(MIN_DECISIONS - 1, 3);
    const ids = await seedDecisions(t, site);
    // Many more comments only the pipeline held: still not decisions.
    await t.runtime.db.deleteFrom('moderation_actions').where('action', 'in', ['approve', 'reject']).where('comment_id', 'in', ids.slice(0, 50)).execute();
    const error = await refusal();
    expect(error.code).toBe('ADAPT_TOO_FEW_DECISIONS');
    expect(error.message).toBe(
      `Only ${MIN_DECISIONS - 51} moderator decisions can be learned from; at least ${MIN_DECISIONS} are needed. ` +
        'They are approvals and rejections of held or reported comments, and removals of published ones; the system’s own holds never count.',
    );
  });

  it('when moderators only ever approved', async () => {
    await seedDecisions(t, simulatedComments(260, 4).map((comment) => ({ ...comment, label: 0 as const })));
    const error = await refusal();
    expect(error.code).toBe('ADAPT_ONE_SIDED');
    expect(error.message).toContain('260 approve and 0 reject or remove');
  });

  it('when the most recent decisions, which measure it, are all of one kind', async () => {
    const older = simulatedComments(200, 5);
    const recent = simulatedComments(60, 6).map((comment) => ({ ...comment, label: 0 as const }));
    await seedDecisions(t, [...older, ...recent]);
    const error = await refusal();
    expect(error.code).toBe('ADAPT_ONE_SIDED');
    expect(error.message).toContain('The most recent 52 decisions, which measure the result, are all approvals');
  });
});
