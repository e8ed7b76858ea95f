import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CuttableProxy {
  /** http://127.0.0.1:PORT, forwarding to the site. */
  url: string;
  /** The network goes away: every open connection is cut and new ones are dropped on arrival. */
  cut(): void;
  /** The network is back. */
  restore(): void;
  /** Connections cut or dropped since the proxy started. */
  readonly dropped: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of a site, for a browser that loses its connection for a while, as
 * on a train: a real drop at the socket level, which the browser sees as a network error.
 */
export async function startCuttableProxy(targetPort: number): Promise<CuttableProxy> {
  const open = new Set<Socket>();
  let down = false;
  let dropped = 0;
  const server = createServer((client) => {
    if (down) {
      dropped += 1;
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      dropped += open.size;
      for (const socket of open) socket.destroy();
    },
    restore() {
      down = false;
    },
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
