import { randomUUID } from 'node:crypto';
import type { EventBus, TribuneEvent } from '../events/index.js';
import type { PageCache } from './page-cache.js';

/** Where instances tell each other which cached pages to drop (carried by Redis when configured). */
export const PAGE_CACHE_CHANNEL = 'page-cache';
/** Pages listing articles with their comment counts: home, topics, authors. */
export const LISTINGS_TAG = 'listings';

/** A page showing this article (its own, or one listing it among related stories) or its comments. */
export const articleTag = (articleId: string) => `article:${articleId}`;

/** What a domain event changes in public pages: some tags, everything, or nothing. */
export function invalidationFor(channel: string, event: TribuneEvent): readonly string[] | 'all' | null {
  // Comments, reactions: that article's pages and JSON, related stories' counts, and the listings' counts.
  if (channel.startsWith('article:')) return [channel, LISTINGS_TAG];
  if (channel === PAGE_CACHE_CHANNEL) return null;
  // The queue hears of held and reported comments; readers' pages do not show them.
  if (channel === 'moderation' && (event.type === 'comment.held' || event.type === 'comment.flagged')) return null;
  // What moderation learned changes future decisions, not pages.
  if (channel === 'site-adaptation') return null;
  // Settings, the meter (drives), articles published on schedule, moderators' actions, and any channel
  // added later: everything, which is always correct.
  return 'all';
}

export interface PageCacheInvalidator {
  /** Drops these tags' pages (or all) here, then on every other instance. */
  invalidate(tags: readonly string[] | 'all'): Promise<void>;
}

/** On PAGE_CACHE_CHANNEL: which pages the instance `from` dropped, for the others to drop too. */
export type PageCacheEvent = {
  type: 'page-cache.invalidate';
  from: string;
  tags: string[] | 'all';
};

/**
 * The event bus, with every event also dropping the cached pages it changes: on this instance before
 * `publish` resolves (so the request that caused it, and the next one here, see the change), and on
 * the others through PAGE_CACHE_CHANNEL when `broadcast` (a Redis bus; in-process there are no others).
 */
export function withPageCacheInvalidation(bus: EventBus, cache: PageCache, broadcast: boolean): { events: EventBus; invalidator: PageCacheInvalidator; stop: () => void } {
  const instance = randomUUID();
  const apply = (tags: readonly string[] | 'all') => (tags === 'all' ? cache.clear() : cache.invalidate(tags));
  const stop = broadcast
    ? bus.subscribe(PAGE_CACHE_CHANNEL, (event) => {
      const message = event as Partial<PageCacheEvent>;
      if (message.type !== 'page-cache.invalidate' || message.from === instance) return;
      if (message.tags === 'all' || (Array.isArray(message.tags) && message.tags.every((tag) => typeof tag === 'string'))) apply(message.tags);
    })
    : () => {};
  const invalidator: PageCacheInvalidator = {
    async invalidate(tags) {
      apply(tags);
      if (broadcast) {
        const message: PageCacheEvent = { type: 'page-cache.invalidate', from: instance, tags: tags === 'all' ? 'all' : [...tags] };
        await bus.publish(PAGE_CACHE_CHANNEL, message);
      }
    },
  };
  const events: EventBus = {
    async publish(channel, event) {
      const tags = invalidationFor(channel, event);
      if (tags) {
        // Dropped here (by `invalidate`, first of all) before the event goes out, so a reader woken by it
        // cannot fetch the old page here; and in this order: an instance that hears of the event (and
        // wakes its live readers) has already dropped the pages, as one Redis connection delivers in order.
        await invalidator.invalidate(tags);
        await bus.publish(channel, event);
        return;
      }
      await bus.publish(channel, event);
    },
    subscribe: (channel, handler) => bus.subscribe(channel, handler),
    listenerCount: (channel) => bus.listenerCount(channel),
    replay: (channels, afterId) => bus.replay(channels, afterId),
    close: async () => {
      stop();
      await bus.close();
    },
  };
  return { events, invalidator, stop };
}
