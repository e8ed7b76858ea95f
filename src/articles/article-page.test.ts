import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

const html = { accept: 'text/html' };
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('the article page', () => {
  let t: TestApp;
  let editor: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
    for (const name of ['Environment', 'City Hall']) await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name } });
  });
  afterEach(() => t.close());

  async function publish(payload: Record<string, unknown>) {
    const response = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { status: 'published', ...payload } });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; slug: string; author: { id: string } };
  }

  it('shows headline with media tag, dateline, video placeholder, body, sources, related list and metadata', async () => {
    await publish({ title: 'Water mains get replaced', slug: 'water-mains', topics: ['environment', 'city-hall'] });
    const article = await publish({
      title: 'Inside the river cleanup',
      slug: 'river-cleanup',
      mediaTag: 'video',
      summary: 'Lead levels fall upstream.',
      body: '## What improved\n\nLead fell from **412** to 138.',
      videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
      featuredImageUrl: 'https://images.example.org/river.jpg',
      featuredImageAlt: 'The river at dusk',
      topics: ['environment'],
      sources: [{ name: 'Water Authority report', url: 'https://example.org/report.pdf' }],
    });
    const response = await t.app.inject({ url: '/articles/river-cleanup', headers: html });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toMatch(/<h1 class="article__headline">Inside the river cleanup <span class="media-tag">\(Video\)<\/span><\/h1>/);
    expect(body).toContain(`<a rel="author" href="/authors/${article.author.id}">`);
    expect(body).toMatch(/<time datetime="[^"]+">/);
    expect(body).toContain('<h2>What improved</h2>');
    expect(body).toContain('<h2 id="sources-heading">Sources</h2>');
    expect(body).toContain('<a href="https://example.org/report.pdf" rel="noopener nofollow">Water Authority report</a>');
    expect(body).toContain('<h2 id="related-heading">More on this topic</h2>');
    expect(body).toContain('href="/articles/water-mains"');

    // The player is a link until clicked: no third-party frame or script in the page.
    expect(body).toContain('class="video-placeholder" href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"');
    expect(body).toContain('data-embed="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"');
    expect(body).not.toMatch(/<iframe/);
    expect(body).not.toMatch(/<script[^>]+src="https?:/);
    expect(body).toMatch(/<script src="\/assets\/article(\.[0-9a-f]{12})?\.js" defer><\/script>/);

    expect(body).toContain('<link rel="canonical" href="http://localhost:3000/articles/river-cleanup">');
    expect(body).toContain('<meta property="og:title" content="Inside the river cleanup">');
    expect(body).toContain('<meta property="og:image" content="https://images.example.org/river.jpg">');
    expect(body).toContain('<meta name="twitter:card" content="summary_large_image">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]);
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Inside the river cleanup',
      description: 'Lead levels fall upstream.',
      image: ['https://images.example.org/river.jpg'],
      author: [{ '@type': 'Person', name: expect.stringMatching(/^Editor/) }],
      publisher: { '@type': 'Organization', name: 'Tribune' },
      mainEntityOfPage: { '@id': 'http://localhost:3000/articles/river-cleanup' },
    });
    expect(typeof jsonLd.datePublished).toBe('string');
  });

  it('never turns a <script> in the body into a tag, and escapes title, summary and source names', async () => {
    await publish({
      title: `Headline ${XSS}`,
      slug: 'xss',
      summary: `Summary ${XSS}`,
      body: `Body text\n\n${XSS}\n\n[click](javascript:alert(1))`,
      sources: [{ name: `Source ${XSS}`, url: 'https://example.org/?q="><script>alert(2)</script>' }],
      featuredImageAlt: `Alt ${XSS}`,
      featuredImageUrl: 'https://example.org/a.jpg',
    });
    const response = await t.app.inject({ url: '/articles/xss', headers: html });
    const body = response.body;
    const withoutJsonLd = body.replace(/<script type="application\/ld\+json">.*?<\/script>/s, '');
    expect(withoutJsonLd).not.toMatch(/<script>/i);
    expect(body).not.toMatch(/<img src=x/i);
    expect(body).not.toContain('href="javascript:');
    expect(body).toContain('Headline &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(body).toContain('Summary &lt;script&gt;');
    expect(body).toContain('Source &lt;script&gt;');
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // JSON-LD keeps the text but cannot close its own script element.
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1];
    expect(jsonLd).not.toContain('</script');
    expect(JSON.parse(jsonLd).headline).toBe(`Headline ${XSS}`);

    const home = await t.app.inject({ url: '/', headers: html });
    expect(home.body).not.toMatch(/<script>alert/);
    expect(home.body).toContain('Headline &lt;script&gt;');
  });

  it('answers an unknown or unpublished article with a 404 page', async () => {
    const missing = await t.app.inject({ url: '/articles/no-such-story', headers: html });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect(missing.body).toContain('Page not found');
    await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Still a draft', slug: 'draft' } });
    expect((await t.app.inject({ url: '/articles/draft', headers: html })).statusCode).toBe(404);
  });

  it('lets staff preview a draft, marked as not public and not indexed', async () => {
    const draft = (await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title: 'Draft preview', body: 'Soon.' } })).json();
    const response = await t.request({ url: `/admin/articles/${draft.id}/preview`, as: editor, headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Preview: readers cannot see this draft');
    expect(response.body).toContain('<meta name="robots" content="noindex">');
  });

  it('has topic and author pages listing their public stories', async () => {
    const article = await publish({ title: 'Council story', slug: 'council', topics: ['city-hall'] });
    await publish({ title: 'Other story', slug: 'other', topics: ['environment'] });
    const topic = await t.app.inject({ url: '/topics/city-hall', headers: html });
    expect(topic.statusCode).toBe(200);
    expect(topic.body).toContain('<h1>City Hall</h1>');
    expect(topic.body).toContain('href="/articles/council"');
    expect(topic.body).not.toContain('href="/articles/other"');
    expect((await t.app.inject({ url: '/topics/none', headers: html })).statusCode).toBe(404);

    const author = await t.app.inject({ url: `/authors/${article.author.id}`, headers: html });
    expect(author.statusCode).toBe(200);
    expect(author.body).toContain('href="/articles/council"');
    expect(author.body).toContain('href="/articles/other"');
    expect((await t.app.inject({ url: '/authors/nobody', headers: html })).statusCode).toBe(404);
  });

  it('pages the front page', async () => {
    for (let i = 0; i < 14; i++) {
      await publish({ title: `Story ${i}`, slug: `story-${i}`, publishedAt: new Date(Date.now() - (i + 1) * 60_000).toISOString() });
    }
    const first = await t.app.inject({ url: '/', headers: html });
    expect(first.body).toContain('href="/articles/story-0"');
    expect(first.body).toContain('href="/?page=2"');
    expect(first.body).not.toContain('href="/articles/story-13"');
    const second = await t.app.inject({ url: '/?page=2', headers: html });
    expect(second.body).toContain('href="/articles/story-13"');
    expect(second.body).not.toContain('href="/articles/story-0"');
  });
});

describe('search', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    const editor = await t.signIn('editor');
    const make = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload });
    await make({ title: 'Council raises water rates', slug: 'water-rates', body: 'The vote was close.', status: 'published' });
    await make({ title: 'Tenants win repairs', slug: 'tenants', body: 'Heating in the towers was broken for months; water leaked.', status: 'published' });
    await make({ title: 'Secret water plan', slug: 'secret', body: 'Unpublished water notes.' });
  });
  afterEach(() => t.close());

  const search = (q: string) => t.app.inject({ url: `/search?q=${encodeURIComponent(q)}`, headers: html });

  it('finds public articles by words in the title or body, title matches first', async () => {
    const response = await search('water');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body.indexOf('href="/articles/water-rates"')).toBeGreaterThan(0);
    expect(body.indexOf('href="/articles/tenants"')).toBeGreaterThan(body.indexOf('href="/articles/water-rates"'));
    expect(body).not.toContain('/articles/secret');
    expect((await search('heating towers')).body).toContain('href="/articles/tenants"');
    expect((await search('rate')).body).toContain('href="/articles/water-rates"');
  });

  it('treats search syntax and markup as plain words', async () => {
    for (const q of ['"water', 'water OR', 'NEAR(water', 'title:water', '*', '-', "'; drop table articles; --", '<script>alert(1)</script>']) {
      const response = await search(q);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('<script>alert(1)');
    }
    expect((await search('nothing-matches-this')).body).toContain('Nothing matches');
  });
});
