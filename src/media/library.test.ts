import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeForm } from '../testing/forms.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { makeImage, multipart } from './testing/images.js';

interface ItemJson {
  id: string;
  filename: string;
  alt: string;
  caption: string;
  credit: string;
  decorative: boolean;
  usageCount: number;
}

/** The media library screen (/admin/media) as an editor's browser uses it; SQLite, or PostgreSQL with --project pg. */
describe('the media library screen', () => {
  let t: TestApp;
  let editor: TestIdentity;

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
  });
  afterAll(() => t.close());

  /** What a browser sends with a form post: its session and its own word that the page is ours (no token field: the upload form has none). */
  function browser(headers: Record<string, string> = {}) {
    return { cookie: editor.cookie, 'sec-fetch-site': 'same-origin', accept: 'text/html', ...headers };
  }

  async function uploadOnPage(filename: string, fields: Record<string, string> = {}, bytes?: Buffer) {
    const body = multipart({ bytes: bytes ?? (await makeImage('jpeg', 640, 480)), filename, type: 'image/jpeg' }, fields);
    return t.app.inject({ method: 'POST', url: '/admin/media', headers: browser(body.headers), payload: body.payload });
  }

  async function uploaded(filename: string, fields: Record<string, string> = {}): Promise<ItemJson> {
    const response = await uploadOnPage(filename, fields);
    expect(response.statusCode, response.body).toBe(303);
    const id = /^\/admin\/media#media-([a-z0-9]+)$/.exec(String(response.headers.location))![1];
    return item(id);
  }

  async function item(id: string): Promise<ItemJson> {
    return (await t.request({ method: 'GET', url: `/api/admin/media/${id}`, as: editor })).json<ItemJson>();
  }

  const libraryPage = async (q = '') => (await t.app.inject({ method: 'GET', url: `/admin/media${q ? `?q=${encodeURIComponent(q)}` : ''}`, headers: browser() })).body;
  const cardIds = (page: string) => [...page.matchAll(/<li class="media-card" id="media-([a-z0-9]+)">/g)].map((match) => match[1]);
  const postForm = (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: browser({ 'content-type': 'application/x-www-form-urlencoded' }), payload: encodeForm(fields) });

  it('uploads from the page’s multipart form with its alt text, caption and credit, and shows the new image', async () => {
    const page = await libraryPage();
    expect(page).toContain('<form method="post" action="/admin/media" enctype="multipart/form-data">');
    expect(page).toMatch(/<input type="file" id="media-file" name="file"/);

    const created = await uploaded('market-day.jpg', { alt: 'Stalls in the square', caption: 'Saturday market', credit: 'Ana Lee', decorative: '' });
    expect(created).toMatchObject({ filename: 'market-day.jpg', alt: 'Stalls in the square', caption: 'Saturday market', credit: 'Ana Lee', decorative: false, usageCount: 0 });
    const after = await libraryPage();
    expect(cardIds(after)[0]).toBe(created.id);
    expect(after).toContain('<h2>market-day.jpg</h2>');
    expect(after).toContain('640 × 480 · used by 0 articles · Photo: Ana Lee');
    expect(after).toContain(`<code>![Stalls in the square](/media/${created.id})</code>`);
  });

  it('draws a refused upload on the page, with the reason and the form again', async () => {
    const refused = await uploadOnPage('report.jpg', { alt: 'Not a photo' }, Buffer.from('%PDF-1.7\n1 0 obj'));
    expect(refused.statusCode).toBe(415);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.body).toMatch(/<p class="notice notice--error" role="alert">[^<]+<\/p>\s*<form method="post" action="\/admin\/media" enctype="multipart\/form-data">/);
    expect(refused.body).not.toContain('report.jpg');
  });

  it('edits alt text, caption and credit from an image’s form', async () => {
    const created = await uploaded('council.jpg', { alt: 'Old alt', caption: 'Old caption', credit: 'Old credit' });
    const saved = await postForm(`/admin/media/${created.id}`, { alt: '  The council chamber  ', caption: 'Tuesday’s vote', credit: 'Photo: City archive', decorative: '1' });
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`/admin/media#media-${created.id}`);
    expect(await item(created.id)).toMatchObject({ alt: 'The council chamber', caption: 'Tuesday’s vote', credit: 'Photo: City archive', decorative: true });
    const page = await libraryPage('council');
    expect(page).toContain('value="The council chamber"');
    expect(page).toContain('Tuesday’s vote</textarea>');
    // A credit that already says what it is is not prefixed again.
    expect(page).toContain('· Photo: City archive</p>');

    // An unchecked box is absent from the form: the image is no longer decorative, and an emptied field is emptied.
    expect((await postForm(`/admin/media/${created.id}`, { alt: 'The council chamber', caption: '', credit: '' })).statusCode).toBe(303);
    expect(await item(created.id)).toMatchObject({ alt: 'The council chamber', caption: '', credit: '', decorative: false });

    const tooLong = await postForm(`/admin/media/${created.id}`, { alt: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect((await item(created.id)).alt).toBe('The council chamber');
  });

  it('finds images by file name, alt text or caption, whatever the case, taking % and _ literally', async () => {
    const byName = await uploaded('Kingfisher-0412.jpg', { alt: 'A bird', caption: '' });
    const byAlt = await uploaded('img_2231.jpg', { alt: 'A grey heron on the weir' });
    const byCaption = await uploaded('dsc0001.jpg', { alt: 'Water', caption: 'Floodwater under the old BRIDGE' });
    const literal = await uploaded('crop-100%.jpg', { alt: 'Cropped' });

    for (const [q, expected] of [['kingfisher', [byName.id]], ['HERON', [byAlt.id]], ['bridge', [byCaption.id]], ['100%', [literal.id]], ['img_', [byAlt.id]]] as const) {
      expect(cardIds(await libraryPage(q)), q).toEqual(expected);
      const api = (await t.request({ method: 'GET', url: `/api/admin/media?q=${encodeURIComponent(q)}`, as: editor })).json<{ items: ItemJson[] }>();
      expect(api.items.map((entry) => entry.id), q).toEqual(expected);
    }
    // `%` and `_` are not wildcards: only the file name that holds them matches.
    expect(cardIds(await libraryPage('%'))).toEqual([literal.id]);
    expect(cardIds(await libraryPage('i_g'))).toEqual([]); // as a wildcard, `_` would match the m of img
    const none = await libraryPage('nothing-like-this');
    expect(none).toContain('No image matches.');
    expect(none).toContain('value="nothing-like-this"');
  });

  it('counts the articles that use an image, refuses to delete it while any does and lists them, then deletes it once unused', async () => {
    const photo = await uploaded('river-bank.jpg', { alt: 'The river bank' });
    const article = async (title: string) => {
      const response = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title, body: `Text.\n\n![The bank](/media/${photo.id})` } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const weir = await article('Weir closes');
    const river = await article('River report');
    expect((await item(photo.id)).usageCount).toBe(2);
    expect(await libraryPage('river-bank')).toContain('used by 2 articles');

    const refused = await postForm(`/admin/media/${photo.id}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This image is used by 2 articles: “River report”, “Weir closes”. Remove it from them first.');
    expect(refused.body).toContain(`<ul><li><a href="/admin/articles/${river}">River report</a></li><li><a href="/admin/articles/${weir}">Weir closes</a></li></ul>`);
    // The refused image's card is open, and the image is still there.
    expect(refused.body).toMatch(new RegExp(`id="media-${photo.id}">[\\s\\S]*?<details open>`));
    expect(cardIds(await libraryPage('river-bank'))).toEqual([photo.id]);

    for (const id of [weir, river]) {
      const edited = await t.request({ method: 'PATCH', url: `/api/admin/articles/${id}`, as: editor, payload: { body: 'Text without the photo.' } });
      expect(edited.statusCode, edited.body).toBe(200);
    }
    expect(await libraryPage('river-bank')).toContain('used by 0 articles');
    const deleted = await postForm(`/admin/media/${photo.id}/delete`, {});
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toContain('Image deleted.');
    expect(cardIds(deleted.body)).not.toContain(photo.id);
    expect((await t.request({ method: 'GET', url: `/api/admin/media/${photo.id}`, as: editor })).statusCode).toBe(404);
  });
});
