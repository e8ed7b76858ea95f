import type { FastifyRequest } from 'fastify';
import { compareEventIds, EVENT_ID, eventIdAt, type Channel, type EventBus, type TribuneEvent } from '../events/index.js';
import type { EventStream } from './sse.js';

export interface FollowedChannel {
  channel: Channel;
  /** Fields added to every event of this channel, e.g. `{ articleId }` where one stream carries several. */
  extra?: Record<string, unknown>;
}

/** A cursor further ahead of our clock than clocks drift names no moment we have reached. */
const FUTURE_TOLERANCE_MS = 60_000;

/**
 * Where a client asks to resume: the Last-Event-ID header the browser sends on its own reconnects, else
 * `?since=` (a new EventSource cannot set headers: the page's own cursor, or a tab handing over). A
 * malformed value is ignored rather than refused, and so is one from the future (a clock set back since
 * it was given out), which would otherwise hide every event until time caught up: the stream then
 * simply starts from now.
 */
export function resumeFrom(request: FastifyRequest, since: string | undefined, now: Date): string | null {
  const header = request.headers['last-event-id'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim() || since;
  if (!value || !EVENT_ID.test(value)) return null;
  return Number(value.slice(0, value.indexOf('-'))) > now.getTime() + FUTURE_TOLERANCE_MS ? null : value;
}

/**
 * Streams the channels' events, first replaying what was published after `after`. The subscriptions
 * are taken before the replay is read, and anything they deliver meanwhile waits, so nothing falls
 * between the two; ids only ever increase on a stream, so what the replay already sent is skipped.
 * A gap (the client was away longer than the window holds) is said once, as `live.gap`. Returns the
 * last id sent (or `after`): where the stream stands once caught up.
 */
export async function followChannels(
  stream: EventStream,
  events: Pick<EventBus, 'subscribe' | 'replay'>,
  channels: readonly FollowedChannel[],
  after: string | null,
): Promise<string | null> {
  let last = after;
  let held: { event: TribuneEvent; id?: string }[] | null = after ? [] : null;
  const send = (event: TribuneEvent, id?: string) => {
    if (id) {
      if (last && compareEventIds(id, last) <= 0) return;
      last = id;
    }
    stream.send(event, id);
  };
  for (const { channel, extra } of channels) {
    stream.onClose(
      events.subscribe(channel, (event, id) => {
        const shown = extra ? { ...event, ...extra } : event;
        if (held) held.push({ event: shown, id });
        else send(shown, id);
      }),
    );
  }
  if (!after || !held) return last;
  try {
    const replay = await events.replay(
      channels.map(({ channel }) => channel),
      after,
    );
    if (replay.gapUpTo) stream.send({ type: 'live.gap', upTo: replay.gapUpTo });
    const extras = new Map(channels.map(({ channel, extra }) => [channel, extra]));
    for (const entry of replay.events) {
      const extra = extras.get(entry.channel);
      send(extra ? { ...entry.event, ...extra } : entry.event, entry.id);
    }
  } catch {
    // The log could not be read (Redis away): say what may be missing, and keep the live events flowing.
    stream.send({ type: 'live.gap', upTo: eventIdAt(Date.now()) });
  } finally {
    const waiting = held;
    held = null;
    for (const { event, id } of waiting) send(event, id);
  }
  return last;
}
