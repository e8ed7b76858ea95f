import type { MigrationFactory } from './context.js';
import { accounts } from './0001-accounts.js';
import { articles } from './0002-articles.js';
import { comments } from './0003-comments.js';
import { moderation } from './0004-moderation.js';
import { donations } from './0005-donations.js';
import { instances } from './0006-instances.js';
import { donorReaders } from './0008-donor-readers.js';
import { transfer } from './0007-transfer.js';
import { parkedWebhookEvents } from './0009-parked-webhook-events.js';
import { staffAccounts } from './0010-staff-accounts.js';
import { twoFactor } from './0011-two-factor.js';
import { heldEdits } from './0012-held-edits.js';
import { siteAdaptation } from './0013-site-adaptation.js';
import { importFidelity } from './0014-import-fidelity.js';
import { moderatorTools } from './0015-moderator-tools.js';
import { newsletters } from './0016-newsletters.js';
import { donorSelfService } from './0017-donor-self-service.js';
import { media } from './0018-media.js';
import { pages } from './0019-pages.js';
import { trackingAndRenewals } from './0020-tracking-and-renewals.js';
import { authorHistoryIndex } from './0022-author-history-index.js';

/** Applied in key order; a published migration is never edited, a new one is added. */
export const migrations: Record<string, MigrationFactory> = {
  '0001-accounts': accounts,
  '0002-articles': articles,
  '0003-comments': comments,
  '0004-moderation': moderation,
  '0005-donations': donations,
  '0006-instances': instances,
  '0007-transfer': transfer,
  '0008-donor-readers': donorReaders,
  '0009-parked-webhook-events': parkedWebhookEvents,
  '0010-staff-accounts': staffAccounts,
  '0011-two-factor': twoFactor,
  '0012-held-edits': heldEdits,
  '0013-site-adaptation': siteAdaptation,
  '0014-import-fidelity': importFidelity,
  '0015-moderator-tools': moderatorTools,
  '0016-newsletters': newsletters,
  '0017-donor-self-service': donorSelfService,
  '0018-media': media,
  '0019-pages': pages,
  '0020-tracking-and-renewals': trackingAndRenewals,
  '0022-author-history-index': authorHistoryIndex,
};
