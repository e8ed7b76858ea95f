import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeImage } from '../../media/testing/images.js';

/** An old WordPress site for import tests: its uploads folder, the loopback server showing it, and its export. */
export interface OldSite {
  /** A copy of its `wp-content/uploads`, made of real images. */
  uploads: string;
  /** `http://127.0.0.1:PORT`, serving `uploads` under `/wp-content/uploads/`. */
  site: string;
  /** Its export (`exportFile(site)`). */
  wxr: string;
  /** Every path asked of the server, in order. */
  requested: string[];
  close(): Promise<void>;
}

/**
 * The old site's uploads folder and the old site itself: a loopback server that serves that folder (so a
 * missing file answers 404, and a file that is no image is served as it is).
 */
export async function startOldSite(): Promise<OldSite> {
  const uploads = await mkdtemp(join(tmpdir(), 'tribune-wp-uploads-'));
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
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requested.push(path);
    const file = path.startsWith('/wp-content/uploads/') ? join(uploads, path.slice('/wp-content/uploads/'.length)) : '';
    readFile(file).then(
      (bytes) => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes),
      () => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const wxr = join(uploads, '..', `${uploads.split('/').pop()}.xml`);
  await writeFile(wxr, exportFile(site));
  return {
    uploads,
    site,
    wxr,
    requested,
    async close() {
      await new Promise((done) => server.close(done));
      await rm(uploads, { recursive: true, force: true });
      await rm(wxr, { force: true });
    },
  };
}

export interface ItemFields {
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
export function exportFile(site: string, extra?: ItemFields): string {
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
