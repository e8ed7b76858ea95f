import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPage, screenshotOnFailure, signInInBrowser, siteInChromium, type Site, type TestPage } from './harness.js';
import { DEMO_ADMIN, SiteClient, saveCommentSettings } from '../../src/testing/site-client.js';
import { FORBIDDEN_DOM_CHECK, XSS_PAYLOADS } from './xss-payloads.js';
import { seedHostileArticles, seedHostileComments, seedHostileGifts, seedHostileReports } from './xss-seed.js';

const EDITOR = { email: 'xss.editor@tribune.test', password: 'xss-editor-password' };
const COMMENT_LAB = 'school-board-delays-closure-vote';
const SCRIPT_DIRECTIVES = /^(script-src|script-src-elem|script-src-attr|object-src|frame-src|base-uri|form-action)/;

/** Records blocked script, frame and form attempts: the CSP stopping a payload still means one got through. */
async function hostileContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { blocked: string[] }).blocked = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  return context;
}

/** Everything wrong with the page as it stands: on* attributes, script URLs, foreign or inline scripts, blocked attempts. */
async function problems(page: Page, label: string): Promise<string[]> {
  const dom = (await page.evaluate(FORBIDDEN_DOM_CHECK)) as string[];
  const blocked = (await page.evaluate(() => (window as unknown as { blocked?: string[] }).blocked ?? [])).filter((line) => SCRIPT_DIRECTIVES.test(line));
  return [...dom, ...blocked].map((problem) => `${label}: ${problem}`);
}

async function visit(page: Page, url: string, label = new URL(url).pathname + new URL(url).search): Promise<string[]> {
  const response = await page.goto(url);
  if (!response || response.status() >= 400) return [`${label}: HTTP ${response?.status()}`];
  return problems(page, label);
}

function clean(page: TestPage): void {
  expect(page.dialogs).toEqual([]);
  expect(page.errors).toEqual([]);
}

describe(`${XSS_PAYLOADS.length} hostile payloads, rendered in Chromium`, () => {
  let site: Site;
  let browser: Browser;
  let admin: SiteClient;
  let adminContext: BrowserContext;
  let adminPage: TestPage;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    admin = new SiteClient(site.url);
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await saveCommentSettings(admin, { postsPerMinutePerIp: 1000, postsPerMinutePerReader: 1000 });
    // The admin adds an editor on the staff screen; the editor writes through the newsroom API.
    await admin.loadPage('/admin/users');
    const added = await admin.post('/admin/users', { form: { _csrf: admin.csrf, email: EDITOR.email, displayName: 'Xavier Editor', role: 'editor', password: EDITOR.password }, csrf: false });
    expect(added.status, added.text.slice(0, 200)).toBe(303);
    adminContext = await hostileContext(browser);
    adminPage = await openPage(adminContext);
    await signInInBrowser(adminPage, site.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  }, 120_000);
  afterAll(async () => {
    admin?.close();
  });

  it('the check itself catches an event handler, a script URL and a dialog', async () => {
    const context = await hostileContext(browser);
    const page = await openPage(context);
    await page.goto(`${site.url}/robots.txt`);
    await page.setContent('<img src="data:," onerror="alert(1)"><a href="javascript:alert(2)">x</a>');
    await expect.poll(() => page.dialogs.length, { timeout: 5_000 }).toBe(1);
    expect((await page.evaluate(FORBIDDEN_DOM_CHECK)) as string[]).toHaveLength(2);
    await context.close();
  });

  it('as article title, summary, body and source names: article pages, home, topic, search and the admin lists', async () => {
    const editor = new SiteClient(site.url);
    await editor.signIn(EDITOR.email, EDITOR.password);
    const { slugs, topicSlug } = await seedHostileArticles(editor);
    editor.close();
    const context = await hostileContext(browser);
    const page = await openPage(context);
    screenshotOnFailure('xss-articles', () => [page, adminPage]);
    const found: string[] = [];
    for (const slug of slugs) found.push(...(await visit(page, `${site.url}/articles/${slug}`)));
    for (let number = 1; number <= Math.ceil((slugs.length + 12) / 12); number++) found.push(...(await visit(page, `${site.url}/?page=${number}`)));
    for (let number = 1; number <= Math.ceil(slugs.length / 12); number++) found.push(...(await visit(page, `${site.url}/topics/${topicSlug}?page=${number}`)));
    for (const query of ['script', 'alert', 'img', 'javascript']) found.push(...(await visit(page, `${site.url}/search?q=${query}`)));
    for (let number = 1; number <= Math.ceil((slugs.length + 12) / 25); number++) found.push(...(await visit(adminPage, `${site.url}/admin/articles?page=${number}`)));
    found.push(...(await visit(adminPage, `${site.url}/admin`)));
    found.push(...(await visit(adminPage, `${site.url}/admin/topics`)));
    found.push(...(await visit(adminPage, `${site.url}/admin/articles/${(await firstArticleId(admin, slugs[0]))}`)));
    expect(found).toEqual([]);
    clean(page);
    clean(adminPage);
    await context.close();
  }, 240_000);

  it('as comment text and guest names: live insertion, the rendered thread pages, "show more", and held comments shown to their authors', async () => {
    const context = await hostileContext(browser);
    const live = await openPage(context);
    const fresh = await openPage(context);
    screenshotOnFailure('xss-comments', () => [live, fresh]);
    const streaming = live.waitForResponse((response) => new URL(response.url()).pathname === '/api/live');
    await live.goto(`${site.url}/articles/${COMMENT_LAB}`);
    await live.locator('section[data-enhanced="1"]').waitFor();
    await streaming;

    const seeded = await seedHostileComments(site.url, COMMENT_LAB);
    // The open page learns of each published comment live and draws it with the widget's own code.
    const bar = live.locator('.comments__new-bar');
    await expect.poll(() => bar.innerText().catch(() => ''), { timeout: 20_000 }).toBe(`Show ${seeded.published} new comments`);
    await bar.click();
    // Checked last, so a widget that inserts too few does not hide what the other views show.
    const liveDrawn = await expect
      .poll(() => live.locator('li.comment').count(), { timeout: 10_000 })
      .toBe(seeded.published)
      .then(() => seeded.published, async () => live.locator('li.comment').count());
    const found = await problems(live, 'live insertion');

    // A fresh load: the server's HTML, then every "show more" the widget fetches and draws.
    found.push(...(await visit(fresh, `${site.url}/articles/${COMMENT_LAB}`)));
    await fresh.locator('section[data-enhanced="1"]').waitFor();
    for (let clicks = 0; clicks < 20 && (await fresh.locator('[data-more-threads]').count()) > 0; clicks++) {
      const before = await fresh.locator('li.comment').count();
      await fresh.locator('[data-more-threads]').first().click();
      await expect.poll(() => fresh.locator('li.comment').count()).toBeGreaterThan(before);
    }
    for (let clicks = 0; clicks < 60 && (await fresh.locator('[data-more-replies]').count()) > 0; clicks++) {
      const before = await fresh.locator('li.comment').count();
      await fresh.locator('[data-more-replies]').first().click();
      await expect.poll(() => fresh.locator('li.comment').count()).toBeGreaterThan(before);
    }
    expect(await fresh.locator('li.comment').count()).toBe(seeded.published);
    found.push(...(await problems(fresh, 'after show more')));

    // Held comments are drawn for their author by the widget (their own view, "Awaiting review").
    for (const [index, held] of seeded.held.entries()) {
      const author = await hostileContext(browser);
      await author.addCookies([{ name: 'tribune_guest', value: held.cookie, url: site.url }]);
      const page = await openPage(author);
      // The thread's own page, so a held reply has its parent drawn to sit under.
      found.push(...(await visit(page, `${site.url}/articles/${COMMENT_LAB}?thread=${held.rootId}`, `held comment ${index}`)));
      await page.locator(`#c-${held.id} .comment__pending`).waitFor();
      found.push(...(await problems(page, `held comment ${index} after the widget ran`)));
      clean(page);
      await author.close();
    }
    // The moderators' queue shows held comments, reports with their notes, and rejected ones.
    await seedHostileReports(site.url, seeded.publishedIds, COMMENT_LAB);
    const queue = await adminPage.goto(`${site.url}/admin/moderation`);
    if (queue?.status() === 404) console.warn('xss: no moderation queue at /admin/moderation yet; not checked');
    else {
      for (const tab of ['pending', 'reported', 'rejected', 'all']) found.push(...(await visit(adminPage, `${site.url}/admin/moderation?tab=${tab}`)));
      found.push(...(await visit(adminPage, `${site.url}/admin/moderation/comments/${seeded.held[0].id}`)));
    }
    expect(found).toEqual([]);
    clean(live);
    clean(fresh);
    clean(adminPage);
    expect(liveDrawn, 'comments the "Show N new comments" bar drew').toBe(seeded.published);
    await context.close();
  }, 240_000);

  it('as donors\' public names and messages: the donor wall after every batch, and the admin ledger', async () => {
    const context = await hostileContext(browser);
    const page = await openPage(context);
    screenshotOnFailure('xss-donations', () => [page, adminPage]);
    const found: string[] = [];
    await seedHostileGifts(site.url, async (given) => {
      found.push(...(await visit(page, `${site.url}/donate`, `donor wall after ${given} gifts`)));
      expect(await page.locator('.donor-wall li').count()).toBeGreaterThan(0);
    });
    found.push(...(await visit(adminPage, `${site.url}/admin/donations/ledger`)));
    found.push(...(await visit(adminPage, `${site.url}/admin/donations`)));
    expect(found).toEqual([]);
    clean(page);
    clean(adminPage);
    await context.close();
  }, 240_000);
});

async function firstArticleId(admin: SiteClient, slug: string): Promise<string> {
  const list = (await admin.get(`/api/admin/articles?q=${encodeURIComponent(slug)}`)).json<{ articles: { id: string; slug: string }[] }>();
  const all = (await admin.get('/api/admin/articles?pageSize=100')).json<{ articles: { id: string; slug: string }[] }>();
  return [...list.articles, ...all.articles].find((article) => article.slug === slug)?.id ?? all.articles[0].id;
}
