import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from './testing/test-app.js';

const LONE = 'x\ud800y';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the input guard at the edge', () => {
  let t: TestApp;
  let admin: TestIdentity;
  let reader: TestIdentity;
  let slug: string;
  let topicSlug: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin');
    const topic = (await t.request({ method: 'POST', url: '/api/admin/topics', as: admin, payload: { name: 'Housing' } })).json();
    topicSlug = topic.slug;
    const article = (await t.request({
      method: 'POST', url: '/api/admin/articles', as: admin,
      payload: { title: 'Rents rise again', topics: [topic.slug], body: 'Body.', status: 'published' },
    })).json();
    slug = article.slug;
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'guardreader000000001', email: 'g@readers.test', display_name: 'Gina Reader', role: 'reader', created_at: time, updated_at: time }).execute();
    reader = await t.identityFor('guardreader000000001');
  });
  afterAll(() => t.close());

  async function stored() {
    const db = t.runtime.db;
    return {
      comments: await db.selectFrom('comments').select(['id', 'body']).orderBy('id').execute(),
      names: await db.selectFrom('users').select(['id', 'display_name']).orderBy('id').execute(),
      titles: await db.selectFrom('articles').select(['id', 'title']).orderBy('id').execute(),
    };
  }

  // Well-formed JSON.stringify writes a lone surrogate as a \udXXX escape and a valid pair as itself.
  const hasLoneSurrogate = (value: unknown) => /\\ud[89a-f][0-9a-f]{2}/i.test(JSON.stringify(value));

  describe('refuses lone surrogates in JSON with 400 TEXT_NOT_UNICODE and stores nothing', () => {
    const cases: { name: string; request: () => Parameters<TestApp['request']>[0]; field: string }[] = [
      { name: 'comment text', field: 'text', request: () => ({ method: 'POST', url: `/api/articles/${slug}/comments`, as: t.anonymous(), payload: { text: `Fine ${LONE}`, name: 'Guest Writer' } }) },
      { name: 'guest name', field: 'name', request: () => ({ method: 'POST', url: `/api/articles/${slug}/comments`, as: t.anonymous(), payload: { text: 'Fine text.', name: `Guest ${LONE}` } }) },
      { name: 'display name', field: 'displayName', request: () => ({ method: 'PATCH', url: '/api/account', as: reader, payload: { displayName: `Gina ${LONE}` } }) },
      { name: 'article title', field: 'title', request: () => ({ method: 'POST', url: '/api/admin/articles', as: admin, payload: { title: `Rents ${LONE}` } }) },
      { name: 'a lone low surrogate in a source name', field: 'sources.0.name', request: () => ({ method: 'POST', url: '/api/admin/articles', as: admin, payload: { title: 'T', sources: [{ name: '\udc00', url: 'https://example.org' }] } }) },
      { name: 'an object key', field: '', request: () => ({ method: 'PATCH', url: '/api/account', as: reader, payload: { [`k${LONE}`]: 'v' } }) },
    ];
    for (const example of cases) {
      it(`in ${example.name}`, async () => {
        const before = await stored();
        const response = await t.request(example.request());
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'TEXT_NOT_UNICODE' });
        expect(typeof response.json().message).toBe('string');
        if (example.field) expect(response.json().field).toBe(example.field);
        expect(await stored()).toEqual(before);
      });
    }
  });

  it('keeps well-formed astral characters (a surrogate pair is not lone)', async () => {
    const response = await t.request({ method: 'PATCH', url: '/api/account', as: reader, payload: { displayName: 'Gina \ud83d\ude00' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().displayName).toBe('Gina \ud83d\ude00');
  });

  describe('forms cannot carry a lone surrogate, and a NUL is refused there as in JSON', () => {
    it('stores the CESU-8 bytes of a surrogate as the literal text the decoder leaves, never as a lone surrogate', async () => {
      const posted = await t.request({ method: 'POST', url: '/comments', as: t.anonymous(), headers: form, payload: `article=${slug}&name=Form+Guest&text=Broken+%ED%A0%80+bytes` });
      expect(posted.statusCode).toBe(303);
      const saved = await t.request({ method: 'POST', url: '/account', as: reader, headers: form, payload: 'displayName=Gina+%ED%A0%80' });
      expect(saved.statusCode).toBeLessThan(500);
      const created = await t.request({ method: 'POST', url: '/admin/articles', as: admin, headers: form, payload: 'action=save&title=Rents+%ED%A0%80&body=B' });
      expect(created.statusCode).toBe(303);
      expect(hasLoneSurrogate(await stored())).toBe(false);
    });

    for (const [name, request] of [
      ['comment text', () => ({ url: '/comments', as: t.anonymous(), payload: `article=${slug}&name=Form+Guest&text=Nul%00here` })],
      ['display name', () => ({ url: '/account', as: reader, payload: 'displayName=Gina%00Reader' })],
      ['article title', () => ({ url: '/admin/articles', as: admin, payload: 'action=save&title=Rents%00rise&body=B' })],
    ] as const) {
      it(`refuses a NUL in ${name} with a 400 page and stores nothing`, async () => {
        const before = await stored();
        const response = await t.request({ method: 'POST', headers: form, ...request() });
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('text/html');
        expect(await stored()).toEqual(before);
      });
    }

    it('answers the same refusal as JSON to a JSON client', async () => {
      const response = await t.request({ method: 'POST', url: '/api/admin/articles', as: admin, payload: { title: 'Rents\u0000rise' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'TEXT_HAS_NUL', field: 'title' });
    });
  });

  describe('refuses numbers that are not finite, which Ajv lets through its maximum', () => {
    const urls = () => [
      '/?page=Infinity', '/?page=1e309', `/topics/${topicSlug}?page=Infinity`, `/authors/${admin.userId}?page=1e309`, '/search?q=rent&page=1e309',
      '/admin/articles?page=Infinity', '/api/admin/articles?page=Infinity', '/api/admin/articles?pageSize=1e309', '/api/admin/articles?page=-Infinity',
      `/api/articles/${slug}/comments?limit=1e309`,
    ];
    it('with 400 NUMBER_NOT_FINITE {error, message} on every listing', async () => {
      for (const url of urls()) {
        const response = await t.request({ method: 'GET', url, as: admin });
        expect(response.statusCode, url).toBe(400);
        expect(response.json(), url).toMatchObject({ error: 'NUMBER_NOT_FINITE', message: expect.any(String) });
      }
    });

    it('and with the site error page for a browser', async () => {
      const response = await t.request({ method: 'GET', url: '/?page=1e309', headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
    });

    it('still serves pages with ordinary numbers', async () => {
      expect((await t.request({ method: 'GET', url: '/?page=2' })).statusCode).toBe(200);
      expect((await t.request({ method: 'GET', url: '/api/admin/articles?page=1&pageSize=5', as: admin })).json().pageSize).toBe(5);
    });
  });
});
