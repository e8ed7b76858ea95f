import { randomBytes } from 'node:crypto';
import { createStaffUser } from '../accounts/index.js';
import type { Deps } from '../runtime.js';
import { DEMO_STORIES, DEMO_TOPICS } from './demo-stories.js';
import { createArticle } from './service.js';
import { createTopic } from './topics.js';

/** The story the demo leads with: a video with sources and plenty of related stories. */
export const DEMO_MAIN_ARTICLE_SLUG = 'river-cleanup-sediment-tests';

const DEMO_AUTHORS = {
  maya: { email: 'maya@tribune.test', name: 'Maya Okafor', bio: 'Investigations and housing editor. Before co-founding the Ledger she covered the county courts for twelve years.' },
  daniel: { email: 'daniel@tribune.test', name: 'Daniel Reyes', bio: 'City Hall reporter. He has not missed a council meeting since 2019.' },
  priya: { email: 'priya@tribune.test', name: 'Priya Nair', bio: 'Environment and transit reporter, and a former water-quality engineer.' },
} as const;

/** Editors, topics and a dozen stories of a small city newsroom: published, one scheduled, one draft. */
export async function seedDemoArticles(deps: Pick<Deps, 'db' | 'now' | 'config'>): Promise<void> {
  const authorIds: Record<string, string> = {};
  for (const [key, author] of Object.entries(DEMO_AUTHORS)) {
    const id = await createStaffUser(deps, {
      email: author.email,
      role: 'editor',
      displayName: author.name,
      // Nobody signs in as these; the demo admin can reset them from /admin/users.
      password: randomBytes(18).toString('base64url'),
    });
    // The accounts domain has no bio setter yet; the demo writes it directly.
    await deps.db.updateTable('users').set({ bio: author.bio }).where('id', '=', id).execute();
    authorIds[key] = id;
  }
  for (const topic of DEMO_TOPICS) await createTopic(deps, topic);

  const seededAt = deps.now().getTime();
  // Oldest first, so creation order matches publication order.
  for (const story of [...DEMO_STORIES].reverse()) {
    const hours = story.hoursAgo ?? 0;
    const time = new Date(seededAt - hours * 3_600_000).toISOString();
    const article = await createArticle(deps, authorIds[story.author], {
      title: story.title,
      slug: story.slug,
      mediaTag: story.mediaTag ?? null,
      summary: story.summary,
      body: story.body,
      topics: story.topics,
      sources: story.sources ?? [],
      videoUrl: story.videoUrl ?? null,
      featuredImageUrl: story.image ? `${deps.config.baseUrl}/assets/${story.image.asset}` : null,
      featuredImageAlt: story.image?.alt ?? null,
      status: story.draft ? 'draft' : hours < 0 ? 'scheduled' : 'published',
      publishedAt: story.draft ? null : time,
    });
    // Look like stories written when they went out, not all at seeding time.
    const written = story.draft || hours < 0 ? new Date(seededAt - 2 * 3_600_000).toISOString() : time;
    await deps.db.updateTable('articles').set({ created_at: written, updated_at: written }).where('id', '=', article.id).execute();
  }
}
