import type { Html } from '../web/html.js';
import type Stripe from 'stripe';
import type { Mailer } from '../mail/index.js';
import type { Deps } from '../runtime.js';
import type { SiteSettings } from '../settings/index.js';
import { findCurrentDrive } from './drive-queries.js';
import { buildMeter, type Drive, type Meter } from './meter.js';
import { moneyFormatFor } from './money.js';
import { driveWindow, safeTimeZone } from './period.js';
import { createStripeClient } from './stripe-client.js';
import { createTotalsCache, type TotalsCache } from './totals.js';

export type DonationsDeps = Pick<Deps, 'config' | 'db' | 'events' | 'settings' | 'now' | 'log'> & {
  /** Receipts and donors' links go out through it. */
  mailer: Mailer;
  /** Drawn under the thank-you page (the newsletters' subscribe box), wired in app.ts. */
  thanksExtra?: () => Promise<Html>;
  /** Drawn above the donation form (the text of the page the owner chose in settings), wired in app.ts. */
  donateIntro?: () => Promise<Html>;
};

/** The domain's dependencies plus the two things it builds once: the totals cache and the Stripe client. */
export interface DonationsContext extends DonationsDeps {
  totals: TotalsCache;
  stripe: Stripe | null;
}

export function createDonationsContext(deps: DonationsDeps): DonationsContext {
  return { ...deps, totals: createTotalsCache(deps), stripe: createStripeClient(deps.config.stripe) };
}

/** Channel every instance listens on to learn that the current drive changed. */
export const DRIVES_CHANNEL = 'drives';

export function driveChannel(driveId: string): `drive:${string}` {
  return `drive:${driveId}`;
}

export async function meterFor(ctx: DonationsContext, drive: Drive, settings?: SiteSettings): Promise<Meter> {
  const site = settings ?? (await ctx.settings.get());
  const now = ctx.now();
  const timeZone = safeTimeZone(site.site.timeZone);
  const totals = await ctx.totals.get(drive, driveWindow(drive, now, timeZone));
  return buildMeter(drive, totals, now, timeZone, moneyFormatFor(site));
}

export async function currentMeter(ctx: DonationsContext, settings?: SiteSettings): Promise<Meter | null> {
  const drive = await findCurrentDrive(ctx.db);
  return drive ? meterFor(ctx, drive, settings) : null;
}

/**
 * After a ledger change has committed: drop this instance's cached totals at once (so the redirect
 * that follows already shows the gift) and tell every instance and live meter.
 */
export async function announceLedgerChange(ctx: DonationsContext, driveIds: Iterable<string | null>): Promise<void> {
  for (const driveId of new Set(driveIds)) {
    if (!driveId) continue;
    ctx.totals.invalidate(driveId);
    await ctx.events.publish(driveChannel(driveId), { type: 'donations.changed', driveId });
  }
}
