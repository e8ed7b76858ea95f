import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeImage } from '../media/testing/images.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { importWordPress } from './wordpress/import.js';
import { IMAGES, NOT_FETCHED } from './wordpress/media.js';
import { PAGES } from './wordpress/posts.js';
import { ALREADY_IMPORTED } from './report.js';

/**
 * The old site's uploads folder, made of real images, and the old site itself: a loopback server that
 * serves that folder (so a missing file answers 404, and a file that is no image is served as it is).
 */
describe('tribune import wordpress: pages and images', () => {
  let uploads: string;
  let server: Server;
  let site: string;
  let wxr: string;
  const requested: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'tribune-wp-uploads-'));
    const files: Record<string, Buffer> = {
      '2024/05/harbour.jpg': await makeImage('jpeg', 640, 427),
      // WordPress's resized copy: the body names it, the library keeps one image made from the original.
      '2024/05/harbour-300x200.jpg': await makeImage('jpeg', 300, 200),
      '2024/05/team.png': await makeImage('png', 400, 300),
      '2024/05/map.webp': await makeImage('webp', 500, 300),
      '2024/05/broken.jpg': Buffer.from('<html><body>Not found, but said politely</body></html>'),
    };
    for (const [path, bytes] of Object.entries(files)) {
      await mkdir(dirname(join(uploads, path)), { recursive: true });
      await writeFile(join(uploads, path), bytes);
    }
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      requested.push(path);
      const file = path.startsWith('/wp-content/uploads/') ? join(uploads, path.slice('/wp-content/uploads/'.length)) : '';
      readFile(file).then(
        (bytes) => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes),
        () => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'),
      );
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    wxr = join(uploads, '..', `${uploads.split('/').pop()}.xml`);
    await writeFile(wxr, exportFile(site));
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await rm(uploads, { recursive: true, force: true });
    await rm(wxr, { force: true });
  });
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

interface ItemFields {
  id: string;
  type: string;
  slug: string;
  title: string;
  content?: string;
  excerpt?: string;
  meta?: Record<string, string>;
  extra?: string;
  link?: string;
}

/** A WordPress export whose attachments come after the posts that show them, as WordPress often writes them. */
function exportFile(site: string, extra?: ItemFields): string {
  const uploads = `${site}/wp-content/uploads/2024/05`;
  const item = (fields: ItemFields) => itemXml(site, fields);
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>The Harbour Gazette</title>
	<link>${site}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[maria]]></wp:author_login><wp:author_email><![CDATA[maria@harbour.example]]></wp:author_email><wp:author_display_name><![CDATA[María]]></wp:author_display_name></wp:author>
${item({
    id: '101', type: 'post', slug: 'harbour-story', title: 'Harbour story',
    content: `<img class="size-medium" src="${uploads}/harbour-300x200.jpg" alt="" width="300" height="200" srcset="${uploads}/harbour-300x200.jpg 300w, ${uploads}/harbour.jpg 640w" />

<img src="/wp-content/uploads/2024/05/missing.jpg" alt="Gone" />

Read <a href="${uploads}/report.pdf">the report</a>.

<a href="${uploads}/harbour.jpg"><img src="${uploads}/harbour-300x200.jpg" alt="Full size" /></a>`,
    meta: { _thumbnail_id: '302' },
  })}
${item({
    id: '102', type: 'page', slug: 'about', title: 'About us',
    content: `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Our map" srcset="${uploads}/map-300x180.webp 300w, ${uploads}/map-480x288.webp 480w" />

[caption id="attachment_301" width="640"]<img src="${uploads}/harbour.jpg" alt="The harbour" /> Where we work[/caption]

<img src="${uploads}/broken.jpg" alt="Broken" />`,
  })}
${item({ id: '103', type: 'page', slug: 'search', title: 'Search our archive', content: 'Try the search box.', link: 'search-archive' })}
${extra ? item(extra) : ''}
${item({ id: '301', type: 'attachment', slug: 'harbour', title: 'harbour', excerpt: 'The harbour at dawn', extra: `\n\t\t<wp:attachment_url><![CDATA[${uploads}/harbour.jpg]]></wp:attachment_url>`, meta: { _wp_attached_file: '2024/05/harbour.jpg', _wp_attachment_image_alt: 'Boats in the harbour' } })}
${item({ id: '302', type: 'attachment', slug: 'team', title: 'team', extra: `\n\t\t<wp:attachment_url><![CDATA[${uploads}/team.png]]></wp:attachment_url>`, meta: { _wp_attached_file: '2024/05/team.png', _wp_attachment_image_alt: 'The newsroom team' } })}
</channel>
</rss>
`;
}

function itemXml(site: string, fields: ItemFields): string {
  return `
	<item>
		<title>${fields.title}</title>
		<link>${site}/${fields.link ?? fields.slug}/</link>
		<dc:creator><![CDATA[maria]]></dc:creator>
		<guid isPermaLink="false">${site}/?p=${fields.id}</guid>
		<content:encoded><![CDATA[${fields.content ?? ''}]]></content:encoded>
		<excerpt:encoded><![CDATA[${fields.excerpt ?? ''}]]></excerpt:encoded>
		<wp:post_id>${fields.id}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-05-02 08:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${fields.slug}]]></wp:post_name>
		<wp:status><![CDATA[${fields.type === 'attachment' ? 'inherit' : 'publish'}]]></wp:status>
		<wp:post_type><![CDATA[${fields.type}]]></wp:post_type>${fields.extra ?? ''}
${Object.entries(fields.meta ?? {}).map(([key, value]) => `\t\t<wp:postmeta><wp:meta_key><![CDATA[${key}]]></wp:meta_key><wp:meta_value><![CDATA[${value}]]></wp:meta_value></wp:postmeta>`).join('\n')}
	</item>`;
}
