import { newId } from '../../db/ids.js';
import type { TestApp, TestIdentity } from '../../testing/test-app.js';
import type { CaughtMail } from '../../testing/smtp-catcher.js';

export async function createNewsletter(t: Pick<TestApp, 'runtime'>, slug: string, name: string): Promise<string> {
  const time = new Date().toISOString();
  const id = newId();
  await t.runtime.db.insertInto('newsletters').values({ id, slug, name, description: `${name} description`, created_at: time, updated_at: time }).execute();
  return id;
}

/** A published article by a new editor and a send of it due now: the queue a benchmark or scale-out test drains. */
export async function scheduleArticleSend(db: TestApp['runtime']['db'], newsletterId: string, options: { subject: string; domain: string }): Promise<string> {
  const time = new Date().toISOString();
  const authorId = newId();
  await db.insertInto('users').values({ id: authorId, email: `editor@${options.domain}`, display_name: 'Editor', role: 'editor', created_at: time, updated_at: time }).execute();
  const articleId = newId();
  await db
    .insertInto('articles')
    .values({ id: articleId, slug: 'sent-story', title: 'A story', summary: 'Its summary.', body_md: 'Paragraph one.\n\nParagraph two.', author_id: authorId, status: 'published', published_at: time, created_at: time, updated_at: time, comments_open: 1, premoderate: 0, media_tag: null, video_url: null, featured_image_url: null, featured_image_alt: null, comments_close_after_days: null })
    .execute();
  const sendId = newId();
  await db
    .insertInto('newsletter_sends')
    .values({ id: sendId, newsletter_id: newsletterId, kind: 'article', article_ids: JSON.stringify([articleId]), subject: options.subject, intro: '', status: 'scheduled', send_after: time, created_at: time })
    .execute();
  return sendId;
}

/** Active subscribers written straight to the table: a big list without thousands of confirmation clicks. */
export async function seedSubscribers(db: TestApp['runtime']['db'], newsletterId: string, count: number, domain = 'list.test'): Promise<string[]> {
  const time = new Date().toISOString();
  const emails: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ id: newId(), email: `subscriber${start + i}@${domain}` }));
    await db.insertInto('newsletter_subscribers').values(batch.map((row) => ({ ...row, status: 'active' as const, source: 'import' as const, confirmed_at: time, created_at: time, updated_at: time }))).execute();
    await db.insertInto('newsletter_subscriptions').values(batch.map((row) => ({ subscriber_id: row.id, newsletter_id: newsletterId, created_at: time }))).execute();
    emails.push(...batch.map((row) => row.email));
  }
  return emails;
}

function form(values: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return params.toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export function formBody(values: Record<string, string | string[]>): string {
  return form(values);
}

/** An editor writes a draft on the admin screen and sends it now; returns the send's id. */
export async function editorSends(t: TestApp, editor: TestIdentity, input: { newsletterId: string; articleIds: string[]; kind?: 'article' | 'digest'; subject?: string; when?: string }): Promise<string> {
  const draft = await t.request({
    method: 'POST', url: '/admin/newsletters/sends', as: editor, headers: FORM,
    payload: form({ newsletterId: input.newsletterId, kind: input.kind ?? 'article', articleIds: input.articleIds, subject: input.subject ?? '', intro: '' }),
  });
  if (draft.statusCode !== 303) throw new Error(`draft: ${draft.statusCode} ${draft.body.slice(0, 500)}`);
  const id = draft.headers.location!.toString().split('/').pop()!;
  const scheduled = await t.request({ method: 'POST', url: `/admin/newsletters/sends/${id}/schedule`, as: editor, headers: FORM, payload: form({ when: input.when ?? 'now' }) });
  if (scheduled.statusCode !== 303) throw new Error(`schedule: ${scheduled.statusCode} ${scheduled.body.slice(0, 500)}`);
  return id;
}

export function linkIn(mail: CaughtMail, pattern: RegExp): string {
  const match = mail.text.match(pattern);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${mail.text}`);
  return match[0];
}
