import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, multipart } from '../media/testing/images.js';
import { startSmtpCatcher, type SmtpCatcher } from '../testing/smtp-catcher.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { until } from '../testing/wait.js';
import { createNewsletter, editorSends, seedSubscribers } from './testing/fixtures.js';

const BASE = 'http://localhost:3000';

describe('library images in a newsletter email', () => {
  let t: TestApp;
  let catcher: SmtpCatcher;
  let editor: TestIdentity;

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    t = await startTestApp({ env: { TRIBUNE_MAIL_TRANSPORT: catcher.url } });
    await t.runtime.settings.update('newsletters', { emailsPerMinute: 100_000 });
    editor = await t.signIn('editor');
  });
  afterAll(async () => {
    await t?.close();
    await catcher?.close();
  });

  async function upload(fields: Record<string, string>): Promise<string> {
    const body = multipart({ bytes: await makeImage('jpeg', 1600, 1000), filename: 'river.jpg' }, fields);
    const response = await t.request({ method: 'POST', url: '/api/admin/media', as: editor, headers: body.headers, payload: body.payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  }

  it('draws the featured and body images as absolute JPEG <img> at the column width, with caption and credit', async () => {
    const featured = await upload({ alt: 'The weir', caption: 'The weir at dawn', credit: 'Jane Doe' });
    const inBody = await upload({ alt: 'A heron' });
    const article = await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: 'Weir report', body: `Intro.\n\n![A heron on the bank](/media/${inBody}).\n\n![A heron on the bank](/media/${inBody})\n\nMore.`, featuredImageUrl: `/media/${featured}`, featuredImageAlt: 'Water over the weir', status: 'published' },
    });
    expect(article.statusCode, article.body).toBe(201);
    const list = await createNewsletter(t, 'weekly', 'Weekly');
    const [email] = await seedSubscribers(t.runtime.db, list, 1, 'media-mail.test');
    const sendId = await editorSends(t, editor, { newsletterId: list, articleIds: [article.json<{ id: string }>().id] });
    await until(async () => (await t.runtime.db.selectFrom('newsletter_sends').select('status').where('id', '=', sendId).executeTakeFirstOrThrow()).status === 'done', 'send done');
    const [mail] = catcher.messagesTo(email);

    expect(mail.html).not.toContain('<picture');
    expect(mail.html).not.toMatch(/\.(avif|webp)"/);
    expect(mail.html).not.toMatch(/src="\/media\//);
    const images = [...mail.html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag);
    const jpeg = (id: string) => new RegExp(`src="${BASE}/media/${id}/[0-9a-f]{16}-1200\\.jpg"`);
    // The 1200-pixel file (crisp on a high-density screen) drawn 544 wide, the 600-pixel shell less its padding.
    const featuredTag = images.find((tag) => jpeg(featured).test(tag))!;
    expect(featuredTag).toContain('width="544" height="340"');
    expect(featuredTag).toContain('alt="Water over the weir"');
    expect(mail.html).toMatch(/<figcaption style="[^"]*">The weir at dawn <span class="media-credit">Photo: Jane Doe<\/span><\/figcaption>/);
    const bodyTags = images.filter((tag) => jpeg(inBody).test(tag));
    expect(bodyTags).toHaveLength(2);
    for (const tag of bodyTags) {
      expect(tag).toContain('width="544" height="340"');
      expect(tag).toContain('alt="A heron on the bank"');
      expect(tag).toContain('max-width:100%;height:auto;');
    }

    // The address works for anyone, signed in or not, and is a JPEG as wide as its name says.
    const url = featuredTag.match(/src="([^"]+)"/)![1];
    const served = await t.app.inject({ method: 'GET', url: url.replace(BASE, '') });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(served.rawPayload).metadata()).width).toBe(1200);

    expect(mail.text).toContain(`![A heron on the bank](${BASE}/media/${inBody})`);
    expect(mail.text).not.toContain('](/media/');
  });
});
