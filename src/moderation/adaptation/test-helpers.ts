import { newId } from '../../db/ids.js';
import { createTestArticle } from '../../comments/test-fixtures.js';
import { moderatorDecisions } from '../../moderation-queue/index.js';
import type { Runtime } from '../../runtime.js';
import type { TestApp } from '../../testing/test-app.js';
import { createSiteAdaptation, type SiteAdaptation } from './store.js';
import type { SimulatedComment } from './simulated-site.js';

/**
 * Writes comments and the log rows the queue writes for them (the pipeline's hold, then a moderator's
 * approve or reject), one decision an hour from `start`. Much faster than the queue for setting up
 * hundreds of decisions; the end-to-end test goes through the queue itself.
 */
export async function seedDecisions(t: TestApp, comments: readonly Pick<SimulatedComment, 'text' | 'label'>[], start = Date.parse('2026-03-01T00:00:00Z')): Promise<string[]> {
  const article = await createTestArticle(t);
  const moderator = await t.runtime.db.selectFrom('users').select('id').where('role', 'in', ['moderator', 'admin']).executeTakeFirst();
  const actorId = moderator?.id ?? (await t.signIn('moderator')).userId;
  const ids: string[] = [];
  for (const [i, comment] of comments.entries()) {
    const at = new Date(start + i * 3_600_000);
    const time = at.toISOString();
    const id = newId(at);
    ids.push(id);
    await t.runtime.db.insertInto('comments').values({
      id, article_id: article.id, parent_id: null, root_id: id, depth: 0, path: id, author_id: null, guest_key: null,
      author_name: 'Guest', author_email: null, body: comment.text, body_html: `<p>${comment.text}</p>`,
      status: comment.label === 1 ? 'rejected' : 'published', created_at: time, updated_at: time, edited_at: null, deleted_at: null,
    }).execute();
    await t.runtime.db.insertInto('moderation_actions').values([
      { id: newId(at), comment_id: id, user_id: null, actor_id: null, action: 'system_hold', reason: 'Held.', detail: '{}', event_key: `system:${id}`, created_at: time },
      {
        id: newId(new Date(at.getTime() + 60_000)), comment_id: id, user_id: null, actor_id: actorId, action: comment.label === 1 ? 'reject' : 'approve',
        reason: '', detail: '{}', event_key: null, created_at: new Date(at.getTime() + 60_000).toISOString(),
      },
    ]).execute();
  }
  return ids;
}

/** Options for a second runtime (another instance) on a test app's database: its PostgreSQL schema, if any. */
export function sameDatabase(t: TestApp): { schema?: string; redisNamespace: string } {
  // startTestApp names the Redis namespace after the test's schema.
  const namespace = t.runtime.redisNamespace;
  return t.runtime.dialect === 'postgres' ? { schema: namespace, redisNamespace: namespace } : { redisNamespace: namespace };
}

/** The site adaptation as the app wires it: learning from the queue's log of this runtime's database. */
export function siteAdaptationOf(runtime: Pick<Runtime, 'db' | 'events' | 'now' | 'settings'>): SiteAdaptation {
  return createSiteAdaptation({ ...runtime, decisions: () => moderatorDecisions(runtime.db) });
}
