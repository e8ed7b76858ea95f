import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createReader, createTestArticle, page, postHeld, postId, setUpModeration } from './helpers.js';

describe('the admin dashboard', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
    await t.runtime.settings.update('moderation', { reportThreshold: 1 });
  });
  afterEach(() => t.close());

  it('shows moderators and admins the pending and reported counts, linked into the queue and kept live by the queue script', async () => {
    const article = await createTestArticle(t);
    await postHeld(t, await createReader(t), article.slug);
    await postHeld(t, await createReader(t), article.slug);
    const reported = await postId(t, await createReader(t), article.slug, 'Reported once');
    await t.request({ method: 'POST', url: `/api/comments/${reported}/flags`, as: await createReader(t), payload: { reason: 'spam' } });

    for (const role of ['moderator', 'admin'] as const) {
      const body = (await page(t, await t.signIn(role), '/admin')).body;
      expect(body).toContain('data-live-counts');
      expect(body).toContain('<a href="/admin/moderation?tab=pending"><strong data-count="pending">2</strong> waiting for review</a>');
      expect(body).toContain('<a href="/admin/moderation?tab=reported"><strong data-count="reported">1</strong> reported</a>');
      expect(body).toMatch(/<script src="\/assets\/moderation[^"]*\.js"/);
    }
    // Editors do not moderate: no box, no stream.
    const editor = (await page(t, await t.signIn('editor'), '/admin')).body;
    expect(editor).not.toContain('data-live-counts');
    expect(editor).not.toMatch(/moderation[^"]*\.js/);
  });
});
