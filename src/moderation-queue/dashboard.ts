import type { Viewer } from '../accounts/index.js';
import { html, type Html } from '../web/html.js';
import { queueCounts } from './service.js';
import type { QueueDeps } from './types.js';

/**
 * The admin dashboard's moderation box: what waits for review and what readers reported, each a link
 * into its tab. moderation.js keeps the numbers current from the queue's live stream. Only for those
 * who may open the queue.
 */
export async function dashboardModeration(deps: Pick<QueueDeps, 'db' | 'now' | 'settings'>, viewer: Viewer): Promise<Html> {
  if (viewer.role !== 'moderator' && viewer.role !== 'admin') return html``;
  const counts = await queueCounts(deps);
  return html`<section class="dashboard-moderation" aria-labelledby="dashboard-moderation-title" data-live-counts>
  <h2 id="dashboard-moderation-title">Moderation</h2>
  <ul class="stat-cards">
    <li class="card"><a href="/admin/moderation?tab=pending"><strong data-count="pending">${counts.pending}</strong> waiting for review</a></li>
    <li class="card"><a href="/admin/moderation?tab=reported"><strong data-count="reported">${counts.reported}</strong> reported</a></li>
  </ul>
  <p><a href="/admin/moderation">Open the queue</a> · <a href="/admin/moderation/log">Moderation log</a></p>
</section>`;
}
