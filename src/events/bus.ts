import { EventEmitter } from 'node:events';
import type { Channel, EventOn, TribuneEvent } from './channels.js';
import { createMemoryLog, DEFAULT_REPLAY_WINDOW, isReplayed, type Replay, type ReplayWindow } from './event-log.js';

/** `id` is the event's place in the replay log, on replayed channels (`article:ID`) only. */
export type EventHandler<C extends Channel = Channel> = (event: EventOn<C>, id?: string) => void;

/**
 * Publish/subscribe by channel (`article:ID`, `moderation`, `drive:ID`, `settings`: channels.ts says
 * which events each carries). In-process by default; the Redis bus delivers the same events to every instance.
 */
export interface EventBus {
  publish<C extends Channel>(channel: C, event: EventOn<C>): Promise<void>;
  /** Returns the function that unsubscribes; callers must call it when their stream closes. */
  subscribe<C extends Channel>(channel: C, handler: EventHandler<C>): () => void;
  listenerCount(channel: Channel): number;
  /**
   * What was published on these (replayed) channels after `afterId`, within the replay window, so a
   * client that lost its connection catches up; on Redis, whichever instance published it.
   */
  replay(channels: readonly Channel[], afterId: string): Promise<Replay>;
  close(): Promise<void>;
}

export interface LocalBusOptions {
  window?: ReplayWindow;
  now?: () => Date;
}

export function createLocalEventBus(options: LocalBusOptions = {}): EventBus {
  const emitter = new EventEmitter();
  // Every open SSE stream is a listener; the real bound is the connection limit, not this warning.
  emitter.setMaxListeners(0);
  const log = createMemoryLog(options.window ?? DEFAULT_REPLAY_WINDOW, options.now ?? (() => new Date()));
  return {
    async publish(channel, event) {
      deliver(emitter, channel, event, isReplayed(channel) ? log.append(channel, event) : undefined);
    },
    subscribe(channel, handler) {
      emitter.on(channel, handler);
      return () => emitter.off(channel, handler);
    },
    listenerCount: (channel) => emitter.listenerCount(channel),
    replay: async (channels, afterId) => log.replay(channels, afterId),
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** Delivers to each listener on its own, so one failing listener cannot starve the others. */
export function deliver(emitter: EventEmitter, channel: string, event: TribuneEvent, id?: string): void {
  for (const listener of emitter.listeners(channel) as ((event: TribuneEvent, id?: string) => void)[]) {
    try {
      listener(event, id);
    } catch {
      // A listener's failure (a closed stream) is its own business.
    }
  }
}
