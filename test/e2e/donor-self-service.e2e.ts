import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/testing/smtp-catcher.js';
import { launchBrowser, openPage, screenshotOnFailure, startSite, type Site } from './harness.js';

describe('a monthly donor managing their gift in Chromium (demo checkout)', () => {
  let smtp: SmtpCatcher;
  let site: Site;
  let browser: Browser;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    [site, browser] = await Promise.all([startSite({ TRIBUNE_MAIL_TRANSPORT: smtp.url }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await smtp?.close();
  });

  it('gives monthly, opens the page from the receipt, changes the amount, pauses, hides from the wall and cancels', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('donor-self-service', () => [page]);

    await page.goto(`${site.url}/donate`);
    await page.locator('#custom-amount').fill('20');
    await page.getByLabel('Every month').check();
    await page.locator('#public-name').fill('Morgan Monthly');
    await page.locator('#donor-email').fill('morgan@readers.test');
    await page.getByRole('button', { name: /Demo checkout/ }).click();
    await page.waitForURL(/\/donate\/thanks\?intent=/);
    expect(await page.locator('[data-meter-raised]').innerText()).toBe('1,457 $');

    // The receipt arrives over SMTP and carries the link to the donor's page.
    const [receipt] = await smtp.waitFor((mails) => mails.some((mail) => mail.to.includes('morgan@readers.test'))).then(() => smtp.messagesTo('morgan@readers.test'));
    expect(receipt.subject).toContain('20 $');
    const link = /http:\/\/\S+\/donate\/manage\?token=\S+/.exec(receipt.text)?.[0];
    expect(link).toBeDefined();
    const pageUrl = new URL(link!);
    await page.goto(`${site.url}${pageUrl.pathname}${pageUrl.search}`);
    const gift = page.locator('.donor-gift').first();
    expect(await gift.locator('.donor-gift__title').innerText()).toBe('20 $ a month Active');

    await gift.getByLabel(/New monthly amount/).fill('25');
    await gift.getByRole('button', { name: 'Change amount' }).click();
    await page.getByRole('status').filter({ hasText: 'next payment is taken at the new amount' }).waitFor();
    expect(await page.locator('.donor-gift__title').first().innerText()).toBe('25 $ a month Active');

    await page.getByRole('button', { name: 'Pause my monthly gift' }).click();
    await page.getByRole('status').filter({ hasText: 'paused' }).waitFor();
    expect(await page.locator('.donor-gift__state').first().innerText()).toBe('Paused');
    await page.getByRole('button', { name: 'Resume my monthly gift' }).click();
    await page.getByRole('status').filter({ hasText: 'running again' }).waitFor();

    // On the wall until the donor says otherwise.
    const wall = await context.newPage();
    await wall.goto(`${site.url}/donate`);
    expect(await wall.locator('section.donor-wall').innerText()).toContain('Morgan Monthly');
    await page.getByLabel('Stay anonymous').check();
    await page.locator('.donor-gift__wall').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'donor wall is saved' }).waitFor();
    await wall.reload();
    expect(await wall.locator('main').innerText()).not.toContain('Morgan Monthly');

    await page.getByRole('button', { name: 'Cancel my monthly gift' }).click();
    await page.getByRole('status').filter({ hasText: 'cancelled' }).waitFor();
    expect(await page.locator('.donor-gift__state').first().innerText()).toBe('Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel my monthly gift' }).count()).toBe(0);
    // What was paid stays paid: the meter keeps the first month.
    await wall.reload();
    expect(await wall.locator('[data-meter-raised]').innerText()).toBe('1,457 $');

    // The yearly statement, printable.
    await page.getByRole('button', { name: 'Printable page' }).click();
    await page.waitForURL(/\/donate\/manage\/statement\?/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Giving statement \d{4}$/);
    expect(await page.locator('tfoot').innerText()).toContain('20 $');

    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
    await context.close();
  });
});
