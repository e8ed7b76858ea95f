import type { FastifyInstance, FastifyReply } from 'fastify';

export interface EventStream {
  /** Writes one event (`event:` its type, `data:` the JSON); nothing once the stream has closed. */
  send(event: { type: string; [key: string]: unknown }): void;
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

/**
 * Server-Sent Events for one plugin's routes. Streams never end by themselves, so the plugin closes
 * them before the server stops; each stream closes once, on the response's close (a GET request's own
 * `close` fires as soon as it has been read).
 */
export function eventStreams(app: FastifyInstance, options: EventStreamOptions): (reply: FastifyReply) => EventStream {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  return (reply) => {
    reply.hijack();
    const response = reply.raw;
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
      for (const cleanup of cleanups) cleanup();
      if (!response.writableEnded) response.end();
    };
    open.add(close);
    response.once('close', close);
    response.once('error', close);

    return {
      send(event) {
        if (!closed) response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
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
