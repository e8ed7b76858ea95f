import type { FastifyPluginAsync } from 'fastify';
import type { ArticleSlot } from '../web/slots.js';
import { adminRoutes } from './admin-routes.js';
import type { FastifyBaseLogger } from 'fastify';
import type { EventStream } from '../web/sse.js';
import { createDonationsContext, currentMeter, type DonationsContext, type DonationsDeps } from './context.js';
import { followMeter } from './live.js';
import { supportBox } from './meter-view.js';
import { publicRoutes } from './routes.js';
import { webhookRoutes } from './webhook-routes.js';

export { donationErrors } from './errors.js';
export { seedDemoDonations } from './seed.js';
export { formatMoney, type MoneyFormat } from './money.js';
export { readerGifts } from './reader-gifts.js';

export interface DonationsDomain {
  /** Every donations route: `/donate`, `/embed/meter`, `/api/drives/*`, the Stripe webhook, `/admin/donations`. */
  plugin: FastifyPluginAsync;
  /** The box under each article: call to action, meter, and a donate button that remembers the article. */
  articleSupport: ArticleSlot;
  context: DonationsContext;
  /** Keeps a live stream's meter current until it closes (the site-wide stream's `meter` events). */
  liveMeter(stream: EventStream, log: FastifyBaseLogger): void;
}

export function createDonations(deps: DonationsDeps): DonationsDomain {
  const context = createDonationsContext(deps);
  const plugin: FastifyPluginAsync = async (app) => {
    app.addHook('onClose', async () => context.totals.close());
    await app.register(publicRoutes(context));
    await app.register(webhookRoutes(context));
    await app.register(adminRoutes(context));
  };
  const articleSupport: ArticleSlot = async ({ article, settings }) => {
    let meter = null;
    try {
      meter = await currentMeter(context, settings);
    } catch (error) {
      // The article must render even if the ledger cannot be read right now.
      deps.log.warn({ err: error }, 'donation meter unavailable');
    }
    return supportBox(meter, article.slug);
  };
  return { plugin, articleSupport, context, liveMeter: (stream, log) => followMeter(context, stream, log) };
}
