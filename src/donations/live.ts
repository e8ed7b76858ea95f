import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { currentMeter, DRIVES_CHANNEL, driveChannel, type DonationsContext } from './context.js';
import { eventStreams, type EventStream } from '../web/sse.js';
import { meterJson } from './meter-view.js';
import { noQuery } from './schemas.js';

const HEARTBEAT_MS = 25_000;

/**
 * Sends the current meter on `stream` now and again whenever the drive's channel says its ledger changed
 * (on any instance) or another drive became current, until the stream closes. A meter is a state, not a
 * history: a reconnect gets the meter as it is, so these events carry no id and nothing is replayed.
 */
export function followMeter(ctx: DonationsContext, stream: EventStream, log: FastifyBaseLogger): void {
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
              log.warn({ err: error }, 'live meter update failed');
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

  void currentMeter(ctx)
    .catch(() => null)
    .then((meter) => {
      if (stream.closed) return;
      follow(meter?.driveId ?? null);
      stream.send({ type: 'meter', meter: meter ? meterJson(meter, ctx.config.baseUrl) : null });
    });
}

/**
 * `GET /api/drives/current/live`: the meter on its own stream, for meters embedded before the site-wide
 * stream (`/api/live?meter=1`). Every subscription is dropped when the stream closes.
 */
export function registerLiveMeter(app: FastifyInstance, ctx: DonationsContext): void {
  // The meter holds nothing private, so any site may show it live.
  const openStream = eventStreams(app, { heartbeatMs: HEARTBEAT_MS, headers: { 'access-control-allow-origin': '*' } });

  app.get('/api/drives/current/live', { schema: { querystring: noQuery } }, async (request, reply) => {
    followMeter(ctx, openStream(reply), request.log);
  });
}
