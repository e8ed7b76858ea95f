import { describe, expect, it } from 'vitest';
import { createLocalEventBus } from './bus.js';
import type { TribuneEvent } from './channels.js';
import { compareEventIds, createMemoryLog, eventIdAt, isReplayed } from './event-log.js';

const liked = (reactions: number) => ({ type: 'reaction.changed', id: 'c1', reactions }) as const;
const reactionsOf = (event: TribuneEvent) => (event.type === 'reaction.changed' ? event.reactions : null);

function clock(start = Date.UTC(2025, 0, 1)) {
  let time = start;
  return { now: () => new Date(time), advance: (ms: number) => (time += ms), set: (at: number) => (time = at) };
}

describe('the replay log', () => {
  it('gives ids that always increase, even when the clock stands still or steps back', () => {
    const time = clock();
    const log = createMemoryLog({ maxEvents: 100, maxAgeMs: 60_000 }, time.now);
    const first = log.append('article:a', liked(0));
    const second = log.append('article:a', liked(0));
    time.advance(-5_000);
    const third = log.append('article:a', liked(0));
    time.advance(10_000);
    const fourth = log.append('article:a', liked(0));
    const ids = [first, second, third, fourth];
    expect(ids).toEqual([...ids].sort(compareEventIds));
    expect(new Set(ids).size).toBe(4);
    expect(first).toBe(`${Date.UTC(2025, 0, 1)}-0`);
    expect(second).toBe(`${Date.UTC(2025, 0, 1)}-1`);
    // Compared as numbers, not text: 10 comes after 9.
    expect(compareEventIds('1000-10', '1000-9')).toBeGreaterThan(0);
    expect(compareEventIds('999-5', '1000-0')).toBeLessThan(0);
  });

  it('replays the asked-for channels after an id, oldest first, and a moment works as an id', () => {
    const time = clock();
    const log = createMemoryLog({ maxEvents: 100, maxAgeMs: 60_000 }, time.now);
    const a1 = log.append('article:a', liked(1));
    const drawnAt = time.advance(1_000);
    time.advance(1);
    log.append('article:b', liked(2));
    time.advance(1);
    const a3 = log.append('article:a', liked(3));
    const replay = log.replay(['article:a'], a1);
    expect(replay).toEqual({ events: [{ id: a3, channel: 'article:a', event: liked(3) }], gapUpTo: null });
    expect(log.replay(['article:a', 'article:b'], eventIdAt(drawnAt)).events.map((entry) => reactionsOf(entry.event))).toEqual([2, 3]);
    expect(log.replay(['article:a'], a3).events).toEqual([]);
  });

  it('keeps at most its count and age, and says when a channel lost events after the id asked for', () => {
    const time = clock();
    const log = createMemoryLog({ maxEvents: 3, maxAgeMs: 60_000 }, time.now);
    const a1 = log.append('article:a', liked(1));
    const b2 = log.append('article:b', liked(2));
    const b3 = log.append('article:b', liked(3));
    log.append('article:b', liked(4));
    log.append('article:b', liked(5));
    // a1 and b2 are gone: a reader of article a from before a1 lost one; one of b from after b2 lost none.
    expect(log.replay(['article:a'], '0-0').gapUpTo).toBe(a1);
    expect(log.replay(['article:a'], a1).gapUpTo).toBeNull();
    expect(log.replay(['article:b'], b2)).toMatchObject({ gapUpTo: null, events: [{ id: b3 }, {}, {}] });
    expect(log.replay(['article:b'], a1).gapUpTo).toBe(b2);

    time.advance(61_000);
    const a6 = log.append('article:a', liked(6));
    expect(log.replay(['article:a', 'article:b'], '0-0').events.map((entry) => entry.id)).toEqual([a6]);
    expect(compareEventIds(log.replay(['article:b'], b3).gapUpTo!, b3)).toBeGreaterThan(0);
  });
});

describe('the local bus with its log', () => {
  it('numbers and keeps only the replayed channels (articles), and hands each event its id', async () => {
    expect(isReplayed('article:x')).toBe(true);
    expect(isReplayed('drive:x')).toBe(false);
    expect(isReplayed('moderation')).toBe(false);
    const bus = createLocalEventBus();
    const seen: (string | undefined)[] = [];
    bus.subscribe('article:1', (_event, id) => seen.push(id));
    bus.subscribe('moderation', (_event, id) => seen.push(id));
    await bus.publish('article:1', liked(1));
    await bus.publish('moderation', { type: 'comment.held', commentId: 'c2', articleId: '1' });
    expect(seen[0]).toMatch(/^\d+-\d+$/);
    expect(seen[1]).toBeUndefined();
    const replay = await bus.replay(['article:1', 'moderation'], '0-0');
    expect(replay.events).toEqual([{ id: seen[0], channel: 'article:1', event: liked(1) }]);
  });
});
