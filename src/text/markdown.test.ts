import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('keeps script tags as inert text in both profiles', () => {
    for (const profile of ['article', 'comment'] as const) {
      const out = renderMarkdown('hello <script>alert(1)</script>', profile).value;
      expect(out).not.toContain('<script');
      expect(out).toContain('&lt;script&gt;');
    }
  });

  it('drops javascript: links and event handlers', () => {
    const out = renderMarkdown('[x](javascript:alert(1)) ![y](javascript:alert(2))', 'article').value;
    expect(out).not.toMatch(/(href|src)="javascript:/i);
    const attribute = renderMarkdown('[x](https://example.org/" onclick="alert(1))', 'article').value;
    expect(attribute).not.toMatch(/<[^>]*\son\w+=/i);
  });

  it('marks comment links as user content', () => {
    const out = renderMarkdown('see https://example.org', 'comment').value;
    expect(out).toContain('rel="nofollow ugc noopener"');
  });

  it('gives comments no headings or images', () => {
    const out = renderMarkdown('# big\n\n![img](https://example.org/a.png)', 'comment').value;
    expect(out).not.toContain('<h1');
    expect(out).not.toContain('<img');
  });

  it('renders article headings below the headline', () => {
    expect(renderMarkdown('# Section', 'article').value).toContain('<h2>Section</h2>');
  });

  it('turns Markdown into plain text', () => {
    expect(markdownToText('**Bold** and [link](https://example.org)')).toBe('Bold and link');
  });
});
