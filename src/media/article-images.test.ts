import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { makeImage, multipart } from './testing/images.js';

describe('library images in articles', () => {
  let t: TestApp;
  let editor: TestIdentity;
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
  });
  afterAll(() => t.close());

  async function upload(fields: Record<string, string>) {
    const body = multipart({ bytes: await makeImage('jpeg', 1600, 900), filename: 'photo.jpg' }, fields);
    return (await t.request({ method: 'POST', url: '/api/admin/media', as: editor, headers: body.headers, payload: body.payload })).json<{ id: string }>();
  }

  it('needs alt text to publish, then renders <picture>, Open Graph, JSON-LD and feed enclosures from the featured image', async () => {
    const featured = await upload({ caption: 'The weir at dawn', credit: 'Jane Doe' });
    const inBody = await upload({ alt: '' });
    const create = await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: 'Weir report', body: `Intro.\n\n![](/media/${inBody.id})\n\nMore.`, featuredImageUrl: `/media/${featured.id}` },
    });
    expect(create.statusCode, create.body).toBe(201);
    const id = create.json<{ id: string }>().id;
    const refused = await t.request({ method: 'POST', url: `/api/admin/articles/${id}/publish`, as: editor, payload: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'MEDIA_ALT_REQUIRED', field: 'featuredImageAlt' });
    await t.request({ method: 'PATCH', url: `/api/admin/articles/${id}`, as: editor, payload: { featuredImageAlt: 'Water over the weir' } });
    expect((await t.request({ method: 'POST', url: `/api/admin/articles/${id}/publish`, as: editor, payload: {} })).json()).toMatchObject({ error: 'MEDIA_ALT_REQUIRED', field: 'body' });
    await t.request({ method: 'PATCH', url: `/api/admin/articles/${id}`, as: editor, payload: { body: `Intro.\n\n![A heron on the bank](/media/${inBody.id})\n\nMore.` } });
    const published = await t.request({ method: 'POST', url: `/api/admin/articles/${id}/publish`, as: editor, payload: {} });
    expect(published.statusCode, published.body).toBe(200);

    const page = await t.request({ method: 'GET', url: '/articles/weir-report' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`<figure class="media-figure article__figure"><picture><source type="image/avif" srcset="/media/${featured.id}/[0-9a-f]{16}-320\\.avif 320w`));
    expect(page.body).toContain('alt="Water over the weir" loading="eager"');
    expect(page.body).toContain('<figcaption>The weir at dawn <span class="media-credit">Photo: Jane Doe</span></figcaption>');
    expect(page.body).toContain('alt="A heron on the bank" loading="lazy"');
    expect(page.body).toMatch(/width="1600" height="900"/);
    expect(page.body).toMatch(new RegExp(`<meta property="og:image" content="http://localhost:3000/media/${featured.id}/[0-9a-f]{16}-1200\\.jpg"><meta property="og:image:width" content="1200">`));
    expect(page.body).toMatch(new RegExp(`"image":\\["http://localhost:3000/media/${featured.id}/[0-9a-f]{16}-1200\\.jpg"\\]`));

    const rss = await t.request({ method: 'GET', url: '/feed.xml' });
    expect(rss.body).toMatch(new RegExp(`<enclosure url="http://localhost:3000/media/${featured.id}/[0-9a-f]{16}-1200\\.jpg" length="\\d+" type="image/jpeg"/>`));
    expect(rss.body).toContain('Photo: Jane Doe');
    const atom = await t.request({ method: 'GET', url: '/atom.xml' });
    expect(atom.body).toMatch(/<link rel="enclosure" type="image\/jpeg"/);

    const refusedDelete = await t.request({ method: 'DELETE', url: `/api/admin/media/${inBody.id}`, as: editor });
    expect(refusedDelete.statusCode).toBe(409);
    expect(refusedDelete.json()).toMatchObject({ usedBy: [{ title: 'Weir report', url: `/admin/articles/${id}` }] });
    // An old article with a typed URL keeps working as before.
    const old = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Old one', featuredImageUrl: 'https://example.org/a.jpg', status: 'published' } });
    expect(old.statusCode, old.body).toBe(201);
    expect((await t.request({ method: 'GET', url: '/articles/old-one' })).body).toContain('<meta property="og:image" content="https://example.org/a.jpg">');
  });

  it('draws lists\' pictures at the size lists show them, beside the link that names the story', async () => {
    const photo = await upload({ alt: 'A ferry at the quay' });
    // The newest leads the front page, the other is listed under it.
    for (const title of ['Ferry timetable', 'Ferry fares']) {
      t.clock.advance(60_000);
      const created = await t.request({
        method: 'POST', url: '/api/admin/articles', as: editor,
        payload: { title, featuredImageUrl: `/media/${photo.id}`, featuredImageAlt: 'A ferry at the quay', status: 'published' },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const home = (await t.request({ method: 'GET', url: '/' })).body;
    const thumbnail = new RegExp(`<a href="/articles/ferry-timetable" class="teaser__image" tabindex="-1" aria-hidden="true"><picture><source type="image/avif" srcset="/media/${photo.id}/[0-9a-f]{16}-320\\.avif 320w[^"]*" sizes="\\(min-width: 40rem\\) 14rem, calc\\(100vw - 2rem\\)">`);
    const lead = new RegExp(`<a href="/articles/ferry-fares" class="lead-story__image" tabindex="-1" aria-hidden="true"><picture><source type="image/avif" srcset="[^"]+" sizes="\\(min-width: 72rem\\) 42rem, \\(min-width: 50rem\\) 60vw, calc\\(100vw - 2rem\\)">`);
    expect(home).toMatch(lead);
    expect(home).toMatch(thumbnail);
    // The link beside it names the story; the picture says nothing more.
    expect(home).not.toContain('alt="A ferry at the quay"');
    expect(home).not.toContain(`src="/media/${photo.id}"`);
  });
});
