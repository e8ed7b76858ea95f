import { describe, expect, it } from 'vitest';
import type { EventBus } from './bus.js';
import type { Channel, EventOn, TribuneEvent } from './channels.js';
import { createRedisEventBus } from './redis-bus.js';
import { requireScaleOutEnv } from '../testing/scale-out.js';

const liked = (reactions: number) => ({ type: 'reaction.changed', id: 'c1', reactions }) as const;
const reactionsOf = (event: TribuneEvent) => (event.type === 'reaction.changed' ? event.reactions : null);

function nextEvent<C extends Channel>(bus: EventBus, channel: C): Promise<EventOn<C>> {
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
        await one.publish('article:7', liked(1));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await expect(received).resolves.toEqual(liked(1));
      expect(two.listenerCount('article:7')).toBe(0);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('redis replay log', () => {
  it('replays what any instance published after an id, in order, and says when the window dropped some', async () => {
    const { redisUrl: url } = requireScaleOutEnv();
    const namespace = `test${Math.random().toString(36).slice(2)}:`;
    const window = { maxEvents: 3, maxAgeMs: 60_000 };
    const one = await createRedisEventBus(url, namespace, window);
    const two = await createRedisEventBus(url, namespace, window);
    try {
      const ids: string[] = [];
      const heard = new Promise<void>((resolve) => {
        two.subscribe('article:9', (_event, id) => {
          ids.push(id!);
          if (ids.length === 2) resolve();
        });
      });
      // Let the subscription reach Redis before publishing what it should hear.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await one.publish('article:9', liked(1));
      await one.publish('article:8', liked(2));
      await two.publish('article:9', liked(3));
      await heard;
      expect(ids.every((id) => /^\d+-\d+$/.test(id))).toBe(true);

      expect(await one.replay(['article:9'], ids[0]!)).toEqual({ events: [{ id: ids[1], channel: 'article:9', event: liked(3) }], gapUpTo: null });
      // Two more push the first two out of a window of three: article 9 lost n=1, after "0-0" only.
      await one.publish('article:8', liked(4));
      await one.publish('article:8', liked(5));
      expect(await two.replay(['article:9'], '0-0')).toMatchObject({ gapUpTo: ids[0], events: [{ id: ids[1] }] });
      expect((await two.replay(['article:9'], ids[0]!)).gapUpTo).toBeNull();
      expect((await two.replay(['article:8', 'article:9'], ids[1]!)).events.map((entry) => reactionsOf(entry.event))).toEqual([4, 5]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
