import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

import { encodeForm as encode, FORM_HEADERS as form, HTML_HEADERS as html } from '../testing/forms.js';

describe('newsroom screens', () => {
  let t: TestApp;
  let editor: TestIdentity;
  let topicId: string;
  beforeEach(async () => {
    t = await startTestApp({ clock: createClock('2025-05-01T10:00:00Z') });
    editor = await t.signIn('editor');
    topicId = (await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name: 'Transit' } })).json().id;
  });
  afterEach(() => t.close());

  const post = (url: string, fields: Record<string, string | string[]>) => t.request({ method: 'POST', url, as: editor, headers: form, payload: encode(fields) });
  const articleCount = async () => (await t.runtime.db.selectFrom('articles').select('id').execute()).length;

  const fullForm = {
    title: 'Route 7 returns',
    slug: '',
    summary: 'The crosstown bus is back.',
    body: 'Every **30 minutes**.',
    mediaTag: 'photos',
    videoUrl: '',
    featuredImageUrl: '',
    featuredImageAlt: '',
    authorId: '',
    topics: [] as string[],
    sourceName: ['Transit authority schedule', ''],
    sourceUrl: ['https://example.org/route-7', ''],
    publishedAt: '',
    publishedAtWas: '',
    commentsOpen: '1',
    commentsCloseAfterDays: '',
  };

  it('writes, previews, publishes and unpublishes an article through the HTML forms', async () => {
    const editorPage = await t.request({ url: '/admin/articles/new', as: editor, headers: html });
    expect(editorPage.statusCode).toBe(200);
    expect(editorPage.body).toContain('name="title"');
    expect(editorPage.body).toContain(`value="${topicId}"`);

    const preview = await post('/admin/articles', { ...fullForm, body: '## Sub\n\n<script>x</script>', action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h2>Sub</h2>');
    expect(preview.body).not.toContain('<script>x</script>');
    expect(await articleCount()).toBe(0);

    const saved = await post('/admin/articles', { ...fullForm, topics: [topicId], action: 'save' });
    expect(saved.statusCode).toBe(303);
    const location = saved.headers.location as string;
    expect(location).toMatch(/^\/admin\/articles\/[a-z0-9]+\?done=created$/);
    const id = location.split('/')[3].split('?')[0];
    const stored = (await t.request({ url: `/api/admin/articles/${id}`, as: editor })).json();
    expect(stored).toMatchObject({ status: 'draft', slug: 'route-7-returns', mediaTag: 'photos', sources: [{ name: 'Transit authority schedule', url: 'https://example.org/route-7' }] });
    expect(stored.topics.map((x: { id: string }) => x.id)).toEqual([topicId]);

    const reopened = await t.request({ url: location, as: editor, headers: html });
    expect(reopened.body).toContain('Saved as a draft.');
    expect(reopened.body).toContain('value="Route 7 returns"');

    expect((await post(`/admin/articles/${id}`, { ...fullForm, action: 'publish' })).headers.location).toBe(`/admin/articles/${id}?done=published`);
    expect((await t.app.inject({ url: '/articles/route-7-returns', headers: html })).statusCode).toBe(200);
    expect((await post(`/admin/articles/${id}`, { ...fullForm, action: 'unpublish' })).headers.location).toBe(`/admin/articles/${id}?done=unpublished`);
    expect((await t.app.inject({ url: '/articles/route-7-returns', headers: html })).statusCode).toBe(404);
  });

  it('schedules from the form in the site’s time zone', async () => {
    await t.runtime.settings.update('site', { timeZone: 'Europe/Berlin' });
    const saved = await post('/admin/articles', { ...fullForm, publishedAt: '2025-05-02T09:30', action: 'schedule' });
    expect(saved.statusCode).toBe(303);
    const id = (saved.headers.location as string).split('/')[3].split('?')[0];
    expect((await t.request({ url: `/api/admin/articles/${id}`, as: editor })).json()).toMatchObject({ status: 'scheduled', publishedAt: '2025-05-02T07:30:00.000Z' });
    const page = await t.request({ url: `/admin/articles/${id}`, as: editor, headers: html });
    expect(page.body).toContain('value="2025-05-02T09:30"');
  });

  it('re-shows a refused form with the message beside the field and everything typed', async () => {
    await post('/admin/articles', { ...fullForm, slug: 'taken', action: 'save' });
    const before = await articleCount();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ title: '' }, 'title', 'A title is required.'],
      [{ slug: 'Not A Slug' }, 'slug', 'A slug may hold only'],
      [{ slug: 'taken' }, 'slug', 'already used'],
      [{ publishedAt: 'tomorrow-ish', action: 'schedule' }, 'publishedAt', 'not a valid date'],
      [{ publishedAt: '', action: 'schedule' }, 'publishedAt', 'Choose when'],
      [{ topics: ['no-such-topic'] }, 'topics', 'There is no topic'],
      [{ sourceName: ['Name only'], sourceUrl: ['not a url'] }, 'sources', 'Source 1'],
    ];
    for (const [change, field, message] of cases) {
      const response = await post('/admin/articles', { ...fullForm, summary: 'Typed summary kept', action: 'save', ...change });
      expect(response.statusCode, field).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body, field).toMatch(new RegExp(`id="${field}-error" role="alert">[^<]*${message}`));
      expect(response.body).toContain('Typed summary kept');
    }
    const tooLong = await post('/admin/articles', { ...fullForm, body: 'x'.repeat(200_001), action: 'save' });
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.body).toContain('id="body-error"');
    expect(await articleCount()).toBe(before);
  });

  it('filters and pages the article list', async () => {
    for (let i = 0; i < 27; i++) await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: `Filler ${i}` } });
    await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Bus story', topics: [topicId], status: 'published' } });
    const all = await t.request({ url: '/admin/articles', as: editor, headers: html });
    expect(all.body).toContain('28 articles');
    expect(all.body).toContain('Page 1 of 2');
    const byTopic = await t.request({ url: `/admin/articles?topic=${topicId}`, as: editor, headers: html });
    expect(byTopic.body).toContain('1 article match');
    expect(byTopic.body).toContain('Bus story');
    const byText = await t.request({ url: '/admin/articles?q=filler+2&status=draft', as: editor, headers: html });
    expect(byText.body).toContain('Filler 20');
    expect(byText.body).not.toContain('Bus story');
  });

  it('adds, renames and deletes topics on the topics screen', async () => {
    expect((await post('/admin/topics', { name: 'City Hall', slug: '', description: 'Votes.' })).headers.location).toBe('/admin/topics?done=added');
    const refused = await post('/admin/topics', { name: 'Anything', slug: 'city-hall', description: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="Anything"');
    expect(refused.body).toContain('already used');
    expect((await post(`/admin/topics/${topicId}`, { name: 'Buses & trains', slug: 'transit', description: '' })).statusCode).toBe(303);
    const screen = await t.request({ url: '/admin/topics', as: editor, headers: html });
    expect(screen.body).toContain('Buses &amp; trains');
    expect((await post(`/admin/topics/${topicId}/delete`, {})).headers.location).toBe('/admin/topics?done=deleted');
    expect((await t.app.inject({ url: '/topics/transit', headers: html })).statusCode).toBe(404);
  });

  it('shows the dashboard to every staff role, with newsroom figures for editors', async () => {
    await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Soon', status: 'scheduled', publishedAt: '2025-05-03T00:00:00Z' } });
    const dashboard = await t.request({ url: '/admin', as: editor, headers: html });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toMatch(/<strong>1<\/strong> scheduled/);
    expect(dashboard.body).toContain('Soon');
    const moderator = await t.signIn('moderator');
    const modView = await t.request({ url: '/admin', as: moderator, headers: html });
    expect(modView.statusCode).toBe(200);
    expect(modView.body).not.toContain('scheduled');
  });
});
