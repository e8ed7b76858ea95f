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

  it('an editor composes a newsletter and previews it as subscribers will see it', async () => {
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

    // Open defect (issue #15's note): from Chromium against a real server process, the send page's
    // POSTs (test copy, send) do not complete. Sending is proved in src/newsletters/newsletters.test.ts,
    // test/faults/newsletter-send.fault.ts and src/newsletters/sending.scaleout.ts; this journey stops
    // at the preview until that is fixed.
    expect(await page.getByRole('button', { name: /Send a test to/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send to subscribers' }).count()).toBe(1);
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
