import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { setMediaUsage } from './index.js';
import { compressiblePng, jpegWithGps, makeImage, multipart, pngClaiming } from './testing/images.js';

interface ItemJson {
  id: string;
  reference: string;
  width: number;
  height: number;
  removedMetadata: string[];
  files: { name: string; url: string; width: number; format: string; original: boolean }[];
  usageCount: number;
}

/** Both stores that can run here, on whichever database this run uses (SQLite, or PostgreSQL with --project pg). */
describe.each(['file', 'database'] as const)('media on the %s store', (store) => {
  let t: TestApp;
  let editor: TestIdentity;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRIBUNE_MEDIA_STORE: store } });
    editor = await t.signIn('editor');
  });
  afterAll(() => t.close());

  async function upload(bytes: Buffer, filename: string, fields: Record<string, string> = {}) {
    const body = multipart({ bytes, filename }, fields);
    return t.request({ method: 'POST', url: '/api/admin/media', as: editor, headers: body.headers, payload: body.payload });
  }

  async function fetchFile(url: string) {
    const response = await t.request({ method: 'GET', url });
    return { response, bytes: response.rawPayload };
  }

  it.each(['jpeg', 'png', 'webp', 'avif', 'gif'] as const)('takes a %s, derives AVIF/WebP/JPEG at fixed widths without upscaling, and serves them for good', async (format) => {
    const response = await upload(await makeImage(format), `photo.${format}`, { alt: 'A gradient', caption: 'Dusk', credit: 'Jane Doe' });
    expect(response.statusCode, response.body).toBe(201);
    const item = response.json<ItemJson>();
    expect([item.width, item.height]).toEqual([1000, 700]);
    const derived = item.files.filter((file) => !file.original);
    expect([...new Set(derived.map((file) => file.width))]).toEqual([320, 640, 960, 1000]);
    expect(new Set(derived.map((file) => file.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
    expect(item.files.filter((file) => file.original)).toHaveLength(1);
    for (const file of item.files) {
      const { response: served, bytes } = await fetchFile(file.url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(bytes).metadata();
      const expected = file.format === 'avif' ? 'heif' : file.format;
      expect(meta.format).toBe(expected);
      expect(served.headers['content-type']).toBe(`image/${file.format}`);
      expect(meta.width).toBe(file.width);
      const again = await t.request({ method: 'GET', url: file.url, headers: { 'if-none-match': String(served.headers.etag) } });
      expect(again.statusCode).toBe(304);
    }
    const stable = await t.request({ method: 'GET', url: item.reference });
    expect(stable.statusCode).toBe(302);
    expect(stable.headers.location).toMatch(new RegExp(`^/media/${item.id}/[0-9a-f]{16}-1000\\.jpg$`));
  });

  it('removes GPS, serial number and author from the original and every derived file, and says so', async () => {
    const source = await jpegWithGps();
    expect(exifReader((await sharp(source).metadata()).exif!).GPSInfo).toBeDefined();
    const item = (await upload(source, 'field.jpg', { alt: 'A street' })).json<ItemJson>();
    expect(item.removedMetadata).toEqual(expect.arrayContaining(['GPS position', 'camera serial number', 'author', 'camera make and model', 'copyright']));
    for (const file of item.files) {
      const { bytes } = await fetchFile(file.url);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, file.name).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(bytes.includes(Buffer.from('Jane Reporter'))).toBe(false);
      expect(bytes.includes(Buffer.from('093021004512'))).toBe(false);
    }
  });

  it('keeps one credit line when the site asks, and nothing else', async () => {
    await t.runtime.settings.update('media', { keepCreditLine: true });
    try {
      const item = (await upload(await jpegWithGps(), 'credited.jpg', { credit: 'Photo: Agency X' })).json<ItemJson>();
      expect(item.removedMetadata).toContain('GPS position');
      expect(item.removedMetadata).not.toContain('copyright');
      for (const file of item.files.filter((candidate) => candidate.format === 'jpeg')) {
        const exif = exifReader((await sharp((await fetchFile(file.url)).bytes).metadata()).exif!);
        expect(exif.Image?.Copyright).toBe('Photo: Agency X');
        expect(exif.GPSInfo).toBeUndefined();
        expect(exif.Image?.Artist).toBeUndefined();
        expect(exif.Photo?.BodySerialNumber).toBeUndefined();
      }
    } finally {
      await t.runtime.settings.update('media', { keepCreditLine: false });
    }
  });

  it('refuses what is not an image, whatever its name says', async () => {
    for (const [bytes, name] of [[Buffer.from('%PDF-1.7\n1 0 obj'), 'photo.jpg'], [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.png'], [Buffer.from('hello'), 'x.gif']] as const) {
      const response = await upload(bytes, name);
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ error: 'MEDIA_TYPE_UNSUPPORTED' });
    }
    const none = await t.request({ method: 'POST', url: '/api/admin/media', as: editor, ...(() => { const b = multipart(undefined, { alt: 'x' }); return { headers: b.headers, payload: b.payload }; })() });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ error: 'MEDIA_NO_FILE' });
  });

  it('refuses a file over the upload limit from settings', async () => {
    await t.runtime.settings.update('media', { maxUploadMegabytes: 1 });
    try {
      const noise = await sharp(Buffer.from(Array.from({ length: 800 * 800 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 800, height: 800, channels: 3 } }).png().toBuffer();
      expect(noise.length).toBeGreaterThan(1_000_000);
      const response = await upload(noise, 'noise.png');
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ error: 'MEDIA_TOO_LARGE' });
    } finally {
      await t.runtime.settings.update('media', { maxUploadMegabytes: 20 });
    }
  });

  it('refuses decompression bombs from their header, without the process growing', async () => {
    const forged = pngClaiming(100_000, 100_000);
    const real = await compressiblePng(9000, 9000); // 81 megapixels, a few hundred kB on disk, 243 MB decoded
    expect(real.length).toBeLessThan(2_000_000);
    const before = process.memoryUsage().rss;
    for (const bytes of [forged, real, forged, real]) {
      const response = await upload(bytes, 'bomb.png');
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ error: 'MEDIA_TOO_MANY_PIXELS' });
    }
    // Decoding either would need ≥ 243 MB; refusing from the header costs next to nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses to delete an image in use, naming the articles, and deletes it once unused', async () => {
    const item = (await upload(await makeImage('jpeg', 700, 500), 'used.jpg', { alt: 'Used' })).json<ItemJson>();
    await setMediaUsage(t.runtime, { kind: 'article', id: 'a1', title: 'River report', url: '/admin/articles/a1' }, [item.id]);
    const listed = (await t.request({ method: 'GET', url: '/api/admin/media?q=used.jpg', as: editor })).json<{ items: ItemJson[] }>();
    expect(listed.items.map((entry) => [entry.id, entry.usageCount])).toEqual([[item.id, 1]]);
    const refused = await t.request({ method: 'DELETE', url: `/api/admin/media/${item.id}`, as: editor });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'MEDIA_IN_USE', usedBy: [{ title: 'River report', url: '/admin/articles/a1' }] });
    const page = await t.request({ method: 'POST', url: `/admin/media/${item.id}/delete`, as: editor, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('River report');
    await setMediaUsage(t.runtime, { kind: 'article', id: 'a1', title: 'River report', url: '/admin/articles/a1' }, []);
    expect((await t.request({ method: 'DELETE', url: `/api/admin/media/${item.id}`, as: editor })).statusCode).toBe(204);
    const gone = await t.request({ method: 'GET', url: item.files[0].url });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: 'MEDIA_NOT_FOUND' });
  });

  it('answers 404 JSON for unknown images and files, and lets only editors upload', async () => {
    for (const url of ['/media/zzzzzzzzzzzzzzzzzzzz', '/media/zzzzzzzzzzzzzzzzzzzz/0000-320.jpg', '/media/..%2F..%2Fetc/passwd']) {
      const response = await t.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/json/);
    }
    const reader = await t.signIn('moderator');
    const body = multipart({ bytes: await makeImage('png', 400, 300), filename: 'x.png' });
    expect((await t.request({ method: 'POST', url: '/api/admin/media', as: reader, headers: body.headers, payload: body.payload })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/admin/media', as: t.anonymous(), headers: body.headers, payload: body.payload })).statusCode).toBe(401);
  });

  it('shows the library with search, usage and what was removed', async () => {
    await upload(await jpegWithGps(), 'heron-at-dawn.jpg', { alt: 'A grey heron', caption: 'On the weir' });
    const page = await t.request({ method: 'GET', url: '/admin/media?q=heron', as: editor });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('heron-at-dawn.jpg');
    expect(page.body).toContain('GPS position');
    expect(page.body).toContain('<picture>');
    const none = await t.request({ method: 'GET', url: '/admin/media?q=nothing-like-this', as: editor });
    expect(none.body).toContain('No image matches.');
  });
});
