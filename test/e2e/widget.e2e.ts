import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openPage, screenshotOnFailure, signInInBrowser, signInReaderInBrowser, siteInChromium, type Site, type TestPage } from './harness.js';
import { DEMO_ADMIN } from '../../src/testing/site-client.js';

const LEAD = '/articles/river-cleanup-sediment-tests';
/** A word the admin lists as suspect: comments with it are held, after the reader is asked to reconsider. */
const SUSPECT = 'zorblax';

async function enhanced(page: Page): Promise<void> {
  await page.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
}

function card(comment: Locator): Locator {
  return comment.locator(':scope > .comment__card');
}

function commentWith(page: Page, text: string): Locator {
  return page.locator('li.comment').filter({ has: page.locator(':scope > .comment__card .comment__text', { hasText: text }) });
}

function thread(page: Page, author: string): Locator {
  return page.locator('li.comment[data-depth="0"]').filter({ has: page.locator(':scope > .comment__card .comment__author', { hasText: author }) }).first();
}

async function post(page: Page, text: string, name?: string): Promise<Locator> {
  const composer = page.locator('.comments__composer');
  if (name !== undefined) await composer.getByLabel('Your name').fill(name);
  await composer.getByLabel('Your comment').fill(text);
  await composer.getByRole('button', { name: 'Post comment' }).click();
  const mine = commentWith(page, text);
  await mine.waitFor();
  return mine;
}

/**
 * A comment and its replies as structure: every element with its classes and attributes, without text
 * (times read "now" and "1 minute ago") and without what only says when it was drawn or focused.
 */
function shapeOf(page: Page, id: string): Promise<string> {
  return page.evaluate((commentId) => {
    const TRANSIENT_CLASSES = new Set(['comment--new', 'comment--focus']);
    const TRANSIENT_ATTRIBUTES = new Set(['title', 'tabindex', 'value']);
    const walk = (node: Element): string => {
      const attributes = Array.from(node.attributes)
        .filter((attribute) => !TRANSIENT_ATTRIBUTES.has(attribute.name))
        .map((attribute) => `${attribute.name}="${attribute.name === 'class' ? attribute.value.split(' ').filter((name) => !TRANSIENT_CLASSES.has(name)).join(' ') : attribute.value}"`)
        .sort();
      return `<${node.localName} ${attributes.join(' ')}>${Array.from(node.children).map(walk).join('')}</${node.localName}>`;
    };
    return walk(document.getElementById(`c-${commentId}`)!);
  }, id);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the comment widget in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    await signInInBrowser(page, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.goto(`${site.url}/admin/settings`);
    const box = page.locator('#settings-moderation');
    await box.getByLabel('Suspect words (held for review)').fill(SUSPECT);
    await box.getByRole('button', { name: 'Save moderation settings' }).click();
    await page.waitForURL(/\?saved=moderation/);
    await context.close();
  });

  it('remembers a guest’s name for the next comment and after a reload, and lets them change it', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('widget-guest-name', () => [page]);
    await page.goto(`${site.url}${LEAD}`);
    await enhanced(page);
    const composer = page.locator('.comments__composer');
    expect(await composer.getByLabel('Your name').inputValue()).toBe('');

    const first = await post(page, `Good reporting ${Date.now().toString(36)}`, 'Gina Guest');
    expect(await card(first).locator('.comment__author').innerText()).toBe('Gina Guest');
    // The composer is ready for the next one: the text gone, the name kept.
    expect(await composer.getByLabel('Your comment').inputValue()).toBe('');
    expect(await composer.getByLabel('Your name').inputValue()).toBe('Gina Guest');
    const second = await post(page, `And a second thought ${Date.now().toString(36)}`);
    expect(await card(second).locator('.comment__author').innerText()).toBe('Gina Guest');

    // After a reload, in the composer and in a reply form.
    await page.reload();
    await enhanced(page);
    expect(await composer.getByLabel('Your name').inputValue()).toBe('Gina Guest');
    const tom = thread(page, 'Tom Becker');
    await card(tom).locator('a[data-action="reply"]').click();
    expect(await card(tom).locator('form[data-form="reply"]').getByLabel('Your name').inputValue()).toBe('Gina Guest');
    await card(tom).locator('form[data-form="reply"]').getByRole('button', { name: 'Cancel' }).click();

    // Changed once, the new name is the one kept.
    const renamed = await post(page, `Signing this one differently ${Date.now().toString(36)}`, 'Gina G.');
    expect(await card(renamed).locator('.comment__author').innerText()).toBe('Gina G.');
    await page.reload();
    await enhanced(page);
    expect(await composer.getByLabel('Your name').inputValue()).toBe('Gina G.');
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('after “Post anyway” takes the warning away and shows the held comment as awaiting review', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('widget-post-anyway', () => [page]);
    await page.goto(`${site.url}${LEAD}`);
    await enhanced(page);
    const composer = page.locator('.comments__composer');
    const text = `You are a ${SUSPECT}, frankly ${Date.now().toString(36)}`;
    await composer.getByLabel('Your name').fill('Nadia Nudged');
    await composer.getByLabel('Your comment').fill(text);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    const warning = composer.getByRole('alert');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('This may break our rules');
    expect(await commentWith(page, text).count()).toBe(0);

    await warning.getByRole('button', { name: 'Post anyway' }).click();
    const held = commentWith(page, text);
    await held.waitFor();
    expect(await held.getAttribute('class')).toContain('comment--pending');
    expect(await card(held).locator('.comment__pending').innerText()).toBe('Awaiting review');
    expect(await composer.locator('.comments__error').count()).toBe(0);
    expect(await composer.getByLabel('Your comment').inputValue()).toBe('');
    // Not counted while it waits, and still there for its author after a reload.
    await page.reload();
    await enhanced(page);
    await card(commentWith(page, text)).locator('.comment__pending', { hasText: 'Awaiting review' }).waitFor();
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('closes reply, edit and report forms with Cancel and gives focus back to the link that opened them', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('widget-cancel', () => [page]);
    await page.goto(`${site.url}${LEAD}`);
    await enhanced(page);
    const mine = await post(page, `Something to edit ${Date.now().toString(36)}`, 'Carl Cancel');
    const tom = thread(page, 'Tom Becker');
    for (const [comment, action, kind] of [[tom, 'reply', 'reply'], [tom, 'report', 'report'], [mine, 'edit', 'edit']] as const) {
      await card(comment).locator(`a[data-action="${action}"]`).click();
      const form = card(comment).locator(`form[data-form="${kind}"]`);
      await form.waitFor();
      await form.getByRole('button', { name: 'Cancel' }).click();
      await form.waitFor({ state: 'detached' });
      expect(await focusedText(page)).toBe(action[0].toUpperCase() + action.slice(1));
    }

    // Without JavaScript the server's form (?reply=ID) has a Cancel link back to the comment.
    const plain = await openPage(await browser.newContext({ javaScriptEnabled: false }));
    screenshotOnFailure('widget-cancel-no-js', () => [plain]);
    const tomId = await tom.getAttribute('data-comment-id');
    await plain.goto(`${site.url}${LEAD}?reply=${tomId}#c-${tomId}`);
    const replyForm = plain.locator(`li#c-${tomId} > .comment__card form.comment-form`);
    await replyForm.getByLabel('Reply to Tom Becker').waitFor();
    await replyForm.getByRole('link', { name: 'Cancel' }).click();
    await plain.waitForURL(new RegExp(`\\?comment=${tomId}#c-${tomId}$`));
    expect(await plain.locator(`li#c-${tomId} > .comment__card form.comment-form`).count()).toBe(0);
    await plain.context().close();
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('shows readers the likes on their own comments without a Like button, refuses their like, and counts others’ live', async () => {
    const [authorContext, fanContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [author, fan] = (await Promise.all([openPage(authorContext), openPage(fanContext)])) as [TestPage, TestPage];
    screenshotOnFailure('widget-own-like', () => [author, fan]);
    await signInReaderInBrowser(author, site, 'olive.own@example.org');
    await author.goto(`${site.url}${LEAD}`);
    await enhanced(author);
    const text = `A comment of my own ${Date.now().toString(36)}`;
    const mine = await post(author, text);
    expect(await card(mine).locator('button.comment__react').count()).toBe(0);
    expect(await card(mine).locator('.comment__likes').innerText()).toBe('♥ 0 likes');
    // Others’ comments have the button, named by what it shows.
    expect(await card(thread(author, 'Tom Becker')).getByRole('button', { name: /^Like \d+$/ }).count()).toBe(1);

    // The server refuses the like even when asked directly.
    const id = await mine.getAttribute('data-comment-id');
    const refused = await author.evaluate(async (commentId) => {
      const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
      const response = await fetch(`/api/comments/${commentId}/reactions`, { method: 'POST', headers: { 'x-csrf-token': csrf, accept: 'application/json' } });
      return { status: response.status, body: await response.json() };
    }, id);
    expect(refused).toEqual({ status: 403, body: { error: 'OWN_COMMENT_REACTION', message: 'You cannot like your own comment.' } });

    // Someone else likes it; the author's open page counts it, still with no button, also after a reload.
    await fan.goto(`${site.url}${LEAD}`);
    await enhanced(fan);
    await card(commentWith(fan, text)).getByRole('button', { name: 'Like 0' }).click();
    await card(commentWith(fan, text)).getByRole('button', { name: 'Like 1', pressed: true }).waitFor();
    await card(mine).locator('.comment__likes', { hasText: '♥ 1 like' }).waitFor();
    await author.reload();
    await enhanced(author);
    expect(await card(commentWith(author, text)).locator('.comment__likes').innerText()).toBe('♥ 1 like');
    expect(await card(commentWith(author, text)).locator('button.comment__react').count()).toBe(0);
    for (const page of [author, fan]) expect(page.errors).toEqual([]);
    await Promise.all([authorContext.close(), fanContext.close()]);
  });

  it('draws a live-inserted comment and reply with the very markup the server sends for them', async () => {
    const [writerContext, readerContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [writer, reader] = (await Promise.all([openPage(writerContext), openPage(readerContext)])) as [TestPage, TestPage];
    screenshotOnFailure('widget-same-markup', () => [writer, reader]);
    // The reader follows the newest comments, where a new thread appears at the top, drawn by the widget.
    const streaming = reader.waitForResponse((response) => response.url().includes('/api/live'));
    await reader.goto(`${site.url}${LEAD}?sort=newest`);
    await enhanced(reader);
    await streaming;
    await writer.goto(`${site.url}${LEAD}`);
    await enhanced(writer);
    const text = `Same markup on every page ${Date.now().toString(36)}`;
    const posted = await post(writer, text, 'Sam Shape');
    const id = (await posted.getAttribute('data-comment-id'))!;
    await reader.getByRole('button', { name: 'Show 1 new comment' }).click();
    await reader.locator(`li#c-${id}`).waitFor();
    await card(posted).locator('a[data-action="reply"]').click();
    const replyForm = card(posted).locator('form[data-form="reply"]');
    await replyForm.getByLabel('Reply to Sam Shape').fill(`An answer ${Date.now().toString(36)}`);
    await replyForm.getByRole('button', { name: 'Post reply' }).click();
    await reader.locator(`li#c-${id} [data-replies] > li.comment`).waitFor();

    const live = await shapeOf(reader, id);
    await reader.reload();
    await enhanced(reader);
    const served = await shapeOf(reader, id);
    expect(live).toContain('comment-replies');
    expect(live).toBe(served);
    for (const page of [writer, reader]) expect(page.errors).toEqual([]);
    await Promise.all([writerContext.close(), readerContext.close()]);
  });

  it('keeps the account page’s checkbox on the line of its label', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('widget-account', () => [page]);
    await signInReaderInBrowser(page, site, 'carla.checkbox@example.org');
    await page.goto(`${site.url}/account`);
    const box = page.getByRole('checkbox', { name: /Email me when someone replies/ });
    const label = page.locator('label.checkbox', { has: box });
    const [boxArea, labelArea] = await Promise.all([box.boundingBox(), label.boundingBox()]);
    // The box sits at the start of its label's first line, the text right beside it.
    expect(boxArea!.width).toBeLessThan(40);
    expect(boxArea!.x - labelArea!.x).toBeLessThan(4);
    expect(boxArea!.y - labelArea!.y).toBeLessThan(12);
    const textStart = await label.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element.lastChild!);
      return range.getBoundingClientRect().left;
    });
    expect(textStart - (boxArea!.x + boxArea!.width)).toBeLessThan(20);
    expect(textStart - (boxArea!.x + boxArea!.width)).toBeGreaterThan(0);
    await context.close();
  });
});
