// One live stream per browser for every open tab of a site (HTTP/1.1 gives a site six connections; a
// stream per tab, or two, starves the rest). Tabs elect one holder with a Web Lock; it opens
// /api/live for every article the tabs show (each tab says which over a BroadcastChannel) and relays
// the events. When the holder closes, the lock passes to another tab, which asks the others what they
// show and reconnects from the last event it relayed, so nothing falls between the two. Without Web
// Locks (an insecure context, an old browser) each tab holds its own stream.

import type { LiveStreamArgs, LiveStreamEvent } from '../../src/web/contract.js';

export type LiveData = LiveStreamEvent;
/** Called with each event's type and its data, `data` narrowed by `type`. */
export type LiveHandler = (...args: LiveStreamArgs) => void;
export type MeterHandler = (type: 'meter', data: Extract<LiveData, { type: 'meter' }>) => void;

export interface LiveHub {
  /** Follows an article's comment events, from `since` (the page's cursor; null: from now). */
  article(id: string, since: string | null, handler: LiveHandler): void;
  /** Follows the donation meter: the hub hands it `meter` events only. */
  meter(handler: MeterHandler): void;
}

/** What a tab shows: each article with the last event id it has, and whether it shows a meter. */
interface Wants {
  articles: Record<string, string | null>;
  meter: boolean;
}

type Message =
  | { t: 'hello'; tab: string; wants: Wants }
  | { t: 'bye'; tab: string }
  | { t: 'who' }
  | { t: 'on'; covers: string[]; since: string | null }
  | { t: 'ev'; type: LiveData['type']; data: LiveData; id?: string };

/** How the hub calls a handler: an SSE event's name is always its data's `type`, a pairing TypeScript cannot see. */
type Relay = (type: LiveData['type'], data: LiveData) => void;

// `live.at` carries only an id: where the stream stands once caught up, so every covered article's cursor moves there.
const TYPES: readonly LiveData['type'][] = ['comment.created', 'comment.updated', 'comment.deleted', 'reaction.changed', 'meter', 'live.gap', 'live.at'];
const MAX_ARTICLES = 50;
const RETRY_MS = 30_000;

/** `a` came after `b` (ids are `MS-SEQ`). */
export function later(a: string, b: string): boolean {
  const [ams, aseq] = a.split('-').map(Number);
  const [bms, bseq] = b.split('-').map(Number);
  return ams! > bms! || (ams === bms && aseq! > bseq!);
}

/** The page's hub for a Tribune origin; the widget and the meter on one page share it. */
export function liveHub(origin: string): LiveHub | null {
  if (typeof EventSource === 'undefined') return null;
  const shared = window as unknown as { __tribuneLive?: Record<string, LiveHub> };
  shared.__tribuneLive ??= {};
  return (shared.__tribuneLive[origin] ??= createHub(origin));
}

function createHub(origin: string): LiveHub {
  const tab = Math.random().toString(36).slice(2);
  const name = `tribune-live ${origin}`;
  const channel = typeof BroadcastChannel === 'function' && navigator.locks ? new BroadcastChannel(name) : null;
  const handlers = new Map<string, Relay[]>();
  const cursors = new Map<string, string | null>();
  const meters: Relay[] = [];
  // What the stream (this tab's or the holder's) covers, and the last id it delivered: a new holder resumes there.
  let covered = new Set<string>();
  let lastId: string | null = null;
  let holding = !channel;
  const peers = new Map<string, Wants>();
  let source: EventSource | null = null;
  let streamKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (message: Message) => channel?.postMessage(message);
  const wants = (): Wants => ({ articles: Object.fromEntries(cursors), meter: meters.length > 0 });

  function receive(type: LiveData['type'], data: LiveData, id?: string): void {
    if (type === 'meter') return meters.forEach((handle) => handle(type, data));
    if (data.type === 'live.gap') {
      for (const [article, list] of handlers) {
        const cursor = cursors.get(article);
        if (cursor && later(data.upTo, cursor)) list.forEach((handle) => handle(type, data));
      }
      return;
    }
    const article = String((data as { articleId?: string }).articleId);
    const cursor = cursors.get(article);
    const fresh = handlers.has(article) && (!id || !cursor || later(id, cursor));
    if (id) {
      if (!lastId || later(id, lastId)) lastId = id;
      // The stream delivers in id order: every article it covers has now seen everything up to `id`.
      const advance = (map: Map<string, string | null> | Record<string, string | null>) => {
        const entries = map instanceof Map ? [...map] : Object.entries(map);
        for (const [followed, at] of entries) {
          if (!covered.has(followed) || (at && !later(id, at))) continue;
          if (map instanceof Map) map.set(followed, id);
          else map[followed] = id;
        }
      };
      advance(cursors);
      for (const peer of peers.values()) advance(peer.articles);
    }
    if (fresh) handlers.get(article)!.forEach((handle) => handle(type, data));
  }

  function connect(): void {
    const articles = new Map<string, string | null>();
    let meter = false;
    for (const peer of peers.values()) {
      meter ||= peer.meter;
      for (const [id, at] of Object.entries(peer.articles)) {
        const known = articles.get(id);
        if (known === undefined || (at && (!known || later(known, at)))) articles.set(id, at);
      }
    }
    const ids = [...articles.keys()].sort().slice(0, MAX_ARTICLES);
    const key = `${ids.join(',')}|${meter}`;
    // From the oldest point any tab still needs: a tab that just opened asks from a little before its page was drawn.
    let since: string | null = null;
    for (const id of ids) {
      const at = articles.get(id);
      if (at && (!since || later(since, at))) since = at;
    }
    if (key === streamKey && source && !(since && lastId && later(lastId, since))) return;
    source?.close();
    source = null;
    streamKey = key;
    covered = new Set(ids);
    if (since) lastId = since;
    post({ t: 'on', covers: ids, since });
    if (ids.length === 0 && !meter) return;
    const query = new URLSearchParams();
    if (ids.length) query.set('articles', ids.join(','));
    if (meter) query.set('meter', '1');
    if (since) query.set('since', since);
    const stream = new EventSource(`${origin}/api/live?${query}`);
    source = stream;
    for (const type of TYPES) {
      stream.addEventListener(type, (event) => {
        const message = event as MessageEvent<string>;
        let data: LiveData;
        try {
          data = JSON.parse(message.data) as LiveData;
        } catch {
          return;
        }
        // A message without `id:` repeats the previous one's; only comment events carry their own.
        const id = type === 'meter' || type === 'live.gap' ? undefined : message.lastEventId || undefined;
        post({ t: 'ev', type, data, id });
        receive(type, data, id);
      });
    }
    // Network errors reconnect by themselves (with Last-Event-ID); a refusal (429) closes the stream for good.
    stream.onerror = () => {
      if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
      source = null;
      streamKey = '';
      setTimeout(connect, RETRY_MS * (0.5 + Math.random()));
    };
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(connect, 50);
  };

  function announce(): void {
    if (holding) {
      peers.set(tab, wants());
      schedule();
    } else {
      post({ t: 'hello', tab, wants: wants() });
    }
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message.t === 'ev') receive(message.type, message.data, message.id);
      else if (message.t === 'on') {
        covered = new Set(message.covers);
        if (message.since) lastId = message.since;
      } else if (message.t === 'who') announce();
      else if (holding && message.t === 'hello') {
        peers.set(message.tab, message.wants);
        schedule();
      } else if (holding && message.t === 'bye') {
        peers.delete(message.tab);
        schedule();
      }
    };
    void navigator.locks.request(name, () => {
      holding = true;
      peers.clear();
      post({ t: 'who' });
      announce();
      // Held until this page goes away, which hands the lock to the next tab in line.
      return new Promise<never>(() => {});
    });
  }
  addEventListener('pagehide', () => {
    if (holding) source?.close();
    else post({ t: 'bye', tab });
  });
  // Back from the back-forward cache: the holder forgot this tab when it left.
  addEventListener('pageshow', (event) => {
    if (event.persisted) announce();
  });

  return {
    article(id, since, handler) {
      handlers.set(id, [...(handlers.get(id) ?? []), handler as Relay]);
      const known = cursors.get(id);
      if (known === undefined || (known && since && later(known, since))) cursors.set(id, since);
      announce();
    },
    meter(handler) {
      meters.push(handler as Relay);
      announce();
    },
  };
}
