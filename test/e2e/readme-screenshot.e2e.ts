import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, screenshotOnFailure, siteInChromium, type Site } from './harness.js';

const TARGET = join(process.cwd(), 'docs', 'screenshot-article.png');

describe('the README screenshot', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));

  it('saves the demo article page at 1280 px wide to docs/screenshot-article.png', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
    const page = await openPage(context);
    screenshotOnFailure('readme-screenshot', () => [page]);
    await page.goto(`${site.url}/articles/river-cleanup-sediment-tests`);
    await page.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    mkdirSync(join(process.cwd(), 'docs'), { recursive: true });
    // The top two screens: headline, video, the story's start; small enough to commit.
    const height = Math.min(1800, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({ path: TARGET, type: 'png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    const size = statSync(TARGET).size;
    expect(size).toBeGreaterThan(20_000);
    expect(size).toBeLessThan(1_500_000);
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
