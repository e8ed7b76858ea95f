import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_SIZES } from '../../src/media/render.js';
import { widthsFor } from '../../src/media/process.js';
import { DEMO_ADMIN, SiteClient } from '../../src/testing/site-client.js';
import { jpegWithGps, makeImage, pngClaiming } from '../../src/media/testing/images.js';
import { axeViolations } from './axe.js';
import { addStaffMember, openPage, recordRequests, screenshotOnFailure, signInInBrowser, siteInChromium, type Site, type TestPage } from './harness.js';

const EDITOR = { email: 'pia.photo@tribune.test', name: 'Pia Photo', password: 'pia-drops-the-pictures' };
/** Uploads are encoded into three formats at up to six widths: slow on a loaded machine, so waits are long. */
const PROCESSING = { timeout: 120_000 };

interface UploadFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** A DataTransfer holding one file, built in the page from the test's bytes, as a drag from the desktop carries. */
async function transferOf(page: Page, file: UploadFile) {
  return page.evaluateHandle(({ name, type, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type }));
    return transfer;
  }, { name: file.name, type: file.type, base64: file.bytes.toString('base64') });
}

async function dropFile(page: Page, selector: string, file: UploadFile): Promise<void> {
  const dataTransfer = await transferOf(page, file);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, type, { dataTransfer });
}

async function pasteFile(page: Page, selector: string, file: UploadFile): Promise<void> {
  const clipboardData = await transferOf(page, file);
  await page.locator(selector).evaluate((target, data) => {
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, clipboardData);
}

/**
 * The article column's slot in CSS pixels at a viewport width, read off ARTICLE_SIZES (asserted below):
 * 42rem from a 44rem viewport up, else the viewport less 2rem.
 */
function slotWidth(viewport: number): number {
  return viewport >= 44 * 16 ? 42 * 16 : viewport - 2 * 16;
}

/** At DPR 1 the browser needs the narrowest derived width that covers the slot. */
function expectedCandidate(imageWidth: number, viewport: number): number {
  const widths = widthsFor(imageWidth);
  return widths.find((width) => width >= slotWidth(viewport)) ?? widths[widths.length - 1];
}

/** The media box of /admin/settings, saved as the admin's browser does: the upload limit applies at once. */
async function setUploadLimit(site: Site, megabytes: number): Promise<void> {
  const admin = new SiteClient(site.url);
  try {
    await admin.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.loadPage('/admin/settings');
    const saved = await admin.post('/admin/settings/media', { form: { _csrf: admin.csrf, maxUploadMegabytes: String(megabytes), maxMegapixels: '50' }, csrf: false });
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
  } finally {
    admin.close();
  }
}

const candidateWidth = (url: string) => Number(/-(\d+)\.(?:avif|webp|jpg)$/.exec(url)?.[1]);

/** The `currentSrc` of an article image once it has loaded (scrolled to, since body images load lazily). */
async function loadedSource(page: Page, selector: string): Promise<string> {
  const image = page.locator(selector);
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc)).toBeTruthy();
  return image.evaluate((img: HTMLImageElement) => img.currentSrc);
}

describe('images in the article editor, in Chromium', () => {
  let site: Site;
  let browser: Browser;
  siteInChromium((started) => ({ site, browser } = started));
  beforeAll(async () => {
    await addStaffMember(site, EDITOR, 'editor');
  });

  async function editorPage(name: string): Promise<TestPage> {
    const page = await openPage(await browser.newContext());
    screenshotOnFailure(name, () => [page]);
    await signInInBrowser(page, site.url, EDITOR.email, EDITOR.password);
    await page.goto(`${site.url}/admin/articles/new`);
    return page;
  }

  it('drops a photo into the body and picks a featured image, both described; the article loads the srcset candidate each viewport needs', async () => {
    const page = await editorPage('media-drop');
    const headline = `Floodgate sealed ahead of the melt ${Date.now().toString(36)}`;
    await page.locator('#title').fill(headline);
    await page.locator('#summary').fill('Crews closed the last gap on Tuesday.');
    await page.locator('#body').fill('Crews closed the last gap on Tuesday.\n\nThe pumps were tested next.');
    // The caret after the first paragraph: the image goes there.
    await page.locator('#body').evaluate((body: HTMLTextAreaElement) => body.setSelectionRange(37, 37));

    const bodyUpload = page.locator('[data-image-upload="body"]');
    // Every message the live region says, in order: the upload may finish before a poll would see the first.
    await bodyUpload.locator('[data-image-status]').evaluate((status) => {
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await dropFile(page, '#body', { name: 'floodgate.jpg', type: 'image/jpeg', bytes: await jpegWithGps(2400, 1600) });
    const details = bodyUpload.getByRole('group', { name: 'Describe the image' });
    await details.waitFor(PROCESSING);
    // What could identify the photographer is named before the image is used.
    const removed = await details.locator('[data-image-removed]').innerText();
    expect(removed).toMatch(/^Removed from the file: GPS position, camera serial number, author/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('body-image-alt');
    expect((await axeViolations(page)).violations).toEqual([]);

    // Insert without alt text is refused in the panel; nothing is written yet.
    await details.getByRole('button', { name: 'Insert image' }).click();
    await details.getByText('Describe the image for readers who cannot see it').waitFor();
    expect(await page.locator('#body').inputValue()).not.toContain('/media/');

    await details.getByRole('textbox', { name: /^Alt text/ }).fill('Workers seal the floodgate [east side]');
    await details.getByRole('textbox', { name: /^Caption/ }).fill('The "last" gap closed on Tuesday.');
    // Enter in the panel inserts the image; it does not submit the article.
    await details.getByRole('textbox', { name: /^Caption/ }).press('Enter');
    await expect.poll(() => page.locator('#body').inputValue()).toMatch(/\(\/media\//);
    const body = await page.locator('#body').inputValue();
    const bodyImage = /^Crews closed the last gap on Tuesday\.\n\n!\[Workers seal the floodgate \(east side\)\]\(\/media\/([a-z0-9]+) "The “last” gap closed on Tuesday\."\)\n\nThe pumps were tested next\.$/.exec(body);
    expect(bodyImage, body).not.toBeNull();
    expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([
      'Uploading “floodgate.jpg”…',
      'Uploaded “floodgate.jpg”. Describe it below.',
      `Image inserted. ${removed}`,
    ]);
    expect(await details.isHidden()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/admin/articles/new');

    // The featured image through the file picker, marked decorative: no description needed to publish.
    const featuredUpload = page.locator('[data-image-upload="featured"]');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), featuredUpload.getByRole('button', { name: 'Upload featured image…' }).click()]);
    await chooser.setFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: await makeImage('png', 1600, 900) });
    const featuredDetails = featuredUpload.getByRole('group', { name: 'Describe the image' });
    await featuredDetails.waitFor(PROCESSING);
    expect(await featuredDetails.locator('[data-image-removed]').innerText()).toBe('The file carried no metadata to remove.');
    await featuredDetails.getByLabel('Decorative (no alt text needed)').check();
    expect(await featuredDetails.getByRole('textbox', { name: /^Alt text/ }).isDisabled()).toBe(true);
    await featuredDetails.getByRole('button', { name: 'Use as featured image' }).click();
    await expect.poll(() => page.locator('#featuredImageUrl').inputValue()).toMatch(/^\/media\/[a-z0-9]+$/);
    const featuredId = (await page.locator('#featuredImageUrl').inputValue()).slice('/media/'.length);
    await expect.poll(() => featuredUpload.locator('[data-featured-preview]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await featuredUpload.locator('[data-image-status]').innerText()).toBe('Featured image set. The file carried no metadata to remove.');

    expect((await axeViolations(page)).violations).toEqual([]);

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(/\?done=published$/);
    const articlePath = await page.getByRole('link', { name: 'View on site' }).getAttribute('href');
    expect(page.errors).toEqual([]);
    expect(page.dialogs).toEqual([]);
    await page.context().close();

    expect(ARTICLE_SIZES).toBe('(min-width: 44rem) 42rem, calc(100vw - 2rem)');
    const seen: Record<number, { body: number; featured: number }> = {};
    for (const viewport of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width: viewport, height: 900 }, deviceScaleFactor: 1 });
      const reader = await openPage(context);
      screenshotOnFailure(`media-article-${viewport}`, () => [reader]);
      const requests = recordRequests(reader);
      await reader.goto(`${site.url}${articlePath}`);
      const bodySource = await loadedSource(reader, '.article__body figure img');
      const featuredSource = await loadedSource(reader, '.article__figure img');
      expect(await reader.locator('.article__body figure img').getAttribute('alt')).toBe('Workers seal the floodgate (east side)');
      expect(await reader.locator('.article__body figcaption').innerText()).toBe('The “last” gap closed on Tuesday.');
      expect(await reader.locator('.article__figure img').getAttribute('alt')).toBe('');
      expect(bodySource).toContain(`/media/${bodyImage![1]}/`);
      expect(featuredSource).toContain(`/media/${featuredId}/`);
      // The first <source> the browser can show: AVIF, which Chromium decodes.
      expect([bodySource, featuredSource].every((url) => url.endsWith('.avif'))).toBe(true);
      seen[viewport] = { body: candidateWidth(bodySource), featured: candidateWidth(featuredSource) };
      expect(seen[viewport]).toEqual({ body: expectedCandidate(2400, viewport), featured: expectedCandidate(1600, viewport) });
      // Exactly the chosen file of each image went over the network, no wider one as well.
      expect(requests.filter((url) => url.includes(`/media/${bodyImage![1]}/`))).toEqual([bodySource]);
      expect(requests.filter((url) => url.includes(`/media/${featuredId}/`))).toEqual([featuredSource]);
      expect(reader.errors).toEqual([]);
      await context.close();
    }
    // The figures this proves, stated plainly: 343 px needs the 640 file, 672 px the 960 one.
    expect(seen).toEqual({ 375: { body: 640, featured: 640 }, 1280: { body: 960, featured: 960 } });
  });

  it('says why a file is refused (not an image, too many bytes, too many pixels) and inserts nothing; a pasted image marked decorative goes in with empty alt text', async () => {
    const page = await editorPage('media-refused');
    const bodyUpload = page.locator('[data-image-upload="body"]');
    const status = bodyUpload.locator('[data-image-status]');
    await page.locator('#body').fill('Notes from the council meeting.');

    await dropFile(page, '#body', { name: 'minutes.jpg', type: 'image/jpeg', bytes: Buffer.from('Minutes of the meeting, not a photo.\n') });
    await expect.poll(() => status.innerText()).toBe('This file is not a JPEG, PNG, WebP, AVIF or GIF image.');
    expect(await status.getAttribute('role')).toBe('status');

    // Too many bytes: refused while the upload streams in, and said as such (not as a lost connection).
    await setUploadLimit(site, 1);
    try {
      const large = Buffer.concat([await makeImage('jpeg', 200, 200), Buffer.alloc(3_000_000, 7)]);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose image…' }).click()]);
      await chooser.setFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: large });
      await expect.poll(() => status.innerText()).toBe('The file is larger than the upload limit of 1 MB.');
    } finally {
      await setUploadLimit(site, 20);
    }

    await pasteFile(page, '#body', { name: 'bomb.png', type: 'image/png', bytes: pngClaiming(20_000, 20_000) });
    await expect.poll(() => status.innerText()).toBe('The image is 20000 × 20000 pixels (400 megapixels); the limit is 50 megapixels.');
    expect(await page.locator('#body').inputValue()).toBe('Notes from the council meeting.');
    expect(await bodyUpload.getByRole('group', { name: 'Describe the image' }).count()).toBe(0);

    await pasteFile(page, '#body', { name: 'divider.png', type: 'image/png', bytes: await makeImage('png', 800, 40) });
    const details = bodyUpload.getByRole('group', { name: 'Describe the image' });
    await details.waitFor(PROCESSING);
    await details.getByLabel('Decorative (no alt text needed)').check();
    await details.getByRole('button', { name: 'Insert image' }).click();
    await expect.poll(() => page.locator('#body').inputValue()).toMatch(/^Notes from the council meeting\.\n\n!\[\]\(\/media\/[a-z0-9]+\)$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('body');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: the library uploads, the featured field takes its /media/ address, and the article shows the picture', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await openPage(context);
    screenshotOnFailure('media-no-js', () => [page]);
    await signInInBrowser(page, site.url, EDITOR.email, EDITOR.password);
    await page.goto(`${site.url}/admin/articles/new`);
    expect(await page.getByRole('button', { name: 'Choose image…' }).count()).toBe(0);
    await page.locator('#body-image-hint').getByRole('link', { name: 'media library' }).click();
    await page.waitForURL(/\/admin\/media$/);
    await page.getByLabel('Image file').setInputFiles({ name: 'bridge.jpg', mimeType: 'image/jpeg', buffer: await makeImage('jpeg', 1000, 700) });
    await page.locator('#upload-alt').fill('The old bridge at dusk');
    await page.getByRole('button', { name: 'Upload' }).click();
    const card = page.locator('.media-card', { hasText: 'bridge.jpg' });
    await card.waitFor(PROCESSING);
    const reference = /\((\/media\/[a-z0-9]+)\)/.exec(await card.locator('code').innerText())![1];

    await page.goto(`${site.url}/admin/articles/new`);
    await page.locator('#title').fill(`Bridge reopens ${Date.now().toString(36)}`);
    await page.locator('#body').fill('Traffic resumed on Monday.');
    await page.locator('#featuredImageUrl').fill(reference);
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(/\?done=published$/);
    await page.getByRole('link', { name: 'View on site' }).click();
    expect(await page.locator('.article__figure picture img').getAttribute('alt')).toBe('The old bridge at dusk');
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
