import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { deliver, type EventBus } from './bus.js';
import type { Channel, TribuneEvent } from './channels.js';
import { compareEventIds, DEFAULT_REPLAY_WINDOW, EVENT_ID, isReplayed, type LoggedEvent, type ReplayWindow } from './event-log.js';

const PREFIX = 'tribune:';

/**
 * Appends to the site's event log and announces the entry in one step, so every instance receives
 * replayed channels' events in id order (Redis runs a script alone). The log keeps at most ARGV[1]
 * entries, none older than ARGV[2] ms by Redis's clock, and remembers per channel the newest id it
 * dropped (hash KEYS[3]), so a replay can tell a client it asked for more than is left. The message is
 * `ID\nJSON`.
 */
const PUBLISH_LOGGED = `
local function parse(id)
  local dash = string.find(id, '-', 1, true)
  return tonumber(string.sub(id, 1, dash - 1)), tonumber(string.sub(id, dash + 1))
end
local function later(a, b)
  local ams, aseq = parse(a)
  local bms, bseq = parse(b)
  return ams > bms or (ams == bms and aseq > bseq)
end
local id = redis.call('XADD', KEYS[1], '*', 'c', ARGV[3], 'e', ARGV[4])
local cut = nil
local over = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[1])
if over > 0 then
  local dropped = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', over)
  cut = dropped[#dropped][1]
end
local t = redis.call('TIME')
local oldest = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(ARGV[2])
if oldest > 0 then
  local old = redis.call('XREVRANGE', KEYS[1], '(' .. string.format('%.0f', oldest) .. '-0', '-', 'COUNT', 1)
  if #old > 0 and (cut == nil or later(old[1][1], cut)) then cut = old[1][1] end
end
if cut then
  for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', cut)) do
    redis.call('HSET', KEYS[3], entry[2][2], entry[1])
  end
  local ms, seq = parse(cut)
  redis.call('XTRIM', KEYS[1], 'MINID', string.format('%.0f', ms) .. '-' .. string.format('%.0f', seq + 1))
end
redis.call('PUBLISH', KEYS[2], id .. '\\n' .. ARGV[4])
return id
`;

interface LoggingRedis extends Redis {
  tribunePublishLogged(log: string, channel: string, dropped: string, maxEvents: number, maxAgeMs: number, name: string, event: string): Promise<string>;
}

/**
 * Fans events out to every instance through Redis pub/sub. Each instance holds one subscriber
 * connection and subscribes to a channel only while someone on this instance listens to it.
 * Replayed channels also go into one Redis stream per site, so a reader who reconnects to any
 * instance gets what was published meanwhile on any other.
 */
export async function createRedisEventBus(url: string, namespace = '', window: ReplayWindow = DEFAULT_REPLAY_WINDOW): Promise<EventBus> {
  const prefix = `${PREFIX}${namespace}`;
  const logKey = `${prefix}live-log`;
  const droppedKey = `${prefix}live-log:dropped`;
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 }) as LoggingRedis;
  publisher.defineCommand('tribunePublishLogged', { numberOfKeys: 3, lua: PUBLISH_LOGGED });
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  subscriber.on('message', (redisChannel: string, message: string) => {
    if (!redisChannel.startsWith(prefix)) return;
    const channel = redisChannel.slice(prefix.length);
    let id: string | undefined;
    let json = message;
    if (isReplayed(channel)) {
      const newline = message.indexOf('\n');
      id = message.slice(0, newline);
      json = message.slice(newline + 1);
    }
    let event: TribuneEvent;
    try {
      event = JSON.parse(json) as TribuneEvent;
    } catch {
      return;
    }
    deliver(emitter, channel, event, id);
  });

  return {
    async publish(channel, event) {
      const json = JSON.stringify(event);
      if (isReplayed(channel)) await publisher.tribunePublishLogged(logKey, prefix + channel, droppedKey, window.maxEvents, window.maxAgeMs, channel, json);
      else await publisher.publish(prefix + channel, json);
    },
    subscribe(channel, handler) {
      // Not awaited, so a refusal must not become an unhandled rejection: it comes from a connection that
      // closed (the bus, or Redis going away, after which ioredis subscribes again on reconnect).
      if (emitter.listenerCount(channel) === 0) subscriber.subscribe(prefix + channel).catch(ignore);
      emitter.on(channel, handler);
      return () => {
        emitter.off(channel, handler);
        if (emitter.listenerCount(channel) === 0) subscriber.unsubscribe(prefix + channel).catch(ignore);
      };
    },
    listenerCount: (channel) => emitter.listenerCount(channel),
    async replay(channels, afterId) {
      const wanted = new Set<string>(channels);
      const [entries, dropped] = await Promise.all([
        publisher.xrange(logKey, `(${afterId}`, '+', 'COUNT', window.maxEvents),
        channels.length > 0 ? publisher.hmget(droppedKey, ...channels) : Promise.resolve([]),
      ]);
      const events: LoggedEvent[] = [];
      for (const [id, fields] of entries) {
        const channel = fields[fields.indexOf('c') + 1];
        const json = fields[fields.indexOf('e') + 1];
        if (!channel || json === undefined || !wanted.has(channel)) continue;
        try {
          // Only this bus writes the log, with the channels its callers published on.
          events.push({ id, channel: channel as Channel, event: JSON.parse(json) as TribuneEvent });
        } catch {
          // An entry it cannot read is skipped, not fatal.
        }
      }
      return { events, gapUpTo: newestAfter(dropped, afterId) };
    },
    async close() {
      emitter.removeAllListeners();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/** The newest of these ids that is after `afterId`, if any. */
function newestAfter(ids: readonly (string | null)[], afterId: string): string | null {
  let newest: string | null = null;
  for (const id of ids) {
    if (id && EVENT_ID.test(id) && compareEventIds(id, afterId) > 0 && (!newest || compareEventIds(id, newest) > 0)) newest = id;
  }
  return newest;
}

function ignore(): void {}
