import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface Stream {
  response: IncomingMessage;
  /** Each event with its `id:` line, where it had one. */
  events: { event: string; data: Record<string, unknown>; id?: string }[];
  waitFor(type: string, match?: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  close(): void;
}

/** A real HTTP connection to an SSE endpoint (from another loopback address if given), collecting events as they arrive. */
export function openStream(port: number, path: string, cookie?: string, localAddress?: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, localAddress, headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}), ...headers } }, (response) => {
      const events: Stream['events'] = [];
      const waiters: { type: string; match: (data: Record<string, unknown>) => boolean; resolve: (data: Record<string, unknown>) => void }[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event || !data) continue;
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const parsed = { event, data: JSON.parse(data) as Record<string, unknown>, ...(id ? { id } : {}) };
          events.push(parsed);
          for (const waiter of waiters.filter((w) => w.type === event && w.match(parsed.data))) waiter.resolve(parsed.data);
        }
      });
      resolve({
        response,
        events,
        waitFor: (type, match = () => true) => {
          const found = events.find((e) => e.event === type && match(e.data));
          return found ? Promise.resolve(found.data) : new Promise((done) => waiters.push({ type, match, resolve: done }));
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
    request.end();
  });
}
