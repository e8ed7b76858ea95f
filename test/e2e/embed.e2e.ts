import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { openPage, screenshotOnFailure, signInInBrowser, signInReaderInBrowser, siteInChromium, startOtherOrigin, type OtherOrigin, type Site, type TestPage } from './harness.js';
import { DEMO_ADMIN, SiteClient } from '../../src/testing/site-client.js';

const SLUG = 'river-cleanup-sediment-tests';
/** What a partner's own stylesheet might do to everything on its page, the widget included if it could. */
const HOSTILE_CSS = 'a{color:red!important} *{font-size:40px!important} :root{--accent:#00ff00;--fg:#ff00ff;--line:#00ff00} .comment__card{border-top:9px solid blue}';

function partnerPage(title: string, snippet: string, css = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${css ? `<style>${css}</style>` : ''}</head>
<body><main><h1>${title}</h1><p>Our story about the river, with <a href="/about" id="host-link">the discussion</a> from the Ledger below.</p>
<div class="comment__card" id="host-card">The partner's own box with a class name the widget also uses.</div>
${snippet}
</main></body></html>`;
}

/** The embedded section, inside the widget's shadow root (Playwright's locators pierce open shadow roots). */
const embedded = (page: Page) => page.locator('.tribune-embed section[data-tribune-comments][data-enhanced="1"]');

async function styleOf(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
}

describe('the comment widget embedded on another site', () => {
  let site: Site;
  let browser: Browser;
  let partner: OtherOrigin;
  let stranger: OtherOrigin;
  /** The partner's pages, filled in as the admin hands out snippets; the server reads it per request. */
  const pages: Record<string, string> = {};
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    const tag = `<script src="${site.url}/widget.js" data-tribune-article="${SLUG}" async></script>`;
    pages['/'] = partnerPage('Millbrook Partner Blog', tag);
    partner = await startOtherOrigin(pages);
    stranger = await startOtherOrigin({ '/': partnerPage('Not a partner', tag) });
  });
  afterAll(async () => {
    await partner?.close();
    await stranger?.close();
  });

  async function adminPage(): Promise<{ page: TestPage; context: BrowserContext }> {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await openPage(context);
    await signInInBrowser(page, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
    return { page, context };
  }

  it('lets the admin allow a partner origin in the settings screen', async () => {
    const { page, context } = await adminPage();
    screenshotOnFailure('embed-settings', () => [page]);
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

  it('hands out the snippet for an article and for a whole site, each with a copy button that works', async () => {
    const { page, context } = await adminPage();
    screenshotOnFailure('embed-snippets', () => [page]);
    await page.goto(`${site.url}/admin/articles`);
    await page.getByRole('link', { name: 'Inside the Millbrook River cleanup: what the sediment tests show' }).first().click();
    const articleBox = page.locator('.embed-box');
    const articleSnippet = await articleBox.getByLabel('Paste this where the comments should appear on the other site').inputValue();
    expect(articleSnippet).toBe(`<script src="${site.url}/widget.js" data-tribune-article="${SLUG}" async></script>`);
    await articleBox.getByRole('button', { name: 'Copy' }).click();
    await articleBox.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(articleSnippet);

    await page.goto(`${site.url}/admin/settings`);
    const siteBox = page.locator('#settings-comments .embed-snippet');
    const siteSnippet = await siteBox.getByLabel('Code for a whole site').inputValue();
    expect(siteSnippet).toContain(`<script src="${site.url}/widget.js" async></script>`);
    expect(siteSnippet).toContain('<div data-tribune-article="ARTICLE-SLUG"></div>');
    await siteBox.getByRole('button', { name: 'Copy' }).click();
    await siteBox.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(siteSnippet);
    expect(page.errors).toEqual([]);
    await context.close();

    // The partner pastes them: one article's tag, and the whole-site code on a page of its own.
    pages['/pasted'] = partnerPage('Pasted from the editor', articleSnippet);
    pages['/site'] = partnerPage('A page of the whole site', siteSnippet.replace('ARTICLE-SLUG', SLUG));
  });

  it('draws the discussion, the donation box with its meter and the sign-in from the pasted snippets, and posts through them', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-partner', () => [page]);
    for (const path of ['/pasted', '/site']) {
      await page.goto(`${partner.url}${path}`);
      const section = embedded(page);
      await section.waitFor();
      expect(await section.locator('li.comment').count()).toBeGreaterThan(5);
      expect(await section.locator('.comment__author', { hasText: 'Tom Becker' }).count()).toBeGreaterThan(0);
      const support = page.locator('.tribune-embed .support-box');
      expect(await support.locator('.support-box__cta').innerText()).toContain('Consider helping us!');
      expect(await support.locator('.tribune-meter__ticks li').allInnerTexts()).toEqual(['0 $', '2,350 $', '4,700 $']);
      expect(await support.locator('[data-meter-raised]').innerText()).toBe('1,437 $');
      expect(await support.getByRole('link', { name: 'Donate' }).getAttribute('href')).toBe(`${site.url}/donate?article=${SLUG}`);
      const signIn = section.getByRole('link', { name: 'sign in with your email (opens in a new tab)' });
      expect(await signIn.getAttribute('href')).toBe(`${site.url}/account?returnTo=${encodeURIComponent(`/articles/${SLUG}#comments`)}`);
    }

    const text = `Read this on the partner blog ${Date.now().toString(36)}`;
    const section = embedded(page);
    await section.getByLabel('Your name').fill('Paula Partner');
    await section.getByLabel('Your comment').fill(text);
    await section.getByRole('button', { name: 'Post comment' }).click();
    await section.locator('li.comment .comment__text', { hasText: text }).waitFor();
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);

    // It is a real comment on the site, under the article.
    const reader = new SiteClient(site.url);
    const listed = (await reader.get(`/api/articles/${SLUG}/comments?sort=newest`)).json<{ threads: { html: string; author: { name: string } }[] }>();
    reader.close();
    expect(listed.threads.some((thread) => thread.author.name === 'Paula Partner' && thread.html.includes(text))).toBe(true);
    await context.close();
  });

  it('keeps a hostile host stylesheet out of the widget, and the widget’s styles out of the host page', async () => {
    pages['/hostile'] = partnerPage('A partner with strong opinions', `<script src="${site.url}/widget.js" data-tribune-article="${SLUG}" async></script>`, HOSTILE_CSS);
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-hostile', () => [page]);
    await page.goto(`${partner.url}/hostile`);
    const section = embedded(page);
    await section.waitFor();
    await page.locator('.tribune-embed .support-box').waitFor();
    // The host's rules do apply to the host's own page...
    expect(await styleOf(page.locator('#host-link'), 'color')).toBe('rgb(255, 0, 0)');
    expect(await styleOf(page.locator('#host-link'), 'font-size')).toBe('40px');
    // ...and to nothing inside the widget: the site's accent for links, its own sizes, its own colours.
    const sortLink = section.getByRole('link', { name: 'Newest' });
    expect(await styleOf(sortLink, 'color')).toBe('rgb(179, 38, 30)');
    expect(await styleOf(section.locator('.comment__text').first(), 'font-size')).toBe('16px');
    expect(await styleOf(section.locator('.comment__text').first(), 'color')).toBe('rgb(29, 29, 27)');
    expect(await styleOf(section.locator('.comment__card').first(), 'border-top-color')).toBe('rgb(227, 224, 216)');
    expect(await styleOf(section.locator('.comment__card').first(), 'border-top-width')).toBe('1px');
    expect(Number.parseFloat(await styleOf(section.locator('.comments__sort'), 'font-size'))).toBeCloseTo(15.2, 1);
    expect(await styleOf(page.locator('.tribune-embed .tribune-meter__fill'), 'background-color')).toBe('rgb(179, 38, 30)');
    expect(await styleOf(page.locator('.tribune-embed .support-box').getByRole('link', { name: 'Donate' }), 'color')).toBe('rgb(255, 255, 255)');
    // The widget's own stylesheet stays in its shadow root: the host's box of the same class keeps the host's look.
    expect(await styleOf(page.locator('#host-card'), 'border-top-width')).toBe('9px');
    expect(await styleOf(page.locator('#host-card'), 'padding-top')).toBe('0px');
    // The text of a comment is a readable size however large the host sets its type.
    const box = await section.locator('.comment__text').first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('shows a reader signed in on the site as signed in on the partner page, and draws again after signing in from it', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-sign-in', () => [page]);
    await page.goto(`${partner.url}/`);
    const section = embedded(page);
    await section.waitFor();
    expect(await section.locator('.comments__as').innerText()).toContain('Comment as a guest, or sign in with your email');

    // The link opens the site in a new tab; the reader signs in there and comes back.
    const [tab] = await Promise.all([context.waitForEvent('page'), section.getByRole('link', { name: 'sign in with your email (opens in a new tab)' }).click()]);
    await tab.waitForLoadState();
    await signInReaderInBrowser(tab, site, 'pia.partner@example.org');
    await tab.close();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await embedded(page).locator('.comments__as', { hasText: 'Commenting as' }).waitFor();
    expect(await embedded(page).locator('.comments__as strong').innerText()).toBe('Pia Partner');
    expect(await embedded(page).getByLabel('Your name').count()).toBe(0);

    // A fresh load of the partner page knows the reader too (loopback ports are one site: docs/embedding.md).
    await page.reload();
    await embedded(page).locator('.comments__as', { hasText: 'Commenting as Pia Partner' }).waitFor();
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('has no accessibility violations inside the embedded widget', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-axe', () => [page]);
    await page.goto(`${partner.url}/`);
    await embedded(page).waitFor();
    await page.locator('.tribune-embed .support-box').waitFor();
    const { violations, passes } = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(passes).toBeGreaterThan(10);
    await context.close();
  });

  it('pins the comments the newsroom featured above the embedded discussion, each leading to its place in it', async () => {
    const admin = new SiteClient(site.url);
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const listed = (await admin.get(`/api/articles/${SLUG}/comments`)).json<{ threads: { id: string; author: { name: string } }[] }>();
    const chosen = listed.threads.find((thread) => thread.author.name === 'Tom Becker')!;
    expect((await admin.post(`/api/admin/moderation/comments/${chosen.id}/feature`, { json: {} })).status).toBe(200);
    admin.close();

    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('embed-featured', () => [page]);
    await page.goto(`${partner.url}/`);
    const featured = embedded(page).locator('section.comments__featured');
    await featured.getByRole('heading', { name: 'Featured' }).waitFor();
    const card = featured.locator(`li[data-featured-id="${chosen.id}"]`);
    expect(await card.locator('.comment__author').innerText()).toBe('Tom Becker');
    // Shown in the discussion too: the link moves focus there instead of leaving the partner's page.
    await card.getByRole('link', { name: /Read it in the conversation/ }).click();
    await expect.poll(() => embedded(page).locator(`li#c-${chosen.id}`).evaluate((li) => li.getRootNode() instanceof ShadowRoot && (li.getRootNode() as ShadowRoot).activeElement === li)).toBe(true);
    expect(page.url()).toBe(`${partner.url}/`);
    const { violations } = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(page.errors).toEqual([]);
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
