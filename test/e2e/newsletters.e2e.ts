import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/testing/smtp-catcher.js';
import { DEMO_ADMIN } from '../../src/testing/site-client.js';
import { launchBrowser, openPage, screenshotOnFailure, signInInBrowser, startSite, type Site } from './harness.js';

const LEAD = '/articles/river-cleanup-sediment-tests';
const READER = 'newsletter.reader@example.org';

function linkIn(text: string, path: string): string {
  const link = new RegExp(`https?://\\S+${path.replace(/[/?]/g, '\\$&')}\\?token=\\S+`).exec(text)?.[0];
  if (!link) throw new Error(`no ${path} link in:\n${text}`);
  return link;
}

describe('newsletters in Chromium', () => {
  let site: Site;
  let browser: Browser;
  let catcher: SmtpCatcher;
  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    [site, browser] = await Promise.all([startSite({ TRIBUNE_MAIL_TRANSPORT: catcher.url }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await catcher?.close();
  });

  it('a reader subscribes under an article, confirms from the mail and changes newsletters by the signed link', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('newsletter-reader', () => [page]);
    await page.goto(`${site.url}${LEAD}`);
    const box = page.locator('section.subscribe-box');
    await box.getByLabel('Weekly analysis').check();
    await box.getByLabel('Email address').fill(READER);
    await box.getByRole('button', { name: 'Subscribe' }).click();
    await page.waitForURL(/\/newsletters\/check-email$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Check your inbox');

    await catcher.waitFor(() => catcher.messagesTo(READER).length === 1);
    const confirmation = catcher.messagesTo(READER)[0];
    expect(confirmation.text).toContain('Daily brief, Weekly analysis');
    await page.goto(linkIn(confirmation.text, '/newsletters/confirm'));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You are subscribed');

    await page.getByRole('link', { name: 'Choose your newsletters' }).click();
    await page.waitForURL(/\/newsletters\/preferences\?token=/);
    expect(await page.getByLabel('Daily brief').isChecked()).toBe(true);
    await page.getByLabel('Daily brief').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await page.getByLabel('Daily brief').isChecked()).toBe(false);
    expect(await page.getByLabel('Weekly analysis').isChecked()).toBe(true);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('an editor previews a newsletter, sends a test to themselves, then sends it and sees it go out', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('newsletter-editor', () => [page]);
    await signInInBrowser(page, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.goto(`${site.url}/admin/newsletters`);
    expect(await page.locator('.notice', { hasText: 'does not track opens or clicks' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Write a newsletter' }).click();
    await page.getByLabel('Newsletter').selectOption({ label: 'Weekly analysis' });
    const lead = page.locator('label', { hasText: /river|sediment/i }).first();
    const title = (await lead.innerText()).trim();
    await lead.locator('input').check();
    await page.getByRole('button', { name: 'Save and preview' }).click();
    await page.waitForURL(/\/admin\/newsletters\/sends\/[0-9a-z]+$/);

    const preview = page.frameLocator('iframe.newsletter-preview');
    await preview.locator('h1', { hasText: title }).waitFor();
    expect(await preview.getByText('Support our journalism').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: /Send a test to/ }).click();
    await page.getByText(`A test was sent to ${DEMO_ADMIN.email}.`).waitFor();
    await catcher.waitFor(() => catcher.messagesTo(DEMO_ADMIN.email).some((mail) => mail.subject.startsWith('[Test]')));
    expect(catcher.messagesTo(READER)).toHaveLength(1);

    await page.getByRole('button', { name: 'Send to subscribers' }).click();
    await page.getByText('Handed to the queue.').waitFor();
    await catcher.waitFor(() => catcher.messagesTo(READER).length === 2);
    const newsletter = catcher.messagesTo(READER)[1];
    expect(newsletter.subject).toBe(title);
    expect(newsletter.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // The page refreshes itself while sending; it ends on the finished count.
    await page.locator('[data-progress-line]', { hasText: '1 of 1 sent' }).waitFor({ timeout: 60_000 });
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
