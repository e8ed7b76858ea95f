import { randomBytes } from 'node:crypto';
import { newId } from '../db/ids.js';
import type { TestApp, TestIdentity } from '../testing/test-app.js';

let articleCounter = 0;
let readerCounter = 0;

/** A published article written straight into the table, so comment tests do not depend on the editor's rules. */
export async function createTestArticle(
  t: TestApp,
  options: { slug?: string; commentsOpen?: boolean; closeAfterDays?: number | null; premoderate?: boolean; publishedAt?: string } = {},
): Promise<{ id: string; slug: string }> {
  articleCounter += 1;
  const now = t.clock.now();
  const author = await t.runtime.db.selectFrom('users').select('id').where('role', '!=', 'reader').limit(1).executeTakeFirst();
  const authorId = author?.id ?? (await t.signIn('editor')).userId;
  const id = newId(now);
  const slug = options.slug ?? `story-${articleCounter}-${id.slice(-6)}`;
  await t.runtime.db
    .insertInto('articles')
    .values({
      id,
      slug,
      title: `Story ${articleCounter}`,
      summary: '',
      body_md: 'Body',
      author_id: authorId,
      status: 'published',
      published_at: options.publishedAt ?? new Date(now.getTime() - 60_000).toISOString(),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      comments_open: options.commentsOpen === false ? 0 : 1,
      comments_close_after_days: options.closeAfterDays ?? null,
      premoderate: options.premoderate ? 1 : 0,
    })
    .execute();
  return { id, slug };
}

/** A signed-in reader account (role reader). */
export async function createReader(t: TestApp, name?: string, options: { notify?: boolean; email?: string } = {}): Promise<TestIdentity & { email: string }> {
  readerCounter += 1;
  const time = t.clock.now().toISOString();
  const id = newId(t.clock.now());
  const email = options.email ?? `reader${readerCounter}-${id.slice(-5)}@readers.test`;
  await t.runtime.db
    .insertInto('users')
    .values({ id, email, display_name: name ?? `Reader ${readerCounter}`, role: 'reader', notify_replies: options.notify ? 1 : 0, created_at: time, updated_at: time })
    .execute();
  return { ...(await t.identityFor(id)), email };
}

/** An anonymous browser that already holds a guest identity cookie (as after its first post). */
export function guestBrowser(t: TestApp): TestIdentity {
  const visitor = t.anonymous();
  return { ...visitor, cookie: `${visitor.cookie}; tribune_guest=${randomBytes(32).toString('base64url')}` };
}

export async function post(
  t: TestApp,
  as: TestIdentity,
  article: string,
  body: { text: string; parentId?: string; name?: string; email?: string; postAnyway?: boolean },
) {
  const payload = as.userId ? body : { name: 'Guest Writer', ...body };
  return t.request({ method: 'POST', url: `/api/articles/${article}/comments`, as, payload });
}

/** Posts and returns the new comment's id, failing loudly if the post did not succeed. */
export async function postId(t: TestApp, as: TestIdentity, article: string, text: string, parentId?: string): Promise<string> {
  const response = await post(t, as, article, { text, ...(parentId ? { parentId } : {}) });
  if (response.statusCode !== 201) throw new Error(`post failed: ${response.statusCode} ${response.body}`);
  return response.json().comment.id as string;
}

/** Lifts rate limits and the moderation rules that depend on posting pace, for tests that post a lot. */
export async function relax(t: TestApp): Promise<void> {
  await t.runtime.settings.update('comments', { postsPerMinutePerIp: 100_000, postsPerMinutePerReader: 100_000, actionsPerMinutePerIp: 100_000 });
  await t.runtime.settings.update('moderation', { floodCount: 0, linkMinApproved: 0, repeatWindowMinutes: 0, holdThreshold: 0.999, rejectThreshold: 1 });
}
