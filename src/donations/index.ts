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
import { donorRoutes } from './donor-routes.js';
import { sendReceiptsSoon } from './receipts.js';
import { createRenewalJob } from './renewals.js';

export { donationErrors } from './errors.js';
// The current drive's meter, for other domains' pages and mails (the newsletters' call to action).
export { currentMeter } from './context.js';
export { seedDemoDonations } from './seed.js';
export { formatMoney, moneyFormatFor, type MoneyFormat } from './money.js';
export { readerGifts } from './reader-gifts.js';
export { donorSummaries, giftsOf, type DonorSummary } from './donor-summaries.js';

const RECEIPT_SWEEP_MS = 60_000;

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
    // Receipts left queued by a failed send or a crash go out on start and then every minute.
    let sweep: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      void sendReceiptsSoon(context);
      sweep = setInterval(() => void sendReceiptsSoon(context), RECEIPT_SWEEP_MS);
      sweep.unref();
    });
    app.addHook('onClose', async () => clearInterval(sweep));
    // Demo monthly gifts renew on every instance's timer; the ledger's unique reference makes it once.
    const renewals = createRenewalJob(context);
    app.addHook('onReady', async () => renewals.start());
    app.addHook('onClose', async () => renewals.stop());
    await app.register(publicRoutes(context));
    await app.register(donorRoutes(context));
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
// The domain's contract (contract.ts): what routes, other domains and client/ rely on.
export type { CurrentDriveEvent, DriveEvent, MeterEvent } from './contract.js';
