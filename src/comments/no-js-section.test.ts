import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { createReader, createTestArticle, postId, relax } from './test-fixtures.js';

/** The section as a browser without JavaScript gets it. */
async function pageAt(t: TestApp, path: string, as?: TestIdentity): Promise<string> {
  const response = await t.request({ url: path, ...(as ? { as } : {}) });
  expect(response.statusCode).toBe(200);
  return response.body;
}

const unescape = (href: string) => href.replace(/&amp;/g, '&');

describe('the comment section without JavaScript', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  it('gives the reply, edit and report forms a Cancel link back to the comment', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t, 'Ada Author');
    const id = await postId(t, author, article.slug, 'Something to answer');
    const back = `/articles/${article.slug}?comment=${id}#c-${id}`;
    /** The comment form posting to `action`: under the comment when one is open, else the composer. */
    const formIn = (body: string, action: string) => {
      const forms = [...body.matchAll(new RegExp(`<form class="comment-form" method="post" action="${action}"[\\s\\S]*?</form>`, 'g'))].map((match) => match[0]);
      return forms.find((form) => form.includes('parentId')) ?? forms[0] ?? '';
    };

    const reply = formIn(await pageAt(t, `/articles/${article.slug}?reply=${id}`), '/comments');
    expect(reply).toContain(`name="parentId" value="${id}"`);
    expect(reply).toContain(`<a class="comment-form__cancel" href="${back}" data-action="cancel">Cancel</a>`);

    const report = formIn(await pageAt(t, `/articles/${article.slug}?report=${id}`), `/comments/${id}/flag`);
    expect(report).toContain(`href="${back}" data-action="cancel">Cancel</a>`);

    const edit = formIn(await pageAt(t, `/articles/${article.slug}?edit=${id}`, author), `/comments/${id}/edit`);
    expect(edit).toContain('Something to answer');
    expect(edit).toContain(`href="${back}" data-action="cancel">Cancel</a>`);

    // The composer for a new comment has nothing to cancel.
    expect(formIn(await pageAt(t, `/articles/${article.slug}`), '/comments')).not.toContain('Cancel');
    // Cancel leads to a page that shows the comment and no form under it.
    const cancelled = await pageAt(t, back.split('#')[0]);
    expect(cancelled).toContain(`id="c-${id}"`);
    expect(cancelled).not.toContain(`name="parentId" value="${id}"`);
  });

  it('links from a later page of comments back to the first', async () => {
    await t.runtime.settings.update('comments', { threadsPerPage: 2 });
    const article = await createTestArticle(t);
    const writer = await createReader(t);
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      await postId(t, writer, article.slug, `Thread ${i}`);
    }
    const first = await pageAt(t, `/articles/${article.slug}?sort=newest`);
    expect(first).not.toContain('Back to the first comments');
    const more = /<a class="button button--quiet" href="([^"]+)" data-more-threads/.exec(first)![1];

    const second = await pageAt(t, unescape(more));
    expect(second).toContain('Thread 2');
    expect(second).not.toContain('Thread 4');
    const back = /<p class="comments__first"><a href="([^"]+)">Back to the first comments<\/a><\/p>/.exec(second);
    expect(back?.[1]).toBe(`/articles/${article.slug}?sort=newest#comments`);
    const again = await pageAt(t, back![1].split('#')[0]);
    expect(again).toContain('Thread 4');

    // A stale or hand-edited cursor shows the first page, which needs no way back.
    expect(await pageAt(t, `/articles/${article.slug}?cursor=not-a-cursor`)).not.toContain('Back to the first comments');
  });
});
