import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage, recordRequests, screenshotOnFailure, siteInChromium, type Site, type TestPage } from './harness.js';

const LEAD = '/articles/river-cleanup-sediment-tests';
const LEAD_TITLE = 'Inside the Millbrook River cleanup: what the sediment tests show';

/** The comment whose own card (not its replies) shows this author, at the top level. */
function thread(page: Page, author: string): Locator {
  return page.locator('li.comment[data-depth="0"]').filter({ has: page.locator(':scope > .comment__card .comment__author', { hasText: author }) }).first();
}

function card(comment: Locator): Locator {
  return comment.locator(':scope > .comment__card');
}

async function enhanced(page: Page): Promise<void> {
  await page.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
}

describe('a reader in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));

  it('goes from the home page to the lead story: video placeholder, sources, related stories and the meter, all from the site itself', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('reader-article', () => [page]);
    const requested = recordRequests(page);
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: LEAD_TITLE }).first().click();
    await page.waitForURL(`${site.url}${LEAD}`);

    expect(await page.locator('h1.article__headline').innerText()).toBe(`${LEAD_TITLE} (Video)`);
    const placeholder = page.locator('a.video-placeholder');
    expect(await placeholder.innerText()).toContain('Play video');
    expect(await placeholder.getAttribute('data-embed')).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\//);
    const sources = page.locator('section.article__sources');
    expect(await sources.getByRole('heading').innerText()).toBe('Sources');
    expect(await sources.locator('li').count()).toBe(3);
    const related = page.locator('aside.related');
    expect(await related.getByRole('heading', { level: 2 }).innerText()).toBe('More on this topic');
    expect(await related.locator('li.teaser').count()).toBeGreaterThan(0);

    const meter = page.locator('.support-box .tribune-meter');
    expect(await meter.locator('.tribune-meter__ticks li').allInnerTexts()).toEqual(['0 $', '2,350 $', '4,700 $']);
    expect(await meter.locator('[data-meter-raised]').innerText()).toBe('1,437 $');
    expect(await page.locator('.support-box__cta').innerText()).toContain('Consider helping us!');

    // Scripts ran (widget enhanced, live streams opened), and still nothing went to another host.
    await enhanced(page);
    const foreign = requested.filter((url) => new URL(url).origin !== site.url);
    expect(foreign).toEqual([]);

    // Only a click asks for the player, and only from the privacy-enhanced host.
    await placeholder.click();
    const player = page.locator('iframe.video-frame');
    await player.waitFor({ state: 'attached' });
    expect(new URL((await player.getAttribute('src'))!).hostname).toBe('www.youtube-nocookie.com');
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
    await context.close();
  });

  it('posts a comment, replies, likes, edits within the window, deletes to a tombstone and reports one', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('reader-comments', () => [page]);
    await page.goto(`${site.url}${LEAD}`);
    await enhanced(page);
    const stamp = Date.now().toString(36);

    // A new top-level comment as a guest.
    const composer = page.locator('.comments__composer');
    await composer.getByLabel('Your name').fill('Rita Reader');
    await composer.getByLabel('Your comment').fill(`First time here: thanks for paying for your own lab tests. ${stamp}-top`);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    const mine = page.locator('li.comment').filter({ has: page.locator(':scope > .comment__card .comment__text', { hasText: `${stamp}-top` }) });
    await mine.waitFor();
    expect(await card(mine).locator('.comment__author').innerText()).toBe('Rita Reader');

    // A reply to Tom; the widget remembers the guest's name.
    const tom = thread(page, 'Tom Becker');
    await card(tom).locator('a[data-action="reply"]').click();
    const replyForm = card(tom).locator('form[data-form="reply"]');
    expect(await replyForm.getByLabel('Your name').inputValue()).toBe('Rita Reader');
    await replyForm.getByLabel('Reply to Tom Becker').fill(`Seconded, Tom. ${stamp}-reply`);
    await replyForm.getByRole('button', { name: 'Post reply' }).click();
    const reply = tom.locator('li.comment').filter({ has: page.locator(':scope > .comment__card .comment__text', { hasText: `${stamp}-reply` }) });
    await reply.waitFor();
    expect(await reply.getAttribute('data-depth')).toBe('1');

    // A like on Tom's comment: pressed, and one more.
    const like = card(tom).locator('button.comment__react');
    const before = Number(await like.locator('[data-reactions]').innerText());
    await like.click();
    await card(tom).locator('button.comment__react[aria-pressed="true"]').waitFor();
    expect(Number(await card(tom).locator('button.comment__react [data-reactions]').innerText())).toBe(before + 1);

    // An edit inside the window.
    await card(mine).locator('a[data-action="edit"]').click();
    const editForm = card(mine).locator('form[data-form="edit"]');
    expect(await editForm.getByLabel('Edit your comment').inputValue()).toContain(`${stamp}-top`);
    await editForm.getByLabel('Edit your comment').fill(`First time here: thanks for paying for independent lab tests. ${stamp}-top-edited`);
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await card(mine).locator('.comment__edited').waitFor();
    expect(await card(mine).locator('.comment__text').innerText()).toContain(`${stamp}-top-edited`);

    // Deleting the reply leaves a tombstone in its place.
    const replyId = await reply.getAttribute('data-comment-id');
    page.acceptNextDialog(/Delete this comment/);
    await card(reply).getByRole('button', { name: 'Delete' }).click();
    const tombstone = page.locator(`li#c-${replyId} > .comment__card .comment__tombstone`);
    await tombstone.waitFor();
    expect(await tombstone.innerText()).toBe('Comment deleted');

    // A report on someone else's comment.
    const riverRat = thread(page, 'Old River Rat');
    await card(riverRat).locator('a[data-action="report"]').click();
    const report = card(riverRat).locator('form[data-form="report"]');
    await report.getByLabel('Spam').check();
    await report.getByRole('button', { name: 'Send report' }).click();
    await card(riverRat).getByText('Thank you. A moderator will look at this comment.').waitFor();

    // The server kept all of it: after a reload the page says the same.
    await page.reload();
    await enhanced(page);
    expect(await card(mine).locator('.comment__text').innerText()).toContain(`${stamp}-top-edited`);
    // Tom's thread shows its first replies; the newest are one click away.
    await thread(page, 'Tom Becker').locator(':scope > .comment__more a[data-more-replies]').click();
    expect(await page.locator(`li#c-${replyId} > .comment__card .comment__tombstone`).innerText()).toBe('Comment deleted');
    await card(thread(page, 'Tom Becker')).locator('button.comment__react[aria-pressed="true"]').waitFor();
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
    await context.close();
  });

  it('shows comments posted in one page in another open page without a reload', async () => {
    const [contextA, contextB] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [writer, watcher] = await Promise.all([openPage(contextA), openPage(contextB)]);
    screenshotOnFailure('reader-live', () => [writer, watcher]);
    const streaming = watcher.waitForResponse((response) => new URL(response.url()).pathname === '/api/live');
    await Promise.all([writer.goto(`${site.url}${LEAD}`), watcher.goto(`${site.url}${LEAD}`)]);
    await Promise.all([enhanced(writer), enhanced(watcher), streaming]);
    await watcher.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // Two comments while the watcher reads: both wait behind one bar, and one click shows both.
    const texts = [`Live from the other tab ${Date.now().toString(36)}`, `And a second one ${Date.now().toString(36)}`];
    const composer = writer.locator('.comments__composer');
    for (const text of texts) {
      await composer.getByLabel('Your name').fill('Wes Writer');
      await composer.getByLabel('Your comment').fill(text);
      await composer.getByRole('button', { name: 'Post comment' }).click();
      await writer.locator('li.comment .comment__text', { hasText: text }).waitFor();
    }

    const bar = watcher.getByRole('button', { name: /Show 2 new comments/ });
    await bar.waitFor({ timeout: 10_000 });
    await bar.click();
    for (const text of texts) await watcher.locator('li.comment .comment__text', { hasText: text }).waitFor();
    expect(await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    for (const page of [writer, watcher] as TestPage[]) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await Promise.all([contextA.close(), contextB.close()]);
  });

  it('reads the article, its meter and first comments with JavaScript off, and can still comment', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await openPage(context);
    screenshotOnFailure('reader-no-js', () => [page]);
    await page.goto(`${site.url}${LEAD}`);
    expect(await page.locator('h1.article__headline').innerText()).toContain(LEAD_TITLE);
    expect(await page.locator('.article__body').innerText()).toContain('What improved');
    const meter = page.locator('.support-box .tribune-meter');
    expect(await meter.locator('[data-meter-raised]').innerText()).toBe('1,437 $');
    expect(await meter.locator('.tribune-meter__ticks li').allInnerTexts()).toEqual(['0 $', '2,350 $', '4,700 $']);
    expect(await page.locator('li.comment').count()).toBeGreaterThanOrEqual(10);
    expect(await card(thread(page, 'Tom Becker')).locator('.comment__text').innerText()).toContain('8% agreement');
    expect(await page.locator('section[data-tribune-comments]').getAttribute('data-enhanced')).toBeNull();

    // The plain form posts and the server redirects back to the new comment.
    const text = `Posted without JavaScript ${Date.now().toString(36)}`;
    const composer = page.locator('.comments__composer');
    await composer.getByLabel('Your name').fill('Nora NoScript');
    await composer.getByLabel('Your comment').fill(text);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(/[?&]comment=/);
    await page.locator('li.comment .comment__text', { hasText: text }).waitFor();
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
