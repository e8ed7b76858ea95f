import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { MAX_BODY_LENGTH } from './validate.js';

describe('bad input to the article API', () => {
  let t: TestApp;
  let editor: TestIdentity;
  let existing: { id: string; slug: string; updatedAt: string };
  beforeEach(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
    await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name: 'Housing' } });
    existing = (await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: 'Rents rise again', slug: 'rents-rise', topics: ['housing'], body: 'Original body.' },
    })).json();
  });
  afterEach(() => t.close());

  /** Everything stored about articles, to prove a refused request changed none of it. */
  async function snapshot() {
    const db = t.runtime.db;
    return {
      articles: await db.selectFrom('articles').selectAll().orderBy('id').execute(),
      topics: await db.selectFrom('article_topics').selectAll().orderBy('article_id').execute(),
      sources: await db.selectFrom('article_sources').selectAll().orderBy('id').execute(),
    };
  }

  const cases: { name: string; payload: Record<string, unknown>; status: number; error: string; field: string }[] = [
    { name: 'a missing title', payload: { summary: 'No headline' }, status: 400, error: 'TITLE_REQUIRED', field: 'title' },
    { name: 'a blank title', payload: { title: '   ' }, status: 400, error: 'TITLE_REQUIRED', field: 'title' },
    { name: 'a slug with capitals and spaces', payload: { title: 'T', slug: 'Bad Slug' }, status: 400, error: 'SLUG_INVALID', field: 'slug' },
    { name: 'a slug with a double dash', payload: { title: 'T', slug: 'bad--slug' }, status: 400, error: 'SLUG_INVALID', field: 'slug' },
    { name: 'a duplicate slug', payload: { title: 'T', slug: 'rents-rise' }, status: 400, error: 'SLUG_TAKEN', field: 'slug' },
    { name: 'an unknown topic', payload: { title: 'T', topics: ['housing', 'no-such-topic'] }, status: 400, error: 'TOPIC_UNKNOWN', field: 'topics' },
    { name: 'a malformed date', payload: { title: 'T', status: 'scheduled', publishedAt: 'next tuesday' }, status: 400, error: 'DATE_INVALID', field: 'publishedAt' },
    { name: 'an impossible date', payload: { title: 'T', publishedAt: '2025-02-30T10:00:00Z' }, status: 400, error: 'DATE_INVALID', field: 'publishedAt' },
    { name: 'a date without a zone', payload: { title: 'T', publishedAt: '2025-02-03T10:00:00' }, status: 400, error: 'DATE_INVALID', field: 'publishedAt' },
    { name: 'scheduling in the past', payload: { title: 'T', status: 'scheduled', publishedAt: '2001-01-01T00:00:00Z' }, status: 400, error: 'SCHEDULE_IN_PAST', field: 'publishedAt' },
    { name: 'a javascript: source', payload: { title: 'T', sources: [{ name: 'X', url: 'javascript:alert(1)' }] }, status: 400, error: 'SOURCE_INVALID', field: 'sources' },
    { name: 'a source without a name', payload: { title: 'T', sources: [{ name: ' ', url: 'https://example.org' }] }, status: 400, error: 'SOURCE_INVALID', field: 'sources' },
    { name: 'an unsupported video link', payload: { title: 'T', videoUrl: 'https://example.org/page' }, status: 400, error: 'VIDEO_URL_UNSUPPORTED', field: 'videoUrl' },
    { name: 'a data: image', payload: { title: 'T', featuredImageUrl: 'data:image/png;base64,AAAA' }, status: 400, error: 'URL_INVALID', field: 'featuredImageUrl' },
    { name: 'an unknown author', payload: { title: 'T', authorId: 'nobody' }, status: 400, error: 'AUTHOR_UNKNOWN', field: 'authorId' },
    { name: 'an unknown media tag', payload: { title: 'T', mediaTag: 'audio' }, status: 400, error: 'VALIDATION_FAILED', field: 'mediaTag' },
    { name: 'an unknown field', payload: { title: 'T', colour: 'red' }, status: 400, error: 'VALIDATION_FAILED', field: 'colour' },
    { name: 'a body over the limit', payload: { title: 'T', body: 'x'.repeat(MAX_BODY_LENGTH + 1) }, status: 413, error: 'ARTICLE_TOO_LONG', field: 'body' },
  ];

  for (const example of cases) {
    it(`refuses ${example.name} on create and on update, storing nothing`, async () => {
      const before = await snapshot();
      const created = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: example.payload });
      expect(created.statusCode).toBe(example.status);
      expect(created.json()).toMatchObject({ error: example.error, field: example.field });
      expect(typeof created.json().message).toBe('string');

      // The same mistake in an edit of the existing article; a missing title on an edit keeps the old one.
      const { title: _title, ...change } = example.payload;
      const edit = example.field === 'title' ? { title: ' ', summary: 'Changed' } : { ...change, title: 'Changed' };
      if (example.error !== 'SLUG_TAKEN') {
        const updated = await t.request({ method: 'PATCH', url: `/api/admin/articles/${existing.id}`, as: editor, payload: edit });
        expect(updated.statusCode).toBe(example.status);
        expect(updated.json()).toMatchObject({ error: example.error, field: example.field });
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it('refuses a request larger than the server body limit with 413', async () => {
    const response = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'T', body: 'x'.repeat(1_100_000) } });
    expect(response.statusCode).toBe(413);
  });

  it('answers 404 for an unknown article id', async () => {
    const response = await t.request({ method: 'PATCH', url: '/api/admin/articles/missing', as: editor, payload: { title: 'x' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('ARTICLE_NOT_FOUND');
  });

  it('refuses a duplicate topic slug and a nameless topic', async () => {
    const duplicate = await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name: 'Housing' } });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json()).toMatchObject({ error: 'SLUG_TAKEN', field: 'slug' });
    const nameless = await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name: '' } });
    expect(nameless.json()).toMatchObject({ error: 'NAME_REQUIRED', field: 'name' });
  });
});
