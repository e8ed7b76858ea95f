import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { PublicComment } from '../types.js';
import { commentSection, FLAG_REASON_LABELS, renderComment, reportForm, type MarkupContext } from '../browser.js';

const context: MarkupContext = {
  articleId: 'a1', slug: 'river', origin: '', csrf: 'token', locale: 'en-US', timeZone: 'Europe/Berlin', now: new Date('2026-03-03T10:00:00Z'),
  closed: null, guestsAllowed: true, signedIn: false, viewerName: null, maxLength: 5000, open: {}, scripted: false,
};

const comment: PublicComment = {
  id: 'c000000001', articleId: 'a1', parentId: null, rootId: 'c000000001', depth: 0, displayParentId: null, replyingTo: null, status: 'published',
  author: { name: '<img src=x onerror=alert(1)>', staff: false, url: 'javascript:alert(1)' }, html: '<p>Hello</p>', createdAt: '2026-03-03T09:00:00Z',
  editedAt: null, reactions: 2, reacted: false, mine: false, editableUntil: null, permalink: 'https://news.test/articles/river#c-c000000001',
};

describe('the shared comment markup', () => {
  it('escapes what readers wrote and links only http(s) websites, wherever it is drawn', () => {
    const drawn = renderComment(comment, context).value;
    expect(drawn).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(drawn).not.toContain('javascript:');
    expect(renderComment({ ...comment, author: { ...comment.author, url: 'https://example.org/"x' } }, context).value).toContain('href="https://example.org/&quot;x"');
    expect(drawn).toContain('<div class="comment__text"><p>Hello</p></div>');
  });

  it('offers every report reason from the one list, and closes forms the way the page can', () => {
    const form = reportForm(comment, context).value;
    for (const [value, label] of Object.entries(FLAG_REASON_LABELS)) {
      expect(form).toContain(`value="${value}"`);
      expect(form).toContain(` ${label}</label>`);
    }
    expect(form).toContain('<a class="comment-form__cancel" href="/articles/river?comment=c000000001#c-c000000001" data-action="cancel">Cancel</a>');
    expect(reportForm(comment, { ...context, scripted: true }).value).toContain('<button type="button" class="comment-form__cancel link-button" data-action="cancel">Cancel</button>');
  });

  it('puts a sanction where the form was and the review-first notice above it; from another site, links open the site in a new tab', () => {
    const view = { count: 1, sort: 'oldest' as const, threads: [], featured: [comment], nextCursor: null };
    const sanctioned = commentSection({ ...view, viewer: { signedIn: false, name: null, sanction: { status: 'suspended', until: null, message: 'Suspended <for now>.' }, reviewFirst: null } }, context).value;
    expect(sanctioned).toContain('<p class="notice comments__sanction" role="note" data-sanction="suspended">Suspended &lt;for now&gt;.</p>');
    expect(sanctioned).not.toContain('comments__composer');
    const reviewed = commentSection({ ...view, viewer: { signedIn: false, name: null, sanction: null, reviewFirst: 'Reviewed first.' } }, { ...context, origin: 'https://news.test', csrf: '' }).value;
    expect(reviewed).toMatch(/<p class="comments__review-first muted" id="new-comment-review" data-review-first>Reviewed first.<\/p>\s*<form class="comment-form"/);
    expect(reviewed).toContain('<a href="https://news.test/account?returnTo=%2Farticles%2Friver%23comments" target="_blank" rel="noopener">sign in with your email<span class="visually-hidden"> (opens in a new tab)</span></a>');
    expect(reviewed).not.toContain('name="_csrf"');
    expect(reviewed).toContain(`data-featured-id="${comment.id}"`);
  });

  it('bundles for the browser from each domain’s browser entry, with nothing from Node', async () => {
    for (const entry of ['src/comments/browser.ts', 'src/donations/browser.ts']) {
      const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((input) => !/^src\/(comments|donations)\/(browser|markup\/[a-z-]+)\.ts$|^src\/comments\/types\.ts$|^src\/web\/(html|dates)\.ts$/.test(input)), entry).toEqual([]);
    }
  });
});
