import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshotOnFailure, startSite, type Site } from './harness.js';

describe('staff sign-in in a browser', () => {
  let site: Site;
  let browser: Browser;
  beforeAll(async () => {
    [site, browser] = await Promise.all([startSite(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('signs the demo admin in through the login form', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('sign-in', () => [page]);
    await page.goto(`${site.url}/login`);
    await page.getByLabel('Email').fill('admin@tribune.test');
    await page.getByLabel('Password').fill('tribune-demo-admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin/);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
