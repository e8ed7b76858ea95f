import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../text/markdown.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { fixture } from '../test-helpers.js';
import { wordpressContent } from './content.js';
import { importWordPress } from './import.js';

const base = 'https://old.example.org/';

describe('WordPress content', () => {
  it('turns [caption] into a figure with its caption, and drops the link around the image', () => {
    const { body } = wordpressContent('[caption id="a" width="600"]<a href="/full.jpg"><img src="/img.jpg" alt="Harbour"></a> Dawn, "calm"[/caption]', base);
    expect(body).toBe('![Harbour](https://old.example.org/img.jpg "Dawn, \\"calm\\"")');
    expect(renderMarkdown(body, 'article').value).toBe('<figure><img src="https://old.example.org/img.jpg" alt="Harbour" title="Dawn, &quot;calm&quot;" loading="lazy" /><figcaption>Dawn, "calm"</figcaption></figure>\n');
    // Old WordPress kept the caption in an attribute; Gutenberg writes <figcaption>.
    expect(wordpressContent('[caption caption="In the attribute"]<img src="/a.jpg" alt="">[/caption]', base).body).toBe('![](https://old.example.org/a.jpg "In the attribute")');
    expect(wordpressContent('<figure class="wp-block-image"><img src="/b.jpg" alt="B"><figcaption>Block <em>caption</em></figcaption></figure>', base).body)
      .toBe('![B](https://old.example.org/b.jpg "Block caption")');
  });

  it('makes the first video the click-to-load video, later ones and [audio] links, and keeps other embeds as links', () => {
    const lead = wordpressContent('[embed]https://www.youtube.com/watch?v=aqz-KE-bpKQ[/embed]\n\nText.', base);
    expect(lead).toEqual({ videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', body: 'Text.' });

    const later = wordpressContent([
      'Text first.',
      '<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
      '[video mp4="/clip.mp4"][/video]',
      'https://youtu.be/dQw4w9WgXcQ',
      '[audio src="/talk.mp3"]',
      '[embed]https://maps.example.org/x[/embed]',
      '[youtube https://www.youtube.com/watch?v=aqz-KE-bpKQ]',
      '[gallery ids="1,2"]',
    ].join('\n\n'), base);
    expect(later.videoUrl).toBe('https://player.vimeo.com/video/76979871');
    expect(later.body.split('\n\n')).toEqual([
      'Text first.',
      '[Video on Vimeo](https://player.vimeo.com/video/76979871)',
      '[Video on old.example.org](https://old.example.org/clip.mp4)',
      '[Video on YouTube](https://youtu.be/dQw4w9WgXcQ)',
      '[Audio: talk.mp3](https://old.example.org/talk.mp3)',
      'https://maps.example.org/x',
      '[Video on YouTube](https://www.youtube.com/watch?v=aqz-KE-bpKQ)',
    ]);
    // An embed quoted or listed stays where it is, as a link.
    expect(wordpressContent('<blockquote>https://youtu.be/dQw4w9WgXcQ</blockquote>', base)).toEqual({ videoUrl: null, body: '> https://youtu.be/dQw4w9WgXcQ' });
  });

  it('keeps tables as tables: header, cells with formatting, pipes escaped, short rows filled', () => {
    const { body } = wordpressContent('<table><caption>Ships</caption><tr><th>Year</th><th>A | B</th><th>C</th></tr><tr><td>2019</td><td><em>12</em></td></tr></table>', base);
    expect(body).toBe('*Ships*\n\n| Year | A \\| B | C |\n| --- | --- | --- |\n| 2019 | *12* |  |');
    expect(renderMarkdown(body, 'article').value).toContain('<table>\n<thead>\n<tr>\n<th>Year</th>\n<th>A | B</th>');
  });
});

describe('an imported post with media and tables, as readers see it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await importWordPress(t.runtime, { file: fixture('wordpress-fidelity.xml') });
  });
  afterAll(() => t.close());

  it('shows the lead video as the click-to-load player, the captioned figure, the table and the other media as links', async () => {
    const html = (await t.request({ url: '/articles/media' })).body;
    expect(html).toContain('data-embed="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"');
    expect(html).toContain('<figcaption>The harbour at dawn, "before" the storm</figcaption>');
    expect(html).toContain('<td><strong>12</strong></td>');
    expect(html).toContain('<a href="https://www.blog.example.cn/wp-content/uploads/interview.mp3" rel="noopener">Audio: interview.mp3</a>');
    expect(html).toContain('<a href="https://player.vimeo.com/video/76979871" rel="noopener">Video on Vimeo</a>');
    // No third-party frame is in the page before the reader clicks; the gallery shortcode is gone.
    expect(html).not.toMatch(/<iframe|\[gallery|\[embed|\[caption/);
  });
});
