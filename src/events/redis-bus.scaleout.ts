import { describe, expect, it } from 'vitest';
import type { EventBus, TribuneEvent } from './bus.js';
import { createRedisEventBus } from './redis-bus.js';
import { requireScaleOutEnv } from '../testing/scale-out.js';

function nextEvent(bus: EventBus, channel: string): Promise<TribuneEvent> {
  return new Promise((resolve) => {
    const stop = bus.subscribe(channel, (event) => {
      stop();
      resolve(event);
    });
  });
}

describe('redis event bus', () => {
  it('carries an event from one instance to another', async () => {
    const { redisUrl: url } = requireScaleOutEnv();
    const namespace = `test${Math.random().toString(36).slice(2)}:`;
    const one = await createRedisEventBus(url, namespace);
    const two = await createRedisEventBus(url, namespace);
    try {
      const received = nextEvent(two, 'article:7');
      // The subscription is asynchronous; publish until the other side has it.
      let done = false;
      void received.then(() => (done = true));
      for (let i = 0; i < 50 && !done; i++) {
        await one.publish('article:7', { type: 'comment.created', id: 'c1' });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await expect(received).resolves.toEqual({ type: 'comment.created', id: 'c1' });
      expect(two.listenerCount('article:7')).toBe(0);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
