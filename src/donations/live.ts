import type { FastifyInstance } from 'fastify';
import { currentMeter, DRIVES_CHANNEL, driveChannel, type DonationsContext } from './context.js';
import { eventStreams } from '../web/sse.js';
import { meterJson } from './meter-view.js';

const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/drives/current/live`: Server-Sent Events with the current meter, sent on connect and again
 * whenever the drive's channel says its ledger changed (on any instance) or another drive became current.
 * Every subscription is dropped when the stream closes.
 */
export function registerLiveMeter(app: FastifyInstance, ctx: DonationsContext): void {
  // The meter holds nothing private, so any site may show it live.
  const openStream = eventStreams(app, { heartbeatMs: HEARTBEAT_MS, headers: { 'access-control-allow-origin': '*' } });

  app.get('/api/drives/current/live', async (request, reply) => {
    const stream = openStream(reply);
    let unfollow = () => {};
    let sending: Promise<void> = Promise.resolve();

    const send = () => {
      // Queued so updates go out in order; deferred so every cache listener on the channel has run.
      sending = sending.then(
        () =>
          new Promise<void>((resolve) => {
            setImmediate(async () => {
              try {
                if (stream.closed) return;
                const meter = await currentMeter(ctx);
                stream.send({ type: 'meter', meter: meter ? meterJson(meter, ctx.config.baseUrl) : null });
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
    stream.onClose(() => unfollow());
    stream.onClose(
      ctx.events.subscribe(DRIVES_CHANNEL, (event) => {
        follow(typeof event.driveId === 'string' ? event.driveId : null);
        send();
      }),
    );

    const meter = await currentMeter(ctx).catch(() => null);
    if (stream.closed) return;
    follow(meter?.driveId ?? null);
    stream.send({ type: 'meter', meter: meter ? meterJson(meter, ctx.config.baseUrl) : null });
  });
}
