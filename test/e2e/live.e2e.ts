import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { DEMO_ADMIN, saveCommentSettings, SiteClient } from '../../src/testing/site-client.js';
import { startCuttableProxy } from './cuttable-proxy.js';
import { openPage, screenshotOnFailure, siteInChromium, startOtherOrigin, type Site, type TestPage } from './harness.js';

const LEAD = 'river-cleanup-sediment-tests';
const PAGE_LOAD = { timeout: 15_000 } as const;

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function enhanced(page: Page): Promise<void> {
  await page.locator('section[data-tribune-comments][data-enhanced="1"]').waitFor();
}

/**
 * The open /api/live requests of a browser context: an EventSource's request never finishes, a closed
 * one fails, and one of a closed tab went with it.
 */
function liveStreams(context: BrowserContext): () => Request[] {
  const open = new Set<Request>();
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/live') open.add(request);
  });
  context.on('requestfailed', (request) => open.delete(request));
  context.on('requestfinished', (request) => open.delete(request));
  return () => [...open].filter((request) => !request.frame().page().isClosed());
}

let address = 20;
/** A reader posting through the API from an address of their own, so the per-address post limit is theirs. */
async function writer(site: Site, slug: string): Promise<(text: string, parentId?: string) => Promise<string>> {
  const client = new SiteClient(site.url, { localAddress: `127.0.0.${(address += 1)}` });
  await client.loadPage(`/articles/${slug}`);
  return async (text, parentId) => {
    const posted = await client.post(`/api/articles/${slug}/comments`, { json: { text, name: 'Wanda Writer', ...(parentId ? { parentId } : {}) } });
    if (posted.status !== 201) throw new Error(`post failed: ${posted.status} ${posted.text}`);
    return posted.json<{ comment: { id: string } }>().comment.id;
  };
}

describe('live updates in Chromium', () => {
  let site: Site;
  let browser: Browser;
  let slugs: string[] = [];
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    // The demo publishes ten stories; one more makes eleven articles for eleven tabs.
    const admin = new SiteClient(site.url, { localAddress: '127.0.0.9' });
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const created = await admin.post('/api/admin/articles', { json: { title: 'An eleventh story for the tabs', body: 'Body.', status: 'published' } });
    expect(created.status, created.text).toBe(201);
    admin.close();
    const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text();
    slugs = [...new Set([...sitemap.matchAll(/\/articles\/([a-z0-9-]+)</g)].map((match) => match[1]!))];
  });

  const quiet = () => slugs.filter((slug) => slug !== LEAD && slug !== 'council-approves-water-main-replacement');
  const texts = (page: Page, text: string) => page.locator('li.comment .comment__text', { hasText: text });

  it('shares one stream among ten article tabs, still loads the home page and an eleventh article, and hands over when its tab closes', { timeout: 180_000 }, async () => {
    expect(slugs.length).toBeGreaterThanOrEqual(11);
    const context = await browser.newContext();
    const streams = liveStreams(context);
    const pages: TestPage[] = [];
    screenshotOnFailure('live-ten-tabs', () => pages);
    for (const slug of slugs.slice(0, 10)) {
      const page = await openPage(context);
      pages.push(page);
      await page.goto(`${site.url}/articles/${slug}`, PAGE_LOAD);
      await enhanced(page);
    }
    // Six connections per site over HTTP/1.1: with a stream or two per tab, these would never load.
    const home = await openPage(context);
    pages.push(home);
    await home.goto(`${site.url}/`, PAGE_LOAD);
    expect(await home.locator('h1, h2').count()).toBeGreaterThan(0);
    const eleventh = await openPage(context);
    pages.push(eleventh);
    await eleventh.goto(`${site.url}/articles/${slugs[10]}`, PAGE_LOAD);
    await enhanced(eleventh);
    await until(() => streams().length === 1, 'one stream for every tab');

    // What happens on any tab's article reaches that tab, through the one stream.
    const onEleventh = `Live on the eleventh tab ${Date.now().toString(36)}`;
    await (await writer(site, slugs[10]!))(onEleventh);
    await eleventh.getByRole('button', { name: 'Show 1 new comment' }).click();
    await texts(eleventh, onEleventh).waitFor();

    // The tab holding the stream closes; another takes over and misses nothing posted meanwhile.
    const holder = streams()[0]!.frame().page();
    const holderIndex = pages.indexOf(holder as TestPage);
    expect(holderIndex).toBeGreaterThanOrEqual(0);
    const survivor = pages.find((page, index) => index !== holderIndex && index < 10)!;
    const survivorSlug = new URL(survivor.url()).pathname.split('/').pop()!;
    const post = await writer(site, survivorSlug);
    await holder.close();
    const afterHandover = `Posted while the holder tab closed ${Date.now().toString(36)}`;
    await post(afterHandover);
    await survivor.getByRole('button', { name: /Show \d+ new comments?/ }).click();
    await texts(survivor, afterHandover).waitFor();
    await until(() => streams().length === 1 && streams()[0]!.frame().page() !== holder, 'one stream again, held by another tab');
    for (const page of pages.filter((page) => page !== holder)) {
      expect(page.errors).toEqual([]);
      expect(page.dialogs).toEqual([]);
    }
    await context.close();
  });

  it('gets a comment posted while the connection was down once it comes back, without a reload', { timeout: 120_000 }, async () => {
    const proxy = await startCuttableProxy(site.server.port);
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('live-offline', () => [page]);
    try {
      const slug = quiet()[0]!;
      const post = await writer(site, slug);
      await page.goto(`${proxy.url}/articles/${slug}`, PAGE_LOAD);
      await enhanced(page);
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      const before = `Seen live before the drop ${Date.now().toString(36)}`;
      await post(before);
      await page.getByRole('button', { name: 'Show 1 new comment' }).click();
      await texts(page, before).waitFor();

      proxy.cut();
      const missed = `Posted while this reader was offline ${Date.now().toString(36)}`;
      await post(missed);
      // Offline for a while: the browser's reconnects fail at the socket.
      await until(() => proxy.dropped >= 2, 'a failed reconnect while offline');
      proxy.restore();

      await page.getByRole('button', { name: 'Show 1 new comment' }).click({ timeout: 30_000 });
      await texts(page, missed).waitFor();
      expect(await texts(page, before).count()).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
      await proxy.close();
    }
  });

  it('updates the count and the empty state with the first live comment, and puts a reply inside its thread', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('live-count', () => [page]);
    const slug = quiet()[1]!;
    const post = await writer(site, slug);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${site.url}/articles/${slug}`, PAGE_LOAD);
    await enhanced(page);
    // Every asset the page asks for is there: nothing 404s in the console.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    expect(failed).toEqual([]);
    const count = page.locator('.comments__count');
    expect(await count.innerText()).toBe('(0)');
    await page.getByText('No comments yet.').waitFor();

    const first = `The first comment on this story ${Date.now().toString(36)}`;
    const firstId = await post(first);
    // Before anyone clicks the bar, the header and the empty state already agree with it.
    await page.getByRole('button', { name: 'Show 1 new comment' }).waitFor();
    await until(async () => (await count.innerText()) === '(1)', 'the count to say (1)');
    expect(await page.getByText('No comments yet.').count()).toBe(0);
    await page.getByRole('button', { name: 'Show 1 new comment' }).click();
    await texts(page, first).waitFor();

    // A reply goes into its thread, not behind a "new comment" bar at the top.
    const reply = `A reply that belongs under the first ${Date.now().toString(36)}`;
    await post(reply, firstId);
    const placed = page.locator(`li#c-${firstId} > [data-replies] > li.comment .comment__text`, { hasText: reply });
    await placed.waitFor();
    expect(await page.locator('.comments__new-bar').isHidden()).toBe(true);
    expect(await count.innerText()).toBe('(2)');

    // The reader's own comment counts once, though the stream echoes it back.
    const composer = page.locator('.comments__composer');
    await composer.getByLabel('Your name').fill('Rosa Reader');
    const own = `My own comment, counted once ${Date.now().toString(36)}`;
    await composer.getByLabel('Your comment').fill(own);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    await texts(page, own).waitFor();
    expect(await count.innerText()).toBe('(3)');
    // One more from someone else: the stream is in order, so the echo of the reader's own came before it.
    await post(`And one after it ${Date.now().toString(36)}`);
    await page.getByRole('button', { name: 'Show 1 new comment' }).waitFor();
    expect(await count.innerText()).toBe('(4)');
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('leaves no tombstone for other readers when a comment is deleted before it was ever published', async () => {
    const slug = quiet()[2]!;
    const admin = new SiteClient(site.url, { localAddress: '127.0.0.9' });
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const articleId = /data-article-id="([^"]+)"/.exec((await admin.get(`/articles/${slug}`, { headers: { accept: 'text/html' } })).text)![1]!;
    expect((await admin.request('PATCH', `/api/admin/articles/${articleId}`, { json: { premoderate: true } })).status).toBe(200);
    admin.close();

    const [authorContext, otherContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [author, other] = await Promise.all([openPage(authorContext), openPage(otherContext)]);
    screenshotOnFailure('live-tombstone', () => [author, other]);
    await Promise.all([author.goto(`${site.url}/articles/${slug}`, PAGE_LOAD), other.goto(`${site.url}/articles/${slug}`, PAGE_LOAD)]);
    await Promise.all([enhanced(author), enhanced(other)]);

    const composer = author.locator('.comments__composer');
    const text = `Second thoughts, withdrawn before review ${Date.now().toString(36)}`;
    await composer.getByLabel('Your name').fill('Walter Withdrawn');
    await composer.getByLabel('Your comment').fill(text);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    const mine = author.locator('li.comment').filter({ has: author.locator('.comment__text', { hasText: text }) });
    await mine.locator('.comment__pending').waitFor();
    author.acceptNextDialog(/Delete this comment/);
    await mine.getByRole('button', { name: 'Delete' }).click();
    await author.locator('.comment__tombstone').waitFor();

    // The other reader never saw it, live or after a reload: no "Comment deleted" where nothing was.
    expect(await other.locator('li.comment').count()).toBe(0);
    await other.reload();
    await enhanced(other);
    expect(await other.locator('li.comment').count()).toBe(0);
    await other.getByText('No comments yet.').waitFor();
    for (const page of [author, other] as TestPage[]) expect(page.errors).toEqual([]);
    await Promise.all([authorContext.close(), otherContext.close()]);
  });

  it('gives the widget embedded on a partner site live comments, one stream for all the partner tabs of a browser', { timeout: 120_000 }, async () => {
    const [first, second] = [quiet()[3]!, quiet()[4]!];
    const embedding = (slug: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
<body><h1>Our take on it</h1><script src="${site.url}/widget.js" data-tribune-article="${slug}" async></script></body></html>`;
    const partner = await startOtherOrigin({ '/one': embedding(first), '/two': embedding(second) });
    const admin = new SiteClient(site.url, { localAddress: '127.0.0.9' });
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await saveCommentSettings(admin, { embedOrigins: [partner.url], postsPerMinutePerIp: 100 });
    admin.close();
    const context = await browser.newContext();
    const streams = liveStreams(context);
    const [one, two] = [await openPage(context), await openPage(context)];
    screenshotOnFailure('live-embed', () => [one, two]);
    try {
      for (const [page, path] of [[one, '/one'], [two, '/two']] as const) {
        await page.goto(`${partner.url}${path}`, PAGE_LOAD);
        await enhanced(page);
      }
      const ids = await Promise.all([one, two].map((page) => page.locator('section[data-tribune-comments]').getAttribute('data-article-id')));
      await until(() => streams().length === 1 && ids.every((id) => streams()[0]!.url().includes(id!)), 'one stream from the partner tabs for both articles');

      const text = `Seen live on the partner site ${Date.now().toString(36)}`;
      await (await writer(site, second))(text);
      await two.getByRole('button', { name: 'Show 1 new comment' }).click();
      await texts(two, text).waitFor();
      expect(await one.locator('.comments__new-bar').isHidden()).toBe(true);
      for (const page of [one, two]) expect(page.errors).toEqual([]);
    } finally {
      await context.close();
      await partner.close();
    }
  });

  it('shows one confirmation for a report, however often the reader reports the same comment', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    screenshotOnFailure('live-report', () => [page]);
    await page.goto(`${site.url}/articles/${LEAD}`, PAGE_LOAD);
    await enhanced(page);
    const card = page
      .locator('li.comment[data-depth="0"]')
      .filter({ has: page.locator(':scope > .comment__card .comment__author', { hasText: 'Old River Rat' }) })
      .first()
      .locator(':scope > .comment__card');
    const report = async () => {
      await card.locator('a[data-action="report"]').click();
      const form = card.locator('form[data-form="report"]');
      await form.getByLabel('Spam').check();
      await form.getByRole('button', { name: 'Send report' }).click();
      await card.locator('[data-reported]').waitFor();
    };
    await report();
    // A second go, if the page still offers one.
    if (await card.locator('a[data-action="report"]').count()) await report();
    expect(await card.locator('[role="status"]').count()).toBe(1);
    expect(await card.locator('a[data-action="report"]').count()).toBe(0);

    // After a reload the page cannot know; the server does, and the one confirmation says so.
    await page.reload();
    await enhanced(page);
    await report();
    expect(await card.locator('[role="status"]').count()).toBe(1);
    expect(await card.locator('[data-reported]').innerText()).toContain('already');
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
