import { describe, expect, it } from 'vitest';
import { createLocalEventBus, type EventBus, type TribuneEvent } from './bus.js';

function nextEvent(bus: EventBus, channel: string): Promise<TribuneEvent> {
  return new Promise((resolve) => {
    const stop = bus.subscribe(channel, (event) => {
      stop();
      resolve(event);
    });
  });
}

describe('local event bus', () => {
  it('delivers to subscribers of the channel only, and forgets them when they unsubscribe', async () => {
    const bus = createLocalEventBus();
    const received: string[] = [];
    const stop = bus.subscribe('article:1', (event) => received.push(event.type));
    bus.subscribe('article:2', () => received.push('wrong'));
    await bus.publish('article:1', { type: 'comment.created' });
    expect(received).toEqual(['comment.created']);
    stop();
    expect(bus.listenerCount('article:1')).toBe(0);
  });

  it('keeps delivering when one listener throws', async () => {
    const bus = createLocalEventBus();
    bus.subscribe('c', () => {
      throw new Error('closed stream');
    });
    const delivered = nextEvent(bus, 'c');
    await bus.publish('c', { type: 'x' });
    await expect(delivered).resolves.toEqual({ type: 'x' });
  });
});
