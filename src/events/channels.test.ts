import { describe, expect, it } from 'vitest';
import { createLocalEventBus, type EventBus } from './bus.js';

// The `@ts-expect-error` lines are the test that `tsc -p .` runs: each must fail to compile, or the
// type-check fails because the directive is unused.
export function misuses(bus: EventBus): void {
  // @ts-expect-error a comment's event has no place on a drive's channel
  void bus.publish('drive:d1', { type: 'comment.held', commentId: 'c1', articleId: 'a1' });
  // @ts-expect-error no such channel
  bus.subscribe('nowhere', () => {});
  // @ts-expect-error event types are spelled once, in their domain's contract
  void bus.publish('settings', { type: 'setting.changed', group: 'site' });
  // @ts-expect-error an event missing what its readers need
  void bus.publish('article:a1', { type: 'comment.deleted', id: 'c1' });
  bus.subscribe('moderation', (event) => {
    // @ts-expect-error only reports carry a count; the type must be checked first
    void event.flagCount;
    if (event.type === 'comment.flagged') void event.flagCount;
  });
}

describe('the bus, typed by channel', () => {
  it('hands each subscriber its channel’s events, narrowed by type', async () => {
    const bus = createLocalEventBus();
    const seen: string[] = [];
    bus.subscribe('drive:d1', (event) => seen.push(`${event.type} ${event.driveId}`));
    bus.subscribe('drives', (event) => seen.push(`${event.type} ${event.driveId ?? 'none'}`));
    bus.subscribe('article:a1', (event) => {
      if (event.type === 'reaction.changed') seen.push(`${event.type} ${event.id} ${event.reactions}`);
    });
    await bus.publish('drive:d1', { type: 'donations.changed', driveId: 'd1' });
    await bus.publish('drives', { type: 'drive.current', driveId: null });
    await bus.publish('article:a1', { type: 'reaction.changed', id: 'c1', reactions: 2 });
    await bus.publish('article:a2', { type: 'reaction.changed', id: 'c9', reactions: 1 });
    expect(seen).toEqual(['donations.changed d1', 'drive.current none', 'reaction.changed c1 2']);
  });
});
