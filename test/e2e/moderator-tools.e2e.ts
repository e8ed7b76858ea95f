import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readMailbox } from '../../src/mail/index.js';
import { addStaffMember, openPage, screenshotOnFailure, signInInBrowser, siteInChromium, type Site } from './harness.js';

const LEAD = '/articles/river-cleanup-sediment-tests';
const MODERATOR = { email: 'tess.tools@tribune.test', password: 'tess-uses-the-tools', name: 'Tess Tools' };
const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

/** WCAG 2 A/AA violations on the page as axe-core reads it (the context bypasses CSP to load it). */
async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`);
  }, within ?? null);
}

/** Signs a reader in by the emailed link, in their own browser. */
async function signInReader(site: Site, page: Page, email: string): Promise<void> {
  const before = readMailbox(join(site.dataDir, 'mail')).length;
  await page.goto(`${site.url}/account`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const link = await vi.waitFor(() => {
    const mail = readMailbox(join(site.dataDir, 'mail')).slice(before).find((m) => m.to === email);
    if (!mail) throw new Error('no sign-in mail yet');
    return /https?:\/\/\S+\/auth\/magic\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
  }, { timeout: 20_000, interval: 100 });
  await page.goto(link);
}

async function postFromComposer(page: Page, text: string, guestName?: string): Promise<void> {
  const composer = page.locator('.comments__composer');
  if (guestName) await composer.getByLabel('Your name').fill(guestName);
  await composer.getByLabel('Your comment').fill(text);
  await composer.getByRole('button', { name: 'Post comment' }).click();
}

async function openEnhanced(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
}

describe('moderators\' tools in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(() => addStaffMember(site, MODERATOR, 'moderator'));

  it('bans a reader and removes their published comments: an open article page loses them live, and the reader sees why', async () => {
    const [trollContext, bystanderContext, moderatorContext] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext({ bypassCSP: true })]);
    const [troll, bystander, moderator] = await Promise.all([openPage(trollContext), openPage(bystanderContext), openPage(moderatorContext)]);
    screenshotOnFailure('moderator-tools-ban', () => [troll, bystander, moderator]);

    const mark = Date.now().toString(36);
    await signInReader(site, troll, 'troll.reader@readers.test');
    await openEnhanced(troll, `${site.url}${LEAD}`);
    const texts = [`Loud take one ${mark}`, `Loud take two ${mark}`];
    for (const text of texts) {
      await postFromComposer(troll, text);
      await troll.locator('li.comment .comment__text', { hasText: text }).waitFor();
    }

    // Someone else has the article open, following the live stream, and sees both comments.
    const streaming = bystander.waitForResponse((response) => response.url().includes('/api/live'));
    await openEnhanced(bystander, `${site.url}${LEAD}`);
    await streaming;
    for (const text of texts) await bystander.locator('li.comment .comment__text', { hasText: text }).waitFor();

    // The moderator bans the author from one of the comments, ticking "remove their published comments".
    await signInInBrowser(moderator, site.url, MODERATOR.email, MODERATOR.password);
    await moderator.goto(`${site.url}/admin/moderation?tab=all`);
    const item = moderator.locator('article.mod-item', { hasText: texts[1] });
    await item.locator('summary', { hasText: 'Reader…' }).click();
    const banForm = item.locator('form[data-reader-action="ban"]');
    await banForm.getByLabel('Reason for the ban').fill('Shouting at everyone');
    await banForm.getByLabel(/Also remove their published comments/).check();
    await banForm.getByRole('button', { name: 'Ban' }).click();
    await moderator.locator('[data-announcer]', { hasText: 'Ban: done.' }).waitFor();

    // Gone from the open page without a reload.
    for (const text of texts) await expect.poll(() => bystander.locator('li.comment .comment__text', { hasText: text }).count(), { timeout: 15_000 }).toBe(0);

    // The reader finds a notice where the form was.
    await troll.reload();
    const notice = troll.locator('.comments__sanction');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('banned you from commenting');
    expect(await troll.locator('.comments__composer').count()).toBe(0);

    // The log page has the ban and both removals, and filters to them.
    await moderator.goto(`${site.url}/admin/moderation/log`);
    await moderator.getByLabel('Action').selectOption('ban');
    await moderator.getByRole('button', { name: 'Filter' }).click();
    await moderator.waitForURL(/action=ban/);
    const rows = moderator.locator('tr[data-log-row]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Shouting at everyone');
    await moderator.getByLabel('Action').selectOption('reject');
    await moderator.getByLabel('Reason contains').fill('with the ban');
    await moderator.getByRole('button', { name: 'Filter' }).click();
    await moderator.waitForURL(/reason=with/);
    await expect.poll(() => moderator.locator('tr[data-log-row]').count()).toBe(2);
    const csv = await moderator.getByRole('link', { name: 'Download as CSV' }).getAttribute('href');
    expect(csv).toBe('/admin/moderation/log.csv?action=reject&reason=with+the+ban');
    const download = await moderator.evaluate(async (href) => (await fetch(href)).text(), csv!);
    expect(download.trimEnd().split('\r\n')).toHaveLength(3);
    expect(await axeViolations(moderator)).toEqual([]);

    for (const page of [troll, bystander, moderator]) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await Promise.all([trollContext.close(), bystanderContext.close(), moderatorContext.close()]);
  });

  it('suspends a guest from the queue: the guest is told until when, on their next try', async () => {
    const [guestContext, moderatorContext] = await Promise.all([browser.newContext({ bypassCSP: true }), browser.newContext({ bypassCSP: true })]);
    const [guest, moderator] = await Promise.all([openPage(guestContext), openPage(moderatorContext)]);
    screenshotOnFailure('moderator-tools-guest', () => [guest, moderator]);

    // A first-time guest's link is held for review.
    const text = `Buy now at www.example.org/offer-${Date.now().toString(36)}`;
    await openEnhanced(guest, `${site.url}${LEAD}`);
    await postFromComposer(guest, text, 'Gus Guest');
    const held = guest.locator('li.comment', { hasText: text });
    await held.locator('.comment__pending').waitFor();
    const heldId = await held.getAttribute('data-comment-id');

    await signInInBrowser(moderator, site.url, MODERATOR.email, MODERATOR.password);
    await moderator.goto(`${site.url}/admin/moderation`);
    const item = moderator.locator(`article.mod-item[data-comment-id="${heldId}"]`);
    expect(await item.innerText()).not.toContain('only this comment can be decided');
    await item.locator('summary', { hasText: 'Guest…' }).click();
    const suspend = item.locator('form[data-guest-action="suspend"]');
    await suspend.getByLabel('Suspend for').selectOption('7');
    await suspend.getByLabel('Reason').fill('Advertising');
    await suspend.getByRole('button', { name: 'Suspend guest' }).click();
    await item.locator('[data-guest-status]', { hasText: 'suspended until' }).waitFor();
    expect(await axeViolations(moderator)).toEqual([]);

    // The article page is the same for every guest; the widget finds out about this one and puts the
    // notice, with the end date, where the form was.
    await openEnhanced(guest, `${site.url}${LEAD}`);
    const notice = guest.locator('section[data-tribune-comments] > .comments__sanction');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^Your commenting is suspended until .+ \(UTC\)\. You can read along/);
    expect(await guest.locator('.comments__composer').count()).toBe(0);
    expect(await guest.locator('.comments__sort + .comments__sanction').count()).toBe(1);
    expect(await axeViolations(guest, '.comments__sanction')).toEqual([]);

    // Lifted from the queue, the guest (and anyone else on that network) may post again.
    await moderator.reload();
    await item.locator('summary', { hasText: 'Guest…' }).click();
    await item.locator('form[data-guest-action="unban"]').getByRole('button', { name: 'Lift suspension' }).click();
    await item.locator('[data-guest-status]', { hasText: 'active' }).waitFor();
    await openEnhanced(guest, `${site.url}${LEAD}`);
    await postFromComposer(guest, `Sorry about that ${Date.now().toString(36)}`, 'Gus Guest');
    await guest.locator('li.comment', { hasText: 'Sorry about that' }).waitFor();

    for (const page of [guest, moderator]) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await Promise.all([guestContext.close(), moderatorContext.close()]);
  });

  it('pre-moderates a reader from the queue: the reader is told above the form that their comments are reviewed first', async () => {
    const [readerContext, moderatorContext] = await Promise.all([browser.newContext({ bypassCSP: true }), browser.newContext({ bypassCSP: true })]);
    const [reader, moderator] = await Promise.all([openPage(readerContext), openPage(moderatorContext)]);
    screenshotOnFailure('moderator-tools-review-first', () => [reader, moderator]);

    const mark = Date.now().toString(36);
    await signInReader(site, reader, 'rita.reviewed@readers.test');
    await openEnhanced(reader, `${site.url}${LEAD}`);
    expect(await reader.locator('.comments__review-first').count()).toBe(0);
    await postFromComposer(reader, `A first thought ${mark}`);
    await reader.locator('li.comment .comment__text', { hasText: `A first thought ${mark}` }).waitFor();

    await signInInBrowser(moderator, site.url, MODERATOR.email, MODERATOR.password);
    await moderator.goto(`${site.url}/admin/moderation?tab=all`);
    const item = moderator.locator('article.mod-item', { hasText: `A first thought ${mark}` });
    await item.locator('summary', { hasText: 'Reader…' }).click();
    await item.getByRole('button', { name: 'Pre-moderate this reader' }).click();
    await moderator.locator('[data-announcer]', { hasText: 'Pre-moderate this reader: done.' }).waitFor();

    await openEnhanced(reader, `${site.url}${LEAD}`);
    const notice = reader.locator('.comments__composer > .comments__review-first');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Your comments are reviewed by a moderator before they appear.');
    expect(await reader.locator('.comments__composer > .comments__review-first + form[data-action="post"]').count()).toBe(1);
    expect(await axeViolations(reader, '.comments__composer')).toEqual([]);
    await postFromComposer(reader, `A second thought ${mark}`);
    await reader.locator('li.comment', { hasText: `A second thought ${mark}` }).locator('.comment__pending').waitFor();

    for (const page of [reader, moderator]) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await Promise.all([readerContext.close(), moderatorContext.close()]);
  });

  it('features a comment from the queue: readers find it pinned under "Featured"; the dashboard counts follow the queue live', async () => {
    const [readerContext, guestContext, moderatorContext] = await Promise.all([browser.newContext({ bypassCSP: true }), browser.newContext(), browser.newContext({ bypassCSP: true })]);
    const [reader, guest, moderator] = await Promise.all([openPage(readerContext), openPage(guestContext), openPage(moderatorContext)]);
    screenshotOnFailure('moderator-tools-featured', () => [reader, guest, moderator]);

    await signInInBrowser(moderator, site.url, MODERATOR.email, MODERATOR.password);
    await moderator.goto(`${site.url}/admin`);
    const pending = moderator.locator('.dashboard-moderation [data-count="pending"]');
    const before = Number(await pending.innerText());
    expect(await axeViolations(moderator, '.dashboard-moderation')).toEqual([]);

    // A held guest comment raises the count on the open dashboard, without a reload.
    const text = `Details at www.example.org/featured-${Date.now().toString(36)}`;
    await openEnhanced(guest, `${site.url}${LEAD}`);
    await postFromComposer(guest, text, 'Fran Featured');
    await guest.locator('li.comment', { hasText: text }).locator('.comment__pending').waitFor();
    await expect.poll(async () => Number(await pending.innerText()), { timeout: 15_000 }).toBe(before + 1);
    await moderator.locator('.dashboard-moderation').getByRole('link', { name: /waiting for review/ }).click();
    await moderator.waitForURL(/\/admin\/moderation\?tab=pending/);

    // Approve it, then feature it from the queue item.
    const item = moderator.locator('article.mod-item', { hasText: text });
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);
    await moderator.goto(`${site.url}/admin/moderation?tab=all`);
    const approved = moderator.locator('article.mod-item', { hasText: text });
    await approved.getByRole('button', { name: 'Feature' }).click();
    await moderator.locator('[data-announcer]', { hasText: 'Feature: done.' }).waitFor();

    await openEnhanced(reader, `${site.url}${LEAD}`);
    const featured = reader.locator('section.comments__featured');
    await featured.getByRole('heading', { name: 'Featured' }).waitFor();
    expect(await featured.innerText()).toContain('example.org/featured-');
    expect(await axeViolations(reader, '.comments__featured')).toEqual([]);
    // The card leads to the comment in the conversation, which stays there with the same id.
    const card = featured.locator('li.comment-featured', { hasText: 'example.org/featured-' });
    const featuredId = await card.getAttribute('data-featured-id');
    await card.getByRole('link', { name: 'Read it in the conversation' }).click();
    await reader.locator(`li#c-${featuredId}`).waitFor();
    await expect.poll(() => reader.evaluate(() => document.activeElement?.id ?? location.hash)).toMatch(new RegExp(`c-${featuredId}$`));

    for (const page of [reader, guest, moderator]) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await Promise.all([readerContext.close(), guestContext.close(), moderatorContext.close()]);
  });
});
