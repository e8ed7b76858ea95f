import { createHash } from 'node:crypto';
import type { Deps } from '../runtime.js';
import { newId } from '../db/ids.js';
import { renderMarkdown } from '../text/markdown.js';
import { refreshReactionCount, type CommentRow } from './queries.js';
import { DEMO_READERS, RIVER_DISCUSSION, WATER_MAIN_DISCUSSION, type DemoComment } from './seed-data.js';
import { placeUnder } from './place.js';

type SeedDeps = Pick<Deps, 'db' | 'now'>;

/**
 * Reader accounts and a threaded discussion under the demo's lead story (replies six deep, staff
 * answers, guests, likes, one comment held for review), and a short one under the next story.
 */
export async function seedDemoComments(deps: SeedDeps): Promise<void> {
  const articles = await deps.db
    .selectFrom('articles')
    .select(['id', 'slug', 'author_id', 'published_at'])
    .where('status', '=', 'published')
    .where('published_at', '<=', deps.now().toISOString())
    .orderBy('published_at', 'desc')
    .limit(2)
    .execute();
  if (articles.length === 0) return;

  const readerIds: Record<string, string> = {};
  const time = deps.now().toISOString();
  for (const [key, reader] of Object.entries(DEMO_READERS)) {
    const id = newId(deps.now());
    await deps.db
      .insertInto('users')
      .values({ id, email: reader.email, display_name: reader.name, role: 'reader', notify_replies: reader.notify ? 1 : 0, created_at: time, updated_at: time })
      .execute();
    readerIds[key] = id;
  }
  const [lead, second] = articles;
  await seedDiscussion(deps, lead, RIVER_DISCUSSION, readerIds);
  if (second) await seedDiscussion(deps, second, WATER_MAIN_DISCUSSION, readerIds);
}

async function seedDiscussion(
  deps: SeedDeps,
  article: { id: string; author_id: string; published_at: string | null },
  discussion: DemoComment[],
  readerIds: Record<string, string>,
): Promise<void> {
  const start = new Date(article.published_at ?? deps.now()).getTime();
  const latest = deps.now().getTime() - 60_000;
  const rows = new Map<string, CommentRow>();
  // Parents are always older than their replies, so time order inserts every parent first.
  for (const entry of [...discussion].sort((a, b) => a.at - b.at)) {
    const at = new Date(Math.min(start + entry.at * 60_000, latest));
    const id = newId(at);
    const parent = entry.parent ? rows.get(entry.parent) : undefined;
    const guestName = entry.who.startsWith('guest:') ? entry.who.slice('guest:'.length) : null;
    const authorId = entry.who === 'author' ? article.author_id : guestName ? null : readerIds[entry.who];
    const row: CommentRow = {
      id,
      article_id: article.id,
      ...placeUnder(id, parent),
      author_id: authorId,
      guest_key: guestName ? createHash('sha256').update(`demo-guest:${guestName}`).digest('hex') : null,
      author_name: guestName ?? DEMO_READERS[entry.who]?.name ?? 'Staff',
      author_email: null,
      author_url: null,
      body: entry.text,
      body_html: renderMarkdown(entry.text, 'comment').value,
      status: entry.held ? 'pending' : 'published',
      moderation_reasons: JSON.stringify(entry.held ? [{ code: 'TOXICITY', message: 'May be hostile toward people; held for a moderator.', score: 0.64 }] : []),
      moderation_scores: JSON.stringify(entry.held ? { toxicity: 0.64 } : {}),
      flag_count: 0,
      reaction_count: 0,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
      edited_at: null,
      deleted_at: null,
    };
    await deps.db.insertInto('comments').values(row).execute();
    rows.set(entry.key, row);
    if (entry.likes) {
      const reactors = [...Object.values(readerIds).map((readerId) => `u:${readerId}`), ...Array.from({ length: 20 }, (_, n) => `g:demo-${n}`)];
      await deps.db
        .insertInto('comment_reactions')
        .values(reactors.slice(0, entry.likes).map((reactor_key) => ({ comment_id: id, reactor_key, created_at: at.toISOString() })))
        .execute();
      await refreshReactionCount(deps.db, id);
    }
  }
}
