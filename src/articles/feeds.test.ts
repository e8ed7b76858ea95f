import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name, jpath) => ['item', 'entry', 'url', 'category'].includes(name) || (name === 'link' && String(jpath).startsWith('feed.')),
});

describe('feeds and sitemap', () => {
  let t: TestApp;
  let editor: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp({ clock: createClock('2025-04-10T12:00:00Z') });
    editor = await t.signIn('editor');
    for (const name of ['Housing', 'Transit']) await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name } });
    const make = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload }).then((r) => {
      expect(r.statusCode).toBe(201);
    });
    await make({ title: 'Rents & wages <2025>', slug: 'rents', summary: 'Rent up 9% — wages 3%.', body: '**Rent** rose.\n\n<script>x()</script>', topics: ['housing'], mediaTag: 'map', status: 'published', publishedAt: '2025-04-09T08:00:00Z' });
    await make({ title: 'Route 7 returns', slug: 'route-7', topics: ['transit'], status: 'published', publishedAt: '2025-04-08T08:00:00Z' });
    await make({ title: 'Draft about housing', slug: 'secret-draft', topics: ['housing'] });
    await make({ title: 'Future housing story', slug: 'future-story', topics: ['housing'], status: 'scheduled', publishedAt: '2025-04-20T08:00:00Z' });
  });
  afterEach(() => t.close());

  async function xml(url: string) {
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(XMLValidator.validate(response.body)).toBe(true);
    return { type: response.headers['content-type'], doc: parser.parse(response.body) };
  }

  it('publishes RSS 2.0 of public articles, newest first, escaped and parseable', async () => {
    const { type, doc } = await xml('/feed.xml');
    expect(type).toContain('application/rss+xml');
    const channel = doc.rss.channel;
    expect(doc.rss['@version']).toBe('2.0');
    expect(channel.link).toBe('http://localhost:3000/');
    expect(channel['atom:link']['@href']).toBe('http://localhost:3000/feed.xml');
    const items = channel.item;
    expect(items.map((item: { link: string }) => item.link)).toEqual(['http://localhost:3000/articles/rents', 'http://localhost:3000/articles/route-7']);
    expect(items[0].title).toBe('Rents & wages <2025> (Map)');
    expect(items[0].description).toBe('Rent up 9% — wages 3%.');
    expect(items[0].category).toEqual(['Housing']);
    expect(new Date(items[0].pubDate).toISOString()).toBe('2025-04-09T08:00:00.000Z');
    expect(items[0]['content:encoded']).toContain('<strong>Rent</strong>');
    expect(items[0]['content:encoded']).not.toContain('<script>');
    expect(items[0].guid['#text']).toMatch(/^tag:localhost,2025:article:/);
  });

  it('publishes Atom with the same entries', async () => {
    const { type, doc } = await xml('/atom.xml');
    expect(type).toContain('application/atom+xml');
    const entries = doc.feed.entry;
    expect(entries.map((entry: { title: string }) => entry.title)).toEqual(['Rents & wages <2025> (Map)', 'Route 7 returns']);
    expect(entries[0].link[0]['@href']).toBe('http://localhost:3000/articles/rents');
    expect(entries[0].published).toBe('2025-04-09T08:00:00.000Z');
    expect(entries[0].author.name).toMatch(/^Editor/);
    expect(entries[0].content['@type']).toBe('html');
    expect(doc.feed.updated).toBeTruthy();
  });

  it('has RSS and Atom per topic, and 404 for an unknown topic', async () => {
    const rss = (await xml('/topics/housing/feed.xml')).doc.rss.channel;
    expect(rss.title).toBe('Housing — Tribune');
    expect(rss.item.map((item: { link: string }) => item.link)).toEqual(['http://localhost:3000/articles/rents']);
    const atom = (await xml('/topics/transit/atom.xml')).doc.feed;
    expect(atom.entry.map((entry: { title: string }) => entry.title)).toEqual(['Route 7 returns']);
    expect((await t.app.inject({ url: '/topics/nope/feed.xml' })).statusCode).toBe(404);
  });

  it('lists every public article in the sitemap and no draft or future one', async () => {
    const { doc } = await xml('/sitemap.xml');
    const locations = doc.urlset.url.map((url: { loc: string }) => url.loc);
    expect(locations).toContain('http://localhost:3000/articles/rents');
    expect(locations).toContain('http://localhost:3000/articles/route-7');
    expect(locations).toContain('http://localhost:3000/topics/housing');
    expect(locations.filter((loc: string) => loc.includes('/articles/'))).toHaveLength(2);
    expect(locations.join(' ')).not.toMatch(/secret-draft|future-story/);

    t.clock.set('2025-04-21T00:00:00Z');
    const later = (await xml('/sitemap.xml')).doc.urlset.url.map((url: { loc: string }) => url.loc);
    expect(later).toContain('http://localhost:3000/articles/future-story');
  });

  it('serves robots.txt pointing at the sitemap and away from the admin', async () => {
    const response = await t.app.inject({ url: '/robots.txt' });
    expect(response.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    expect(response.body).toContain('Disallow: /admin');
  });
});
