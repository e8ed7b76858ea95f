import { isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { httpErrors } from '../errors.js';

export interface EventStream {
  /**
   * Writes one event (`event:` its type, `data:` the JSON, and `id:` when given, which the browser sends
   * back as Last-Event-ID when it reconnects); nothing once the stream has closed.
   */
  send<E extends { readonly type: string }>(event: E, id?: string): void;
  /** Runs when the stream closes, however it closes: give back subscriptions and timers here. */
  onClose(cleanup: () => void): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  /** Comment lines that keep proxies from closing a quiet stream. */
  heartbeatMs: number;
  /** Extra response headers, e.g. `access-control-allow-origin` for a public stream. */
  headers?: Record<string, string>;
}

export interface StreamLimits {
  /** Streams one client address may hold open (an IPv6 client: its whole /64). */
  perAddress: number;
  /** Streams the process holds open; each holds a socket, so this keeps file descriptors for the rest. */
  total: number;
}

/** Open streams counted per client address and in total, shared by every plugin's streams. */
export interface StreamSlots {
  /** A slot for one more stream from this address (give it back with `release`, once), or which limit is full. */
  take(ip: string): { release(): void } | 'address' | 'total';
  readonly open: number;
  openFrom(ip: string): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    eventStreamSlots?: StreamSlots;
  }
}

/** What a client is told to wait before trying again; EventSource itself gives up on a non-200. */
const RETRY_AFTER_S = 30;
/** For a plugin registered on a bare Fastify (tests): its streams are still bounded, on their own. */
const UNWIRED_LIMITS: StreamLimits = { perAddress: 64, total: 512 };

const CLOSED: EventStream = { send: () => {}, onClose: (cleanup) => cleanup(), closed: true };

export function createStreamSlots(limits: StreamLimits): StreamSlots {
  const byAddress = new Map<string, number>();
  let open = 0;
  return {
    take(ip) {
      const key = addressKey(ip);
      const held = byAddress.get(key) ?? 0;
      if (held >= limits.perAddress) return 'address';
      if (open >= limits.total) return 'total';
      byAddress.set(key, held + 1);
      open += 1;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          open -= 1;
          const left = (byAddress.get(key) ?? 1) - 1;
          if (left > 0) byAddress.set(key, left);
          else byAddress.delete(key);
        },
      };
    },
    get open() {
      return open;
    },
    openFrom: (ip) => byAddress.get(addressKey(ip)) ?? 0,
  };
}

/**
 * Every plugin's streams on this server share one count: registered on the root before the plugins,
 * so their encapsulated contexts inherit it.
 */
export function limitEventStreams(app: FastifyInstance, limits: StreamLimits): void {
  app.decorate('eventStreamSlots', createStreamSlots(limits));
}

/**
 * The key streams are counted under: an IPv4 address (also when written IPv4-mapped), or an IPv6 /64,
 * since one subscriber is usually given a whole /64 and could otherwise pick a fresh address per stream.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const bare = ip.split('%')[0]!.toLowerCase();
  if (!isIPv6(bare)) return ip;
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const [head, tail] = bare.split('::');
  const left = groups(head);
  const right = groups(tail);
  const full = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${full.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Server-Sent Events for one plugin's routes. Streams never end by themselves, so the plugin closes
 * them before the server stops; each stream closes once, on the response's close (a GET request's own
 * `close` fires as soon as it has been read).
 *
 * Each open stream holds a socket, and so a file descriptor, for as long as the client likes: beyond
 * the per-address or total limit the request is refused with 429 before anything is hijacked, and the
 * refusal closes its connection so a client retrying in a loop cannot pile up sockets either.
 */
export function eventStreams(app: FastifyInstance, options: EventStreamOptions): (reply: FastifyReply) => EventStream {
  const slots = app.eventStreamSlots ?? createStreamSlots(UNWIRED_LIMITS);
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  return (reply) => {
    const response = reply.raw;
    // The client left while the route was still looking things up: its `close` has been and gone.
    if (response.destroyed) {
      reply.hijack();
      return CLOSED;
    }
    // A live socket always has its address; `?? ''` only keeps an odd one from throwing.
    const slot = slots.take(reply.request.ip ?? '');
    if (typeof slot === 'string') {
      reply.header('connection', 'close');
      throw httpErrors.raise(
        'RATE_LIMITED',
        slot === 'address'
          ? 'Too many live streams are open from your address; close some tabs or try again later.'
          : 'The site is serving as many live streams as it can; try again later.',
        undefined,
        { retryAfter: RETRY_AFTER_S },
      );
    }
    reply.hijack();
    // Headers set by hooks before the hijack (CORS, security) still apply.
    const earlier: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) earlier[name] = value;
    response.writeHead(200, {
      ...earlier,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      ...options.headers,
    });
    response.write('retry: 5000\n: connected\n\n');

    let closed = false;
    const cleanups: (() => void)[] = [];
    const heartbeat = setInterval(() => response.write(': ping\n\n'), options.heartbeatMs);
    heartbeat.unref();
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      open.delete(close);
      slot.release();
      for (const cleanup of cleanups) cleanup();
      if (!response.writableEnded) response.end();
    };
    open.add(close);
    response.once('close', close);
    response.once('error', close);

    return {
      send(event, id) {
        // Ids are the bus's `MS-SEQ`, never a newline, which would end the field.
        if (!closed) response.write(`${id ? `id: ${id}\n` : ''}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      },
      onClose(cleanup) {
        if (closed) cleanup();
        else cleanups.push(cleanup);
      },
      get closed() {
        return closed;
      },
    };
  };
}
