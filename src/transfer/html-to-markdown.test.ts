import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../text/markdown.js';
import { htmlToMarkdown, unwrapDisqusLink } from './html-to-markdown.js';

const comment = (html: string) => htmlToMarkdown(html, { profile: 'comment' });
const article = (html: string, baseUrl?: string) => htmlToMarkdown(html, { profile: 'article', autoParagraphs: true, baseUrl });

describe('htmlToMarkdown', () => {
  it('keeps paragraphs, breaks, emphasis, links, quotes, lists and code', () => {
    expect(comment('<p>One <b>bold</b> and <i>it</i> <a href="https://x.org/a">link</a></p><p>Two<br>lines</p>')).toBe('One **bold** and *it* [link](https://x.org/a)\n\nTwo\\\nlines');
    expect(comment('<blockquote><p>quoted</p><p>twice</p></blockquote>')).toBe('> quoted\n>\n> twice');
    expect(comment('<ol start="3"><li>three</li><li>four<ul><li>nested</li></ul></li></ol>')).toBe('3. three\n4. four\n   - nested');
    expect(comment('<pre>let a = `b`;\n  indented</pre> and <code>x`y</code>')).toBe('```\nlet a = `b`;\n  indented\n```\n\nand ``x`y``');
    expect(comment('<p>Link text equal to the URL: <a href="https://x.org/">https://x.org/</a></p>')).toBe('Link text equal to the URL: <https://x.org/>');
  });

  it('escapes what Markdown would read as formatting, so text stays text', () => {
    expect(comment('<p>*not em* _nor this_ [brackets] `tick` &amp;amp;</p>')).toBe('\\*not em\\* \\_nor this\\_ \\[brackets\\] \\`tick\\` \\&amp;');
    expect(comment('<p># not a heading</p><p>- not a list</p><p>1986. A year</p><p>&gt; not a quote</p><p>---</p>')).toBe('\\# not a heading\n\n\\- not a list\n\n1986\\. A year\n\n\\> not a quote\n\n\\---');
    expect(renderMarkdown(comment('<p>1986. A year &amp;amp; *stars*</p>'), 'comment').value).toBe('<p>1986. A year &amp;amp; *stars*</p>\n');
    // Bare URLs are left whole for the renderer to link.
    expect(comment('see https://a.b/c_d_e*')).toBe('see https://a.b/c_d_e*');
  });

  it('drops scripts and unsafe links; the stored Markdown renders to sanitised HTML', () => {
    const hostile = [
      '<script>alert(1)</script><style>p{}</style>',
      '<a href="javascript:alert(1)">click</a>',
      '<img src="x" onerror="alert(1)"><img src="data:image/png;base64,AAAA" alt="data">',
      '<iframe src="javascript:alert(1)"></iframe><p onclick="alert(1)">para</p>',
      '<a href="https://ok.example/" onmouseover="alert(1)">ok</a>',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    ].join('');
    const markdown = comment(hostile);
    // Unsafe links keep their text only; a data: image is no image; escaped tags stay literal text.
    expect(markdown).toBe('clickdata\n\npara\n\n[ok](https://ok.example/)<script>alert(1)</script>');
    const rendered = renderMarkdown(markdown, 'comment').value;
    expect(rendered).not.toMatch(/<script|javascript:|onerror|onclick|onmouseover|<img|<iframe/i);
    expect(rendered).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('reads WordPress content: blank lines are paragraphs, relative links and images resolve against the old site', () => {
    expect(article('First line\nsecond line\n\nNext paragraph <img src="/up/a.jpg" alt="A"> <a href="/2019/05/x/">x</a>', 'https://old.example.org/'))
      .toBe('First line\\\nsecond line\n\nNext paragraph ![A](https://old.example.org/up/a.jpg) [x](https://old.example.org/2019/05/x/)');
    expect(article('<h1>Top</h1><h3>Sub</h3><h6>Deep</h6><hr>')).toBe('## Top\n\n### Sub\n\n#### Deep\n\n---');
    expect(comment('<h2>Heading in a comment</h2>')).toBe('**Heading in a comment**');
    expect(article('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>')).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
    expect(comment('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>')).toBe('A | B\n\n1 | 2');
    expect(article('<p>Ünïcode — “quotes” 日本語 🎉&nbsp;end</p>')).toBe('Ünïcode — “quotes” 日本語 🎉 end');
  });

  it('unwraps Disqus link redirects', () => {
    expect(unwrapDisqusLink('http://disq.us/url?url=http%3A%2F%2Fexample.com%2Fpage%3FA%3D1%3AzC4Kz_R2nF8bqA2Hx5dHk3XnJtE&cuid=1')).toBe('http://example.com/page?A=1');
    expect(unwrapDisqusLink('https://disq.us/?url=https%3A%2F%2Fexample.org%2F%3Aabcdefghij1234567890AB')).toBe('https://example.org/');
    expect(unwrapDisqusLink('https://example.org/?url=x')).toBe('https://example.org/?url=x');
  });
});
