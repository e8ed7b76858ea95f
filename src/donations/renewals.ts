import { newId } from '../db/ids.js';
import { announceLedgerChange, type DonationsContext } from './context.js';
import { findCurrentDrive } from './drive-queries.js';
import { insertLedgerEntry, type Donation } from './ledger-queries.js';
import { queueReceipt, sendReceiptsSoon } from './receipts.js';

/**
 * Tribune's own monthly gifts (demo checkout) renew here, as Stripe renews card gifts: a month after
 * the gift began, and every month after that, the gift's current amount is recorded as a `renewal`
 * and receipted. Paused gifts are skipped, cancelled ones never renew, and one cancelled "at the end
 * of the paid month" ends at its `cancel_at` instead of renewing.
 *
 * Every instance runs the check; the ledger's unique provider reference (`demo:…:month-N`, one per gift
 * and period) is the claim, as the newsletter scheduler's conditional `scheduled → sending` update is:
 * of two instances recording the same period, one inserts and queues the receipt in that transaction,
 * the other inserts nothing and sends nothing.
 */

export const RENEWAL_CHECK_MS = 10 * 60_000;

/** `start` plus `months` calendar months in UTC, the day clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
export function monthsAfter(start: Date, months: number): Date {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay), start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(), start.getUTCMilliseconds()));
}

/** How many whole monthly periods of a gift begun at `start` have passed at `now` (0 in its first month). */
export function periodsElapsed(start: Date, now: Date): number {
  let months = Math.max(0, (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + now.getUTCMonth() - start.getUTCMonth());
  while (months > 0 && monthsAfter(start, months) > now) months -= 1;
  return months;
}

/** Where the month the donor has paid for ends: the next renewal date. */
export function paidThrough(donation: Pick<Donation, 'created_at'>, now: Date): Date {
  const start = new Date(donation.created_at);
  return monthsAfter(start, periodsElapsed(start, now) + 1);
}

export function renewalRef(donation: Pick<Donation, 'provider_ref'>, period: number): string {
  return `${donation.provider_ref}:month-${period}`;
}

export interface RenewalStats {
  renewed: number;
  ended: number;
}

/**
 * One pass over the active demo monthly gifts. Only the latest due period is recorded: a site that was
 * down for three months takes one month's gift when it comes back, as a resumed subscription would,
 * not three at once.
 */
export async function renewDemoGifts(ctx: DonationsContext): Promise<RenewalStats> {
  const stats: RenewalStats = { renewed: 0, ended: 0 };
  const now = ctx.now();
  const gifts = await ctx.db
    .selectFrom('donations')
    .selectAll()
    .where('provider', '=', 'demo')
    .where('frequency', '=', 'monthly')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .execute();
  const changed = new Set<string | null>();
  for (const gift of gifts) {
    if (gift.cancel_at && gift.cancel_at <= now.toISOString()) {
      const ended = await ctx.db.updateTable('donations').set({ status: 'cancelled', paused: 0, updated_at: now.toISOString() }).where('id', '=', gift.id).where('status', '=', 'active').executeTakeFirst();
      stats.ended += Number(ended.numUpdatedRows);
      continue;
    }
    if (gift.paused) continue;
    const start = new Date(gift.created_at);
    const period = periodsElapsed(start, now);
    if (period < 1) continue;
    const due = monthsAfter(start, period);
    const time = now.toISOString();
    const entryId = newId(now);
    const driveId = await ctx.db.transaction().execute(async (trx) => {
      // A renewal supports the newsroom's drive of the day, as a Stripe renewal does (webhook.ts).
      const current = await findCurrentDrive(trx);
      const drive = current && current.currency === gift.currency ? current.id : gift.drive_id;
      const added = await insertLedgerEntry(trx, {
        id: entryId,
        donation_id: gift.id,
        drive_id: drive,
        kind: 'renewal',
        provider: 'demo',
        provider_ref: renewalRef(gift, period),
        payment_ref: null,
        amount_minor: gift.amount_minor,
        currency: gift.currency,
        occurred_at: due.toISOString(),
        note: 'Demo monthly renewal: no money moved.',
        recorded_by: null,
        created_at: time,
      });
      if (!added) return undefined;
      await queueReceipt(trx, { ledgerEntryId: entryId, donationId: gift.id, email: gift.donor_email, now: time });
      return drive;
    });
    if (driveId === undefined) continue;
    stats.renewed += 1;
    changed.add(driveId);
  }
  if (changed.size > 0) {
    await announceLedgerChange(ctx, changed);
    await sendReceiptsSoon(ctx);
  }
  if (stats.renewed + stats.ended > 0) ctx.log.info(stats, 'demo monthly gifts renewed');
  return stats;
}

export interface RenewalJob {
  start(): void;
  stop(): Promise<void>;
  /** One pass now (tests, and the timer). */
  tick(): Promise<RenewalStats>;
}

export function createRenewalJob(ctx: DonationsContext, intervalMs = RENEWAL_CHECK_MS): RenewalJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RenewalStats> | undefined;
  function tick(): Promise<RenewalStats> {
    running ??= renewDemoGifts(ctx).finally(() => {
      running = undefined;
    });
    return running;
  }
  const logged = () => tick().catch((error: unknown) => ctx.log.error({ err: error }, 'demo monthly renewals failed'));
  return {
    start() {
      if (timer) return;
      void logged();
      timer = setInterval(() => void logged(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
    tick,
  };
}
