import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeImage } from '../media/testing/images.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { importWordPress } from './wordpress/import.js';
import { IMAGES, NOT_FETCHED } from './wordpress/media.js';
import { PAGES } from './wordpress/posts.js';
import { exportFile, startOldSite, type OldSite } from './testing/wordpress-uploads.js';
import { ALREADY_IMPORTED } from './report.js';

/** The old site (src/transfer/testing/wordpress-uploads.ts): its uploads folder of real images, served on loopback. */
describe('tribune import wordpress: pages and images', () => {
  let oldSite: OldSite;
  let uploads: string;
  let site: string;
  let wxr: string;
  let requested: string[];
  let t: TestApp;

  beforeAll(async () => {
    oldSite = await startOldSite();
    ({ uploads, site, wxr, requested } = oldSite);
  });
  afterAll(() => oldSite.close());
  beforeEach(async () => {
    requested.length = 0;
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const db = () => t.runtime.db;
  const article = (slug: string) => db().selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const mediaByName = async (filename: string) => db().selectFrom('media_items').selectAll().where('filename', '=', filename).executeTakeFirstOrThrow();
  const count = async (table: 'media_items' | 'articles' | 'media_usage') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  async function expectImported() {
    const harbour = await mediaByName('harbour.jpg');
    const team = await mediaByName('team.png');
    const map = await mediaByName('map.webp');
    // The original, not the resized copy the post showed; alt text and caption from the attachment.
    expect(harbour).toMatchObject({ width: 640, height: 427, alt: 'Boats in the harbour', caption: 'The harbour at dawn' });
    expect(team).toMatchObject({ alt: 'The newsroom team' });

    const story = await article('harbour-story');
    expect(story).toMatchObject({ kind: 'article', featured_image_url: `/media/${team.id}`, featured_image_alt: 'The newsroom team' });
    expect(story.body_md).toBe([
      // The post had no alt text: the attachment's is used.
      `![Boats in the harbour](/media/${harbour.id})`,
      `![Gone](${site}/wp-content/uploads/2024/05/missing.jpg)`,
      `Read [the report](${site}/wp-content/uploads/2024/05/report.pdf).`,
      // WordPress's link to the full-size file leads to the library's original.
      `[![Full size](/media/${harbour.id})](/media/${harbour.id}/${(JSON.parse(harbour.files) as { name: string; original: boolean }[]).find((file) => file.original)!.name})`,
    ].join('\n\n'));

    const about = await article('about');
    expect(about).toMatchObject({ kind: 'page', status: 'published', published_at: '2024-05-02T08:00:00.000Z' });
    expect(about.body_md).toBe([
      `![Our map](/media/${map.id})`,
      `![The harbour](/media/${harbour.id} "Where we work")`,
      `![Broken](${site}/wp-content/uploads/2024/05/broken.jpg)`,
    ].join('\n\n'));

    // Usage is recorded as the editor's save records it: by kind, with the owner's admin address.
    const usage = await db().selectFrom('media_usage').select(['media_id', 'owner_kind', 'owner_id', 'owner_url']).orderBy('owner_kind').orderBy('media_id').execute();
    expect(usage).toEqual([
      ...[harbour.id, team.id].sort().map((id) => ({ media_id: id, owner_kind: 'article', owner_id: story.id, owner_url: `/admin/articles/${story.id}` })),
      ...[harbour.id, map.id].sort().map((id) => ({ media_id: id, owner_kind: 'page', owner_id: about.id, owner_url: `/admin/pages/${about.id}` })),
    ]);

    const aboutPage = await t.request({ url: '/about', headers: { accept: 'text/html' } });
    expect(aboutPage.statusCode).toBe(200);
    expect(aboutPage.body).toContain(`/media/${map.id}/`);
    const storyPage = await t.request({ url: '/articles/harbour-story', headers: { accept: 'text/html' } });
    expect(storyPage.body).toContain(`/media/${team.id}/`);
  }

  function expectNotFetched(summary: Awaited<ReturnType<typeof importWordPress>>) {
    expect(summary.lists[NOT_FETCHED].items.map((item) => item.text).sort()).toEqual([
      expect.stringMatching(new RegExp(`^${site}/wp-content/uploads/2024/05/broken\\.jpg: .*not a JPEG, PNG, WebP, AVIF or GIF image`)),
      expect.stringMatching(new RegExp(`^${site}/wp-content/uploads/2024/05/missing\\.jpg: .*HTTP 404`)),
    ]);
  }

  it('brings images in from a copy of the uploads folder, and downloads only what is not there', async () => {
    const summary = await importWordPress(t.runtime, { file: wxr, mediaDir: uploads });
    expect(summary.fatal).toBeNull();
    expect(summary.kinds[IMAGES]).toMatchObject({ imported: 3, failed: 2 });
    expectNotFetched(summary);
    await expectImported();
    // Only the files missing from the folder, or unusable there, were asked of the old site.
    expect([...new Set(requested)].sort()).toEqual(['/wp-content/uploads/2024/05/broken.jpg', '/wp-content/uploads/2024/05/missing.jpg']);
  });

  it('downloads images from the old site, the original rather than the resized copy, with progress', async () => {
    const progress: string[] = [];
    const summary = await importWordPress(t.runtime, { file: wxr, progress: { write: (text: string) => progress.push(text) } });
    expect(summary.kinds[IMAGES]).toMatchObject({ imported: 3, failed: 2 });
    expectNotFetched(summary);
    await expectImported();
    expect(requested).toContain('/wp-content/uploads/2024/05/harbour.jpg');
    expect(requested).not.toContain('/wp-content/uploads/2024/05/harbour-300x200.jpg');
    expect(progress.join('')).toMatch(/import wordpress images: done · 5 items/);
  });

  it('imports pages as pages, a page on one of Tribune\'s own addresses under another slug, with a note', async () => {
    const summary = await importWordPress(t.runtime, { file: wxr, mediaDir: uploads });
    expect(summary.kinds[PAGES]).toMatchObject({ imported: 2 });
    expect(await article('search-page')).toMatchObject({ kind: 'page', status: 'published', title: 'Search our archive' });
    expect(summary.problems).toContainEqual(expect.objectContaining({ kind: PAGES, id: '103', message: '"/search" is one of Tribune\'s own addresses; the page was imported as "/search-page"' }));
    expect((await t.request({ url: '/search-page', headers: { accept: 'text/html' } })).statusCode).toBe(200);
    const redirect = await t.request({ url: '/search-archive/', headers: { accept: 'text/html', host: '127.0.0.1' } });
    expect(redirect.headers.location).toBe('http://localhost:3000/search-page');
  });

  it('creates no image twice when run again, and brings in what a first run could not fetch', async () => {
    await importWordPress(t.runtime, { file: wxr, mediaDir: uploads });
    const before = await Promise.all([count('media_items'), count('articles'), count('media_usage')]);
    const story = await article('harbour-story');

    const again = await importWordPress(t.runtime, { file: wxr, mediaDir: uploads });
    // Only what could not be fetched is tried again.
    expect(again.kinds[IMAGES]).toMatchObject({ imported: 0, failed: 2 });
    expect(await Promise.all([count('media_items'), count('articles'), count('media_usage')])).toEqual(before);
    expect((await article('harbour-story')).body_md).toBe(story.body_md);

    // A later export with a new post showing an image brought in before: the library's image is reused.
    const later = `${wxr}.later.xml`;
    await writeFile(later, exportFile(site, { id: '104', type: 'post', slug: 'harbour-again', title: 'Harbour again', content: `<img src="${site}/wp-content/uploads/2024/05/harbour-300x200.jpg" alt="Again" />` }));
    try {
      const grown = await importWordPress(t.runtime, { file: later, mediaDir: uploads });
      expect(grown.kinds[IMAGES]).toMatchObject({ imported: 0, skipped: 1, skippedBecause: { [ALREADY_IMPORTED]: 1 } });
      expect((await article('harbour-again')).body_md).toBe(`![Again](/media/${(await mediaByName('harbour.jpg')).id})`);
      expect(await count('media_items')).toBe(before[0]);
    } finally {
      await rm(later, { force: true });
    }

    await writeFile(join(uploads, '2024/05/missing.jpg'), await makeImage('jpeg', 320, 200));
    try {
      const third = await importWordPress(t.runtime, { file: wxr, mediaDir: uploads });
      expect(third.kinds[IMAGES]).toMatchObject({ imported: 1, failed: 1 });
      const missing = await mediaByName('missing.jpg');
      expect((await article('harbour-story')).body_md).toContain(`![Gone](/media/${missing.id})`);
    } finally {
      await rm(join(uploads, '2024/05/missing.jpg'));
    }
  });
});
