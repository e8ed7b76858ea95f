import { describe, expect, it } from 'vitest';
import { createLocalEventBus, type EventBus } from './bus.js';
import type { Channel, EventOn } from './channels.js';

function nextEvent<C extends Channel>(bus: EventBus, channel: C): Promise<EventOn<C>> {
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
    await bus.publish('article:1', { type: 'reaction.changed', id: 'c1', reactions: 1 });
    expect(received).toEqual(['reaction.changed']);
    stop();
    expect(bus.listenerCount('article:1')).toBe(0);
  });

  it('keeps delivering when one listener throws', async () => {
    const bus = createLocalEventBus();
    bus.subscribe('settings', () => {
      throw new Error('closed stream');
    });
    const delivered = nextEvent(bus, 'settings');
    await bus.publish('settings', { type: 'settings.changed', group: 'site' });
    await expect(delivered).resolves.toEqual({ type: 'settings.changed', group: 'site' });
  });
});
