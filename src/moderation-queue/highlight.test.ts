import { describe, expect, it } from 'vitest';
import { highlightHtml } from './highlight.js';

describe('highlightHtml', () => {
  it('wraps matches in text, case-insensitively, and leaves tags and attributes alone', () => {
    expect(highlightHtml('<p>You Idiot, <a href="/idiot" title="idiot">idiot</a></p>', ['idiot'])).toBe(
      '<p>You <mark>Idiot</mark>, <a href="/idiot" title="idiot"><mark>idiot</mark></a></p>',
    );
  });

  it('never splits an entity and matches text as the reader wrote it', () => {
    expect(highlightHtml('<p>amp &amp; AT&amp;T &lt;b&gt;</p>', ['amp'])).toBe('<p><mark>amp</mark> &amp; AT&amp;T &lt;b&gt;</p>');
    expect(highlightHtml('<p>AT&amp;T rocks</p>', ['at&t'])).toBe('<p><mark>AT&amp;T</mark> rocks</p>');
    expect(highlightHtml('<p>&lt;script&gt;</p>', ['<script>'])).toBe('<p><mark>&lt;script&gt;</mark></p>');
  });

  it('merges overlapping matches and handles several per text node', () => {
    expect(highlightHtml('<p>f.u.c.k and f.u.c.k off</p>', ['f.u.c.k', 'c.k and'])).toBe('<p><mark>f.u.c.k and</mark> <mark>f.u.c.k</mark> off</p>');
    expect(highlightHtml('<p>plain</p>', [])).toBe('<p>plain</p>');
    expect(highlightHtml('<p>plain</p>', ['  '])).toBe('<p>plain</p>');
  });

  it('adds nothing but <mark> tags: a hostile match cannot inject markup', () => {
    const out = highlightHtml('<p>&lt;img src=x onerror=alert(1)&gt;</p>', ['<img src=x onerror=alert(1)>', '"><script>']);
    expect(out).toBe('<p><mark>&lt;img src=x onerror=alert(1)&gt;</mark></p>');
    expect(out.replace(/<\/?mark>/g, '')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });
});
