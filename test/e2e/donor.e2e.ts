import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotOnFailure, siteInChromium, type Site } from './harness.js';

const LEAD = '/articles/river-cleanup-sediment-tests';

describe('a donor in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));

  it('gives through the demo checkout from under an article, and the open article page meter moves', async () => {
    const context = await browser.newContext();
    const reading = await openPage(context);
    const giving = await openPage(context);
    screenshotOnFailure('donor', () => [reading, giving]);

    // The reader who stays on the article: its meter follows the site's live stream.
    const meterStream = reading.waitForResponse((response) => new URL(response.url()).pathname === '/api/live' && response.url().includes('meter=1'));
    await reading.goto(`${site.url}${LEAD}`);
    await meterStream;
    const readingRaised = reading.locator('.support-box [data-meter-raised]');
    expect(await readingRaised.innerText()).toBe('1,437 $');

    await giving.goto(`${site.url}${LEAD}`);
    const box = giving.locator('aside.support-box');
    expect(await box.getByRole('heading').innerText()).toContain('Consider helping us!');
    await box.getByRole('link', { name: 'Donate' }).click();
    await giving.waitForURL(/\/donate\?article=river-cleanup-sediment-tests$/);

    await giving.locator('#custom-amount').fill('63');
    await giving.locator('#public-name').fill('Dana Donor');
    await giving.locator('#donor-message').fill('For the sediment tests.');
    await giving.getByRole('button', { name: /Demo checkout/ }).click();
    await giving.waitForURL(/\/donate\/thanks\?intent=/);
    expect(await giving.getByRole('heading', { level: 1 }).innerText()).toBe('Thank you!');
    expect(await giving.locator('.donate--thanks').innerText()).toContain('Demo gift recorded');
    expect(await giving.locator('[data-meter-raised]').innerText()).toBe('1,500 $');

    // The article page that stayed open shows the new total without a reload.
    await reading.locator('.support-box [data-meter-raised]', { hasText: '1,500 $' }).waitFor();
    expect(await reading.locator('.support-box [data-meter-percent]').innerText()).toBe(String(Math.floor((150_000 / 470_000) * 100)));

    // The gift is on the donor wall, with the article remembered in the ledger's intent.
    await giving.goto(`${site.url}/donate`);
    const wall = giving.locator('section.donor-wall');
    expect(await wall.locator('li', { hasText: 'Dana Donor' }).innerText()).toContain('For the sediment tests.');
    for (const page of [reading, giving]) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await context.close();
  });
});
