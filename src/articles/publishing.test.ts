import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

const page = { accept: 'text/html' };

describe('publishing workflow', () => {
  let t: TestApp;
  let editor: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
  });
  afterEach(() => t.close());

  async function topic(name: string) {
    const response = await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name } });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; slug: string };
  }

  it('takes a draft through publish and unpublish, and readers see it only while published', async () => {
    const housing = await topic('Housing');
    const created = await t.request({
      method: 'POST',
      url: '/api/admin/articles',
      as: editor,
      payload: {
        title: 'Tenants win repairs at Riverside Towers',
        summary: 'A settlement requires heat and elevators.',
        body: '## What changes\n\nHeat in **every** unit.',
        topics: [housing.slug],
        sources: [{ name: 'Settlement agreement', url: 'https://example.org/settlement.pdf' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', slug: 'tenants-win-repairs-at-riverside-towers', public: false, publishedAt: null });
    expect(draft.topics.map((x: { slug: string }) => x.slug)).toEqual(['housing']);
    expect((await t.app.inject({ url: `/articles/${draft.slug}`, headers: page })).statusCode).toBe(404);

    const published = await t.request({ method: 'POST', url: `/api/admin/articles/${draft.id}/publish`, as: editor });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', public: true, publishedAt: t.clock.now().toISOString() });
    const reader = await t.app.inject({ url: `/articles/${draft.slug}`, headers: page });
    expect(reader.statusCode).toBe(200);
    expect(reader.body).toContain('Tenants win repairs at Riverside Towers');
    expect(reader.body).toContain('<h2>What changes</h2>');
    expect((await t.app.inject({ url: '/' })).body).toContain(`/articles/${draft.slug}`);

    const unpublished = await t.request({ method: 'POST', url: `/api/admin/articles/${draft.id}/unpublish`, as: editor });
    expect(unpublished.json()).toMatchObject({ status: 'draft', public: false });
    expect((await t.app.inject({ url: `/articles/${draft.slug}`, headers: page })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/' })).body).not.toContain(`/articles/${draft.slug}`);
  });

  it('makes unique slugs from titles, and lets an editor change one', async () => {
    const make = (title: string) => t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title } });
    const first = (await make('Água & Rates: Council Votes!')).json();
    const second = (await make('Água & Rates: Council Votes!')).json();
    expect(first.slug).toBe('agua-rates-council-votes');
    expect(second.slug).toBe('agua-rates-council-votes-2');
    const renamed = await t.request({ method: 'PATCH', url: `/api/admin/articles/${second.id}`, as: editor, payload: { slug: 'water-rates-vote' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().slug).toBe('water-rates-vote');
  });

  it('edits only the fields sent, and keeps a published article’s time when it is updated', async () => {
    const created = (await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: 'Budget hearing', summary: 'Line by line', status: 'published' },
    })).json();
    t.clock.advance(60_000);
    const updated = await t.request({ method: 'PATCH', url: `/api/admin/articles/${created.id}`, as: editor, payload: { body: 'Now with notes.' } });
    expect(updated.json()).toMatchObject({ title: 'Budget hearing', summary: 'Line by line', body: 'Now with notes.', publishedAt: created.publishedAt });
  });

  it('lists articles for the newsroom with status, topic and text filters', async () => {
    const transit = await topic('Transit');
    await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Route 7 returns', topics: [transit.id], status: 'published' } });
    await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Bike lanes on Fifth' } });
    const list = (query: string) => t.request({ url: `/api/admin/articles?${query}`, as: editor }).then((r) => r.json());
    expect((await list('')).total).toBe(2);
    expect((await list('status=draft')).articles.map((a: { title: string }) => a.title)).toEqual(['Bike lanes on Fifth']);
    expect((await list(`topic=${transit.slug}`)).articles.map((a: { title: string }) => a.title)).toEqual(['Route 7 returns']);
    expect((await list('q=LANES')).articles.map((a: { title: string }) => a.title)).toEqual(['Bike lanes on Fifth']);
    expect((await list('q=50%25')).total).toBe(0);
  });

  it('deletes an article and its topics and sources with it', async () => {
    const created = (await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: 'Short-lived', sources: [{ name: 'A', url: 'https://example.org/a' }] },
    })).json();
    expect((await t.request({ method: 'DELETE', url: `/api/admin/articles/${created.id}`, as: editor })).statusCode).toBe(204);
    expect((await t.request({ url: `/api/admin/articles/${created.id}`, as: editor })).statusCode).toBe(404);
    const sources = await t.runtime.db.selectFrom('article_sources').selectAll().execute();
    expect(sources).toEqual([]);
  });

  it('renders a Markdown preview through the sanitiser', async () => {
    const response = await t.request({ method: 'POST', url: '/api/admin/preview', as: editor, payload: { body: '# Title\n\n<script>alert(1)</script>' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().html).toContain('<h2>Title</h2>');
    expect(response.json().html).not.toContain('<script>');
  });
});

describe('roles', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('does not let a moderator publish or manage topics (403)', async () => {
    const moderator = await t.signIn('moderator');
    const create = await t.request({ method: 'POST', url: '/api/admin/articles', as: moderator, payload: { title: 'Nope', status: 'published' } });
    expect(create.statusCode).toBe(403);
    expect(create.json().error).toBe('FORBIDDEN');
    expect((await t.request({ method: 'POST', url: '/api/admin/topics', as: moderator, payload: { name: 'X' } })).statusCode).toBe(403);
    expect((await t.request({ url: '/admin/articles/new', as: moderator, headers: page })).statusCode).toBe(403);
    expect(await t.runtime.db.selectFrom('articles').select('id').execute()).toEqual([]);
  });

  it('does not let an editor manage staff users or site settings', async () => {
    const editor = await t.signIn('editor');
    expect((await t.request({ url: '/admin/users', as: editor, headers: page })).statusCode).toBe(403);
    expect((await t.request({ url: '/admin/settings', as: editor, headers: page })).statusCode).toBe(403);
    const add = await t.request({
      method: 'POST', url: '/admin/users', as: editor,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=new%40example.org&role=admin&password=long-enough-password',
    });
    expect(add.statusCode).toBe(403);
    expect(await t.runtime.db.selectFrom('users').select('id').where('email', '=', 'new@example.org').execute()).toEqual([]);
  });

  it('asks anonymous visitors to sign in: 401 for the API, the login form for pages', async () => {
    const visitor = t.anonymous();
    expect((await t.request({ method: 'POST', url: '/api/admin/articles', as: visitor, payload: { title: 'x' } })).statusCode).toBe(401);
    const screen = await t.request({ url: '/admin/articles', as: visitor, headers: page });
    expect(screen.statusCode).toBe(303);
    expect(screen.headers.location).toBe('/login?next=%2Fadmin%2Farticles');
  });

  it('lets an admin do what an editor does', async () => {
    const admin = await t.signIn('admin');
    expect((await t.request({ method: 'POST', url: '/api/admin/articles', as: admin, payload: { title: 'By the admin' } })).statusCode).toBe(201);
  });
});
