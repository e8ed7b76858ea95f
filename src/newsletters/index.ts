import type { FastifyPluginAsync } from 'fastify';
import { findUserById } from '../accounts/index.js';
import type { Html } from '../web/html.js';
import { adminRoutes } from './admin-routes.js';
import { createNewsletterWorker, type NewsletterWorker } from './delivery.js';
import { accountNewsletters, subscribeForm, type SubscribePlacement } from './pages.js';
import { findSubscriberByEmail, listNewsletters, subscribedNewsletterIds } from './queries.js';
import { publicRoutes } from './routes.js';
import { trackingRoutes } from './tracking-routes.js';
import type { NewslettersDeps } from './types.js';

export { newsletterErrors } from './errors.js';
export { DEMO_NEWSLETTERS, seedDemoNewsletters } from './seed.js';
export { importSubscribers, exportSubscribersCsv, type SubscriberImportSummary } from './csv.js';
export { newslettersSettingsSection } from './settings-section.js';
export type { DriveProgress, NewslettersDeps } from './types.js';
export { memberSubscriptions, type MemberSubscription, type MemberSubscriptions } from './member-subscriptions.js';
export { forgetSubscriberEmail, subscriberDataForEmail, type SubscriberData } from './reader-data.js';

export interface NewslettersDomain {
  plugin: FastifyPluginAsync;
  worker: NewsletterWorker;
  /** The subscribe box for a page; identical for every visitor (cached pages carry it). */
  subscribeBox(placement: Exclude<SubscribePlacement, 'account'>): Promise<Html>;
  /** The reader's account page box. */
  accountBox(userId: string, csrf: string): Promise<Html>;
}

export function createNewsletters(deps: NewslettersDeps): NewslettersDomain {
  const worker = createNewsletterWorker(deps);
  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(publicRoutes(deps));
    await app.register(trackingRoutes(deps));
    await app.register(adminRoutes(deps, worker));
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  };
  return {
    plugin,
    worker,
    async subscribeBox(placement) {
      const settings = await deps.settings.get();
      if (!settings.newsletters.showSubscribeForms) return subscribeForm([], placement);
      return subscribeForm(await listNewsletters(deps.db), placement);
    },
    async accountBox(userId, csrf) {
      const email = (await findUserById(deps.db, userId))?.email;
      const subscriber = email ? await findSubscriberByEmail(deps.db, email) : undefined;
      const chosen = subscriber?.status === 'active' ? await subscribedNewsletterIds(deps.db, subscriber.id) : [];
      return accountNewsletters({ newsletters: await listNewsletters(deps.db), chosen, csrf });
    },
  };
}
