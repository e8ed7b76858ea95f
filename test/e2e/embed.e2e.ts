import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotOnFailure, signInInBrowser, siteInChromium, startOtherOrigin, type OtherOrigin, type Site } from './harness.js';
import { DEMO_ADMIN, SiteClient } from '../../src/testing/site-client.js';

const SLUG = 'river-cleanup-sediment-tests';

function partnerPage(siteUrl: string, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>Our story about the river, with the discussion from the Ledger below.</p>
<script src="${siteUrl}/widget.js" data-tribune-article="${SLUG}" async></script>
</body></html>`;
}

describe('the comment widget embedded on another site', () => {
  let site: Site;
  let browser: Browser;
  let partner: OtherOrigin;
  let stranger: OtherOrigin;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    partner = await startOtherOrigin({ '/': partnerPage(site.url, 'Millbrook Partner Blog') });
    stranger = await startOtherOrigin({ '/': partnerPage(site.url, 'Not a partner') });
  });
  afterAll(async () => {
    await partner?.close();
    await stranger?.close();
  });

  it('lets the admin allow a partner origin in the settings screen', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-settings', () => [page]);
    await signInInBrowser(page, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.goto(`${site.url}/admin/settings`);
    const box = page.locator('#settings-comments');
    await box.getByLabel('Sites that may embed the comments').fill(partner.url);
    await box.getByRole('button', { name: 'Save comments settings' }).click();
    await page.waitForURL(/\?saved=comments/);
    expect(await page.getByText('Comments settings saved.').count()).toBe(1);
    expect(await page.locator('#settings-comments textarea[name="embedOrigins"]').inputValue()).toBe(partner.url);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('draws the discussion on the partner page from one script tag and posts a comment through it', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-partner', () => [page]);
    await page.goto(`${partner.url}/`);
    const section = page.locator('.tribune-embed section[data-tribune-comments][data-enhanced="1"]');
    await section.waitFor();
    expect(await section.locator('li.comment').count()).toBeGreaterThan(5);
    expect(await section.locator('.comment__author', { hasText: 'Tom Becker' }).count()).toBeGreaterThan(0);

    const text = `Read this on the partner blog ${Date.now().toString(36)}`;
    await section.getByLabel('Your name').fill('Paula Partner');
    await section.getByLabel('Your comment').fill(text);
    await section.getByRole('button', { name: 'Post comment' }).click();
    await section.locator('li.comment .comment__text', { hasText: text }).waitFor();
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);

    // It is a real comment on the site, under the article.
    const reader = new SiteClient(site.url);
    const listed = (await reader.get(`/api/articles/${SLUG}/comments?sort=newest`)).json<{ threads: { text?: string; html: string; author: { name: string } }[] }>();
    reader.close();
    expect(listed.threads.some((thread) => thread.author.name === 'Paula Partner' && thread.html.includes(text))).toBe(true);
    await context.close();
  });

  it('stays out of a page on an origin the site did not list', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-stranger', () => [page]);
    await page.goto(`${stranger.url}/`);
    await page.getByText('Comments could not be loaded.').waitFor();
    expect(await page.locator('li.comment').count()).toBe(0);
    await context.close();
  });
});
