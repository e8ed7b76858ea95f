import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { deliver, type EventBus, type TribuneEvent } from './bus.js';

const PREFIX = 'tribune:';

/**
 * Fans events out to every instance through Redis pub/sub. Each instance holds one subscriber
 * connection and subscribes to a channel only while someone on this instance listens to it.
 */
export async function createRedisEventBus(url: string, namespace = ''): Promise<EventBus> {
  const prefix = `${PREFIX}${namespace}`;
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  subscriber.on('message', (redisChannel: string, message: string) => {
    if (!redisChannel.startsWith(prefix)) return;
    let event: TribuneEvent;
    try {
      event = JSON.parse(message) as TribuneEvent;
    } catch {
      return;
    }
    deliver(emitter, redisChannel.slice(prefix.length), event);
  });

  return {
    async publish(channel, event) {
      await publisher.publish(prefix + channel, JSON.stringify(event));
    },
    subscribe(channel, handler) {
      if (emitter.listenerCount(channel) === 0) void subscriber.subscribe(prefix + channel);
      emitter.on(channel, handler);
      return () => {
        emitter.off(channel, handler);
        if (emitter.listenerCount(channel) === 0) void subscriber.unsubscribe(prefix + channel);
      };
    },
    listenerCount: (channel) => emitter.listenerCount(channel),
    async close() {
      emitter.removeAllListeners();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
