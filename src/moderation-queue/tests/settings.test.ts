import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/defaults.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createReader, createTestArticle, formPost, page, post, relax } from './helpers.js';

const valid = {
  holdThreshold: '0.6', rejectThreshold: '0.95', newReaderPremoderateCount: '2', linkMinApproved: '3', reportThreshold: '4',
  nudge: '1', bannedWords: 'Zapword\n\nzapword\nscam*', suspectWords: 'holdme', allowedWords: 'Scunthorpe',
};

describe('moderation settings', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  it('shows the moderation box to admins and saves validated values', async () => {
    const admin = await t.signIn('admin');
    const html = (await page(t, admin, '/admin/settings')).body;
    expect(html).toContain('id="settings-moderation"');
    expect(html).toContain('name="holdThreshold" type="text" value="0.999"');

    const saved = await formPost(t, admin, '/admin/settings/moderation', valid);
    expect(saved.statusCode).toBe(303);
    expect((await t.runtime.settings.get()).moderation).toMatchObject({
      premoderateAll: false, holdThreshold: 0.6, rejectThreshold: 0.95, newReaderPremoderateCount: 2, linkMinApproved: 3, reportThreshold: 4,
      nudge: true, bannedWords: ['zapword', 'scam*'], suspectWords: ['holdme'], allowedWords: ['scunthorpe'],
      floodCount: 0,
    });
    const again = (await page(t, admin, '/admin/settings')).body;
    expect(again).toMatch(/<textarea id="bannedWords" name="bannedWords" rows="4">zapword\nscam\*<\/textarea>/);

    const { nudge: _off, ...withoutNudge } = valid;
    await formPost(t, admin, '/admin/settings/moderation', { ...withoutNudge, premoderateAll: '1', newReaderPremoderateCount: '0', linkMinApproved: '0' });
    const moderation = (await t.runtime.settings.get()).moderation;
    expect(moderation).toMatchObject({ premoderateAll: true, nudge: false });
    const article = await createTestArticle(t);
    expect((await post(t, await createReader(t), article.slug, { text: 'Any words at all' })).json().comment.status).toBe('pending');
  });

  it('refuses invalid values, naming the field, and keeps the old settings', async () => {
    const admin = await t.signIn('admin');
    const before = (await t.runtime.settings.get()).moderation;
    const cases: [Record<string, string>, string, string][] = [
      [{ holdThreshold: '1.5' }, 'holdThreshold', 'from 0 to 1'],
      [{ holdThreshold: 'abc' }, 'holdThreshold', 'from 0 to 1'],
      [{ holdThreshold: '0.9', rejectThreshold: '0.8' }, 'rejectThreshold', 'cannot be below'],
      [{ reportThreshold: '0' }, 'reportThreshold', 'from 1 to 100'],
      [{ newReaderPremoderateCount: '-1' }, 'newReaderPremoderateCount', 'from 0 to 100'],
      [{ bannedWords: 'a' }, 'bannedWords', 'too short'],
      [{ suspectWords: '*' }, 'suspectWords', 'too short'],
      [{ allowedWords: 'x'.repeat(61) }, 'allowedWords', 'at most 60'],
      [{ bannedWords: 'bad<script>' }, 'bannedWords', 'cannot have'],
    ];
    for (const [change, field, message] of cases) {
      const response = await formPost(t, admin, '/admin/settings/moderation', { ...valid, ...change });
      expect(response.statusCode, field).toBe(400);
      expect(response.body).toContain(`id="${field}-error"`);
      expect(response.body).toContain(message);
    }
    expect((await t.runtime.settings.get()).moderation).toEqual(before);
    expect(defaultSettings.moderation.reportThreshold).toBe(1);
    expect((await formPost(t, await t.signIn('moderator'), '/admin/settings/moderation', valid)).statusCode).toBe(403);
  });
});
