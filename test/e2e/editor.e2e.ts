import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotOnFailure, signInInBrowser, siteInChromium, type Site } from './harness.js';

const run = promisify(execFile);
const EDITOR = { email: 'erin.editor@tribune.test', password: 'erin-writes-the-news', name: 'Erin Editor' };

/** `tribune user add`, as an operator would run it against the site's data folder while it serves. */
async function addEditor(site: Site): Promise<void> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'user', 'add', '--email', EDITOR.email, '--role', 'editor', '--name', EDITOR.name, '--password', EDITOR.password],
    { env: { ...process.env, TRIBUNE_DATA_DIR: site.dataDir, TRIBUNE_LOG_LEVEL: 'warn' }, timeout: 30_000 },
  );
  expect(stdout).toContain(`Added editor ${EDITOR.email}`);
}

/** `datetime-local` wall time in UTC (the demo site's zone), rounded to the minute. */
function wallTime(date: Date): string {
  return date.toISOString().slice(0, 16);
}

describe('an editor in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    await addEditor(site);
  });

  it('writes, previews, schedules and then publishes an article that appears on the home page', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('editor', () => [page]);
    await signInInBrowser(page, site.url, EDITOR.email, EDITOR.password);
    expect(new URL(page.url()).pathname).toBe('/admin');

    const headline = `Floodgate repairs finish a month early ${Date.now().toString(36)}`;
    await page.goto(`${site.url}/admin/articles/new`);
    await page.locator('#title').fill(headline);
    await page.locator('#summary').fill('The Fifth Street floodgate is back in service before the spring melt.');
    await page.locator('#body').fill('Crews closed the last gap on Tuesday.\n\n## What changed\n\n- New **steel seals**\n- A second pump');
    await page.getByLabel('Environment', { exact: true }).check();
    await page.getByLabel('Source 1 name', { exact: true }).fill('Public works bulletin');
    await page.getByLabel('Source 1 address', { exact: true }).fill('https://example.org/public-works/floodgate');

    // The preview renders the same sanitised Markdown the article page will show, without leaving the form.
    await page.getByRole('button', { name: 'Preview body' }).click();
    const preview = page.locator('#body-preview');
    await preview.locator('h2', { hasText: 'What changed' }).waitFor();
    expect(await preview.locator('strong').innerText()).toBe('steel seals');
    expect(await page.locator('#title').inputValue()).toBe(headline);

    // Scheduled two hours ahead: saved, not public yet.
    await page.locator('#publishedAt').fill(wallTime(new Date(Date.now() + 2 * 3_600_000)));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.waitForURL(/\/admin\/articles\/[^/?]+\?done=scheduled$/);
    expect(await page.locator('.status-line').innerText()).toContain('Scheduled');
    const editorUrl = page.url().replace(/\?.*$/, '');

    await page.goto(`${site.url}/`);
    expect(await page.getByRole('link', { name: headline }).count()).toBe(0);

    // Publish now: it goes live at once and leads the home page.
    await page.goto(editorUrl);
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(/\?done=published$/);
    expect(await page.locator('.status-line').innerText()).toContain('Published');

    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: headline }).first().click();
    await page.waitForURL(/\/articles\/floodgate-repairs-finish-a-month-early/);
    expect(await page.locator('h1.article__headline').innerText()).toBe(headline);
    expect(await page.locator('.article__body h2').innerText()).toBe('What changed');
    expect(await page.locator('.article__dateline').innerText()).toContain(EDITOR.name);
    expect(await page.locator('section.article__sources li').innerText()).toContain('Public works bulletin');
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
    await context.close();
  });
});
