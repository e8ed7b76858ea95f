import { describe, expect, it } from 'vitest';
import { fts5Query, searchTerms } from './search.js';
import { slugify } from './validate.js';
import { parseVideoUrl } from './video.js';

describe('video links', () => {
  it('turns YouTube, Vimeo and Rumble embed links into privacy-friendly player addresses', () => {
    const embed = (url: string) => parseVideoUrl(url)?.embedUrl;
    expect(embed('https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=30')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1');
    expect(embed('https://youtu.be/aqz-KE-bpKQ')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1');
    expect(embed('https://m.youtube.com/shorts/aqz-KE-bpKQ')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1');
    expect(embed('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871?autoplay=1&dnt=1');
    expect(embed('https://rumble.com/embed/v5abc12/?pub=4')).toBe('https://rumble.com/embed/v5abc12/?autoplay=2');
    expect(embed('https://cdn.example.org/clips/river.mp4')).toBe('https://cdn.example.org/clips/river.mp4');
  });

  it('keeps a Rumble page as a plain link and refuses other sites and schemes', () => {
    expect(parseVideoUrl('https://rumble.com/v5abc12-river-cleanup.html')).toMatchObject({ kind: 'rumble', embedUrl: null });
    expect(parseVideoUrl('https://example.org/video-page')).toBeNull();
    expect(parseVideoUrl('javascript:alert(1)//.mp4')).toBeNull();
    expect(parseVideoUrl('https://www.youtube.com/watch?v=<script>')).toBeNull();
  });
});

describe('slugs and search terms', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Água & Rates: Council’s Vote!')).toBe('agua-rates-councils-vote');
    expect(slugify('  --  ')).toBe('');
    expect(slugify('a'.repeat(200)).length).toBe(80);
  });

  it('quotes every search word so FTS5 operators stay words', () => {
    expect(searchTerms('"water" OR NEAR(rates) title:x*')).toEqual(['water', 'or', 'near', 'rates', 'title', 'x']);
    expect(fts5Query(['water', 'rat'])).toBe('"water" "rat"*');
  });
});
