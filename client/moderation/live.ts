// The queue's live stream: counts stay current, and new items wait behind a bar instead of
// shifting what the moderator is reading.
import type { QueueLiveEvent } from '../../src/moderation-queue/contract.js';
import type { Counts } from './api.js';

/** One of the stream's events, by its type. */
type LiveEvent<T extends QueueLiveEvent['type']> = Extract<QueueLiveEvent, { type: T }>;

export interface LiveHandlers {
  tab: string;
  isShown(commentId: string): boolean;
  /** Ids this page acted on itself, so its own actions do not read as someone else's. */
  ownActions: Set<string>;
  onHandledElsewhere(commentId: string, action: string): void;
}

export function updateCounts(counts: Counts): void {
  for (const [tab, count] of Object.entries(counts)) {
    for (const element of document.querySelectorAll<HTMLElement>(`[data-count="${tab}"]`)) element.textContent = String(count);
  }
}

function relevant(tab: string, type: string, status: unknown): boolean {
  if (type === 'comment.flagged') return tab === 'reported';
  if (type !== 'comment.held') return false;
  if (tab === 'all') return true;
  return (tab === 'pending' && status === 'pending') || (tab === 'rejected' && status === 'rejected');
}

export function startLive(handlers: LiveHandlers): () => void {
  const bar = document.querySelector<HTMLElement>('[data-new-bar]');
  const button = bar?.querySelector<HTMLButtonElement>('[data-show-new]');
  const fresh = new Set<string>();
  const source = new EventSource('/api/admin/moderation/live');

  const showBar = () => {
    if (!bar || !button) return;
    bar.hidden = fresh.size === 0;
    button.textContent = `${fresh.size} new item${fresh.size === 1 ? '' : 's'} — show`;
  };
  button?.addEventListener('click', () => {
    location.assign(`/admin/moderation?tab=${encodeURIComponent(handlers.tab)}`);
  });

  const onItem = (type: 'comment.held' | 'comment.flagged') => (message: MessageEvent<string>) => {
    const data = JSON.parse(message.data) as LiveEvent<typeof type>;
    if (!data.commentId || handlers.isShown(data.commentId) || !relevant(handlers.tab, type, (data as Partial<LiveEvent<'comment.held'>>).status)) return;
    fresh.add(data.commentId);
    showBar();
  };
  source.addEventListener('comment.held', onItem('comment.held'));
  source.addEventListener('comment.flagged', onItem('comment.flagged'));
  source.addEventListener('counts', (message: MessageEvent<string>) => updateCounts(JSON.parse(message.data) as LiveEvent<'counts'>));
  source.addEventListener('moderation.action', (message: MessageEvent<string>) => {
    const data = JSON.parse(message.data) as LiveEvent<'moderation.action'>;
    for (const id of data.commentIds ?? []) {
      if (handlers.ownActions.has(id)) continue;
      if (handlers.isShown(id)) handlers.onHandledElsewhere(id, data.action);
    }
  });

  // One subscription per open page: given back as soon as the page goes away.
  const stop = () => source.close();
  window.addEventListener('pagehide', stop, { once: true });
  return stop;
}
