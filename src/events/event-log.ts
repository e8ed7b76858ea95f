import type { Channel, TribuneEvent } from './channels.js';

/**
 * Event ids are `MILLISECONDS-SEQUENCE`, the shape Redis gives stream entries, so ids from the in-process
 * log and from Redis compare the same way and a page can name a moment ("after this time") as an id.
 */
export const EVENT_ID = /^\d{1,15}-\d{1,12}$/;

export interface LoggedEvent {
  id: string;
  channel: Channel;
  event: TribuneEvent;
}

export interface Replay {
  /** What was published on the channels after the id asked for, oldest first. */
  events: LoggedEvent[];
  /**
   * Set when events of these channels after that id were dropped from the window (too many, or too old):
   * the newest such id. A client that knew nothing after it may have missed something and should reload.
   */
  gapUpTo: string | null;
}

export interface ReplayWindow {
  /** Events kept across all channels. */
  maxEvents: number;
  /** How long an event is kept. */
  maxAgeMs: number;
}

/** Enough for a few minutes offline on a busy site, small enough to scan on every reconnect. */
export const DEFAULT_REPLAY_WINDOW: ReplayWindow = { maxEvents: 2000, maxAgeMs: 15 * 60_000 };

/**
 * Channels whose events readers' pages follow and must not miss across a dropped connection: each
 * article's comments. Meter and settings channels carry "something changed", answered by a fresh read.
 */
const REPLAYED_PREFIXES = ['article:'];

export function isReplayed(channel: string): boolean {
  return REPLAYED_PREFIXES.some((prefix) => channel.startsWith(prefix));
}

function parts(id: string): [number, number] {
  const dash = id.indexOf('-');
  return [Number(id.slice(0, dash)), Number(id.slice(dash + 1))];
}

/** Negative when `a` came before `b`. Both must match EVENT_ID. */
export function compareEventIds(a: string, b: string): number {
  const [ams, aseq] = parts(a);
  const [bms, bseq] = parts(b);
  return ams - bms || aseq - bseq;
}

/** The id of "anything published after this millisecond": what a page drawn then asks to be replayed from. */
export function eventIdAt(time: Date | number): string {
  return `${Math.max(0, Math.floor(Number(time)))}-0`;
}

/**
 * The in-process window of recent events: ids strictly increase even when the clock stands still or
 * steps back, and the oldest events go first once either bound is passed.
 */
export function createMemoryLog(window: ReplayWindow, now: () => Date) {
  const entries: LoggedEvent[] = [];
  let lastMs = 0;
  let seq = 0;
  // Per channel, the newest id dropped: one entry per article that ever had one, so bounded by the site.
  const dropped = new Map<string, string>();

  const trim = () => {
    const oldest = now().getTime() - window.maxAgeMs;
    let drop = Math.max(0, entries.length - window.maxEvents);
    while (drop < entries.length && parts(entries[drop]!.id)[0] < oldest) drop += 1;
    if (drop === 0) return;
    for (const entry of entries.splice(0, drop)) dropped.set(entry.channel, entry.id);
  };

  return {
    append(channel: Channel, event: TribuneEvent): string {
      const ms = now().getTime();
      if (ms > lastMs) {
        lastMs = ms;
        seq = 0;
      } else {
        seq += 1;
      }
      const id = `${lastMs}-${seq}`;
      entries.push({ id, channel, event });
      trim();
      return id;
    },
    replay(channels: readonly string[], afterId: string): Replay {
      trim();
      const wanted = new Set(channels);
      // Entries are in id order: find the first one after `afterId` from the end, since most asks are recent.
      let start = entries.length;
      while (start > 0 && compareEventIds(entries[start - 1]!.id, afterId) > 0) start -= 1;
      let gapUpTo: string | null = null;
      for (const channel of wanted) {
        const id = dropped.get(channel);
        if (id && compareEventIds(id, afterId) > 0 && (!gapUpTo || compareEventIds(id, gapUpTo) > 0)) gapUpTo = id;
      }
      return { events: entries.slice(start).filter((entry) => wanted.has(entry.channel)), gapUpTo };
    },
  };
}
