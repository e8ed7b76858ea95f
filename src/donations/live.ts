import type { FastifyInstance } from 'fastify';
import { currentMeter, DRIVES_CHANNEL, driveChannel, type DonationsContext } from './context.js';
import { meterJson } from './meter-view.js';

const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/drives/current/live`: Server-Sent Events with the current meter, sent on connect and again
 * whenever the drive's channel says its ledger changed (on any instance) or another drive became current.
 * Every subscription is dropped when the stream closes.
 */
export function registerLiveMeter(app: FastifyInstance, ctx: DonationsContext): void {
  const open = new Set<() => void>();
  // Streams never end by themselves; close them so the server can stop.
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  app.get('/api/drives/current/live', async (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'access-control-allow-origin': '*',
    });
    let closed = false;
    let unfollow = () => {};
    let sending: Promise<void> = Promise.resolve();

    const send = () => {
      // Queued so updates go out in order; deferred so every cache listener on the channel has run.
      sending = sending.then(
        () =>
          new Promise<void>((resolve) => {
            setImmediate(async () => {
              try {
                if (closed) return;
                const meter = await currentMeter(ctx);
                if (!closed) res.write(`event: meter\ndata: ${JSON.stringify(meter ? meterJson(meter, ctx.config.baseUrl) : null)}\n\n`);
              } catch (error) {
                request.log.warn({ err: error }, 'live meter update failed');
              } finally {
                resolve();
              }
            });
          }),
      );
    };
    const follow = (driveId: string | null) => {
      unfollow();
      unfollow = driveId ? ctx.events.subscribe(driveChannel(driveId), send) : () => {};
    };
    const unsubscribeDrives = ctx.events.subscribe(DRIVES_CHANNEL, (event) => {
      follow(typeof event.driveId === 'string' ? event.driveId : null);
      send();
    });
    const heartbeat = setInterval(() => {
      if (!closed) res.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    heartbeat.unref();

    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unfollow();
      unsubscribeDrives();
      open.delete(close);
      if (!res.writableEnded) res.end();
    };
    open.add(close);
    // The response's close, not the request's: a GET's request "closes" as soon as it was read.
    res.on('close', close);

    res.write('retry: 5000\n\n');
    const meter = await currentMeter(ctx).catch(() => null);
    if (closed) return;
    follow(meter?.driveId ?? null);
    res.write(`event: meter\ndata: ${JSON.stringify(meter ? meterJson(meter, ctx.config.baseUrl) : null)}\n\n`);
  });
}
