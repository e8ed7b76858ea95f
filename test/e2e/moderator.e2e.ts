import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addStaffMember, openPage, screenshotOnFailure, signInInBrowser, siteInChromium, type Site } from './harness.js';

const LEAD = '/articles/river-cleanup-sediment-tests';
const MODERATOR = { email: 'mo.moderator@tribune.test', password: 'mo-reviews-comments', name: 'Mo Moderator' };

describe('a moderator in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(() => addStaffMember(site, MODERATOR, 'moderator'));

  it('sees a held comment in the queue, approves it with the keyboard, and the reader\'s open page shows it', async () => {
    const [readerContext, writerContext, moderatorContext] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
    const [reader, writer, moderator] = await Promise.all([openPage(readerContext), openPage(writerContext), openPage(moderatorContext)]);
    screenshotOnFailure('moderator', () => [reader, writer, moderator]);

    // A reader keeps the article open, following the live stream.
    const streaming = reader.waitForResponse((response) => new URL(response.url()).pathname === '/api/live');
    await reader.goto(`${site.url}${LEAD}`);
    await reader.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
    await streaming;

    // A first-time guest posts a link: held for review, shown to its author only.
    const text = `The full lab report is at www.example.org/lab-${Date.now().toString(36)}`;
    await writer.goto(`${site.url}${LEAD}`);
    await writer.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
    const composer = writer.locator('.comments__composer');
    await composer.getByLabel('Your name').fill('Lina Linker');
    await composer.getByLabel('Your comment').fill(text);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    const held = writer.locator('li.comment', { hasText: text });
    await held.locator('.comment__pending').waitFor();
    const heldId = await held.getAttribute('data-comment-id');
    expect(await reader.locator('li.comment', { hasText: text }).count()).toBe(0);

    // The moderator finds it in the pending tab and approves it without the mouse: j to move, a to approve.
    await signInInBrowser(moderator, site.url, MODERATOR.email, MODERATOR.password);
    await moderator.goto(`${site.url}/admin/moderation`);
    const item = moderator.locator(`article.mod-item[data-comment-id="${heldId}"]`);
    expect(await item.innerText()).toContain('example.org/lab-');
    await moderator.locator('body').focus();
    for (let presses = 0; presses < 10; presses++) {
      if ((await item.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) === true) break;
      await moderator.keyboard.press('j');
    }
    expect(await item.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))).toBe(true);
    await moderator.keyboard.press('a');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);

    // The reader's page, never reloaded, offers the newly published comment.
    const bar = reader.getByRole('button', { name: /Show 1 new comment/ });
    await bar.waitFor({ timeout: 10_000 });
    await bar.click();
    await reader.locator('li.comment .comment__text', { hasText: 'example.org/lab-' }).waitFor();
    for (const page of [reader, writer, moderator]) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await Promise.all([readerContext.close(), writerContext.close(), moderatorContext.close()]);
  });
});
