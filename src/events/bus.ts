import { EventEmitter } from 'node:events';

/** Something that happened, for live pages and other instances. Plain JSON only: it may cross Redis. */
export interface TribuneEvent {
  type: string;
  [key: string]: unknown;
}

export type EventHandler = (event: TribuneEvent) => void;

/**
 * Publish/subscribe by channel (`article:ID`, `moderation`, `drive:ID`, `settings`). In-process by
 * default; the Redis bus delivers the same events to every instance.
 */
export interface EventBus {
  publish(channel: string, event: TribuneEvent): Promise<void>;
  /** Returns the function that unsubscribes; callers must call it when their stream closes. */
  subscribe(channel: string, handler: EventHandler): () => void;
  listenerCount(channel: string): number;
  close(): Promise<void>;
}

export function createLocalEventBus(): EventBus {
  const emitter = new EventEmitter();
  // Every open SSE stream is a listener; the real bound is the connection limit, not this warning.
  emitter.setMaxListeners(0);
  return {
    async publish(channel, event) {
      deliver(emitter, channel, event);
    },
    subscribe(channel, handler) {
      emitter.on(channel, handler);
      return () => emitter.off(channel, handler);
    },
    listenerCount: (channel) => emitter.listenerCount(channel),
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** Delivers to each listener on its own, so one failing listener cannot starve the others. */
export function deliver(emitter: EventEmitter, channel: string, event: TribuneEvent): void {
  for (const listener of emitter.listeners(channel) as EventHandler[]) {
    try {
      listener(event);
    } catch {
      // A listener's failure (a closed stream) is its own business.
    }
  }
}
