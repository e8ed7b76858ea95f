import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { openPage, screenshotOnFailure, signInInBrowser, signInReaderInBrowser, siteInChromium, type Site } from './harness.js';
import { DEMO_ADMIN } from '../../src/testing/site-client.js';

const LEAD = '/articles/river-cleanup-sediment-tests';

/** axe over the page as loaded (scripts done: the widget enhanced, the meter live), in both colour schemes. */
async function expectNoViolations(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations, passes } = await axeViolations(page);
    expect(violations, `${what} (${colorScheme}): ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    // It really looked: a page axe found nothing to check in would pass vacuously.
    expect(passes, what).toBeGreaterThan(10);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (await page.locator('section[data-tribune-comments]').count()) await page.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
}

describe('axe-core in Chromium finds no accessibility violations', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));

  async function withPage(name: string, run: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure(name, () => [page]);
    await run(page, context);
    expect(page.errors).toEqual([]);
    await context.close();
  }

  it('on the home, article and donate pages for a visitor, the article with its video player too', async () => {
    await withPage('axe-public', async (page) => {
      await visit(page, `${site.url}/`);
      await expectNoViolations(page, 'home');
      await visit(page, `${site.url}${LEAD}`);
      await expectNoViolations(page, 'article');

      // The player a click loads is named after the story, not after the placeholder's "Play video".
      await page.locator('a.video-placeholder').click();
      const player = page.locator('iframe.video-frame');
      await player.waitFor({ state: 'attached' });
      expect(await player.getAttribute('title')).toBe('Video: Inside the Millbrook River cleanup: what the sediment tests show');
      await expectNoViolations(page, 'article with the player');

      await visit(page, `${site.url}/donate`);
      await expectNoViolations(page, 'donate');
    });
  });

  it('on the reader’s sign-in, link-sent and account pages, and the article as a signed-in reader', async () => {
    await withPage('axe-reader', async (page) => {
      // Readers find the sign-in in the site header, on every page.
      await visit(page, `${site.url}${LEAD}`);
      const signIn = page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sign in' });
      expect(await signIn.isVisible()).toBe(true);
      await signIn.click();
      await page.waitForURL(`${site.url}/account`);
      await expectNoViolations(page, 'sign-in');
      await signInReaderInBrowser(page, site, 'axe.reader@example.org');
      await visit(page, `${site.url}/account`);
      await page.getByRole('heading', { name: 'Your reader account' }).waitFor();
      await expectNoViolations(page, 'account');
      await visit(page, `${site.url}${LEAD}`);
      await expectNoViolations(page, 'article, signed in');

      await page.context().clearCookies();
      await visit(page, `${site.url}/account`);
      await page.getByLabel('Email').fill('axe.again@example.org');
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await page.getByText('axe.again@example.org').waitFor();
      await expectNoViolations(page, 'link sent');
    });
  });

  it('on the moderation queue and the admin screens', async () => {
    await withPage('axe-admin', async (page) => {
      await signInInBrowser(page, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
      const screens = ['/admin', '/admin/articles', '/admin/articles/new', '/admin/moderation', '/admin/moderation?tab=reported', '/admin/settings', '/admin/users', '/admin/topics', '/admin/donations', '/admin/account'];
      for (const path of screens) {
        await visit(page, `${site.url}${path}`);
        await expectNoViolations(page, path);
      }
      await visit(page, `${site.url}/admin/articles`);
      await page.getByRole('link', { name: 'Inside the Millbrook River cleanup: what the sediment tests show' }).first().click();
      await page.getByRole('heading', { name: 'Edit article' }).waitFor();
      await expectNoViolations(page, 'article editor');
      await visit(page, `${site.url}/admin/moderation`);
      await page.locator('.mod-item h3 a').first().click();
      await page.waitForURL(/\/admin\/moderation\/comments\//);
      await expectNoViolations(page, 'a held comment');
    });
  });
});
