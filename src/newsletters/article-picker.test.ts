import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_HEADERS, HTML_HEADERS, encodeForm } from '../testing/forms.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { createNewsletter } from './testing/fixtures.js';

describe('the newsletter article picker', () => {
  let t: TestApp;
  let editor: TestIdentity;
  let newsletterId: string;
  let storyId: string;
  let pageId: string;

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
    newsletterId = await createNewsletter(t, 'daily', 'Daily');
    const create = async (payload: Record<string, unknown>) => {
      const response = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { ...payload, status: 'published' } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    storyId = await create({ title: 'Council votes on rents' });
    pageId = await create({ title: 'About our newsroom', slug: 'about', kind: 'page' });
  });
  afterAll(() => t.close());

  it('offers articles and never static pages', async () => {
    const compose = await t.request({ url: '/admin/newsletters/compose', as: editor, headers: HTML_HEADERS });
    expect(compose.statusCode).toBe(200);
    expect(compose.body).toContain(`value="${storyId}"`);
    expect(compose.body).toContain('Council votes on rents');
    expect(compose.body).not.toContain(`value="${pageId}"`);
    expect(compose.body).not.toContain('About our newsroom');
  });

  it('refuses a page sent by id anyway, on the form and from an API client', async () => {
    const fields = { newsletterId, kind: 'article', articleIds: pageId, subject: '', intro: '' };
    const onForm = await t.request({ method: 'POST', url: '/admin/newsletters/sends', as: editor, headers: FORM_HEADERS, payload: encodeForm(fields) });
    expect(onForm.statusCode).toBe(400);
    expect(onForm.body).toContain('is a static page, not an article');
    const fromApi = await t.request({ method: 'POST', url: '/admin/newsletters/sends', as: editor, payload: { ...fields, articleIds: [pageId] } });
    expect(fromApi.statusCode).toBe(400);
    expect(fromApi.json()).toMatchObject({ error: 'NEWSLETTER_SEND_INVALID', field: 'articleIds' });
    expect(await t.runtime.db.selectFrom('newsletter_sends').select('id').execute()).toEqual([]);
  });
});
