import type { AddressInfo } from 'node:net';
import { createReader, createTestArticle, post, relax } from '../../comments/test-fixtures.js';
import { readMailbox, mailboxDir, type StoredMail } from '../../mail/index.js';
import type { TestApp, TestIdentity } from '../../testing/test-app.js';

export { createReader, createTestArticle, guestBrowser, post, postId, relax } from '../../comments/test-fixtures.js';

/** Posting pace rules off, and one word that always holds: "holdme" and one that always rejects: "zapword" (no doubled letters: site words with doubled letters do not match yet). */
export async function setUpModeration(t: TestApp): Promise<void> {
  await relax(t);
  await t.runtime.settings.update('moderation', { suspectWords: ['holdme'], bannedWords: ['zapword'], nudge: false });
}

/** Posts a comment the pipeline holds and returns its id. */
export async function postHeld(t: TestApp, as: TestIdentity, article: string, text = 'Please holdme for review'): Promise<string> {
  const response = await post(t, as, article, { text });
  if (response.statusCode !== 201 || response.json().comment.status !== 'pending') throw new Error(`expected a held comment: ${response.statusCode} ${response.body}`);
  return response.json().comment.id as string;
}

export { until } from '../../testing/wait.js';

export function auditRows(t: TestApp, where: { commentId?: string; userId?: string } = {}) {
  let query = t.runtime.db.selectFrom('moderation_actions').selectAll().orderBy('created_at').orderBy('id');
  if (where.commentId) query = query.where('comment_id', '=', where.commentId);
  if (where.userId) query = query.where('user_id', '=', where.userId);
  return query.execute();
}

export async function commentStatus(t: TestApp, id: string): Promise<string | undefined> {
  return (await t.runtime.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst())?.status;
}

export function mails(t: TestApp): StoredMail[] {
  return readMailbox(mailboxDir(t.config)!);
}

/** A form post as a browser sends it (urlencoded, token in the body). */
export function formPost(t: TestApp, as: TestIdentity, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  body.set('_csrf', as.csrf);
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return t.app.inject({ method: 'POST', url, headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}

export function page(t: TestApp, as: TestIdentity | undefined, url: string) {
  return t.request({ url, headers: { accept: 'text/html' }, ...(as ? { as } : {}) });
}

export async function newArticleAndReader(t: TestApp, name?: string) {
  return { article: await createTestArticle(t), reader: await createReader(t, name) };
}

export { openStream, type Stream } from '../../testing/sse-client.js';

export async function listen(t: TestApp): Promise<number> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return (t.app.server.address() as AddressInfo).port;
}

