import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EventBus } from '../events/index.js';
import { driveTotals } from './drive-queries.js';
import type { Drive, DriveTotals } from './meter.js';
import type { DriveWindow } from './period.js';

export interface TotalsCache {
  /** The drive's totals for the window: from memory while nothing changed, else one SUM/COUNT query. */
  get(drive: Drive, window: DriveWindow): Promise<DriveTotals>;
  invalidate(driveId: string): void;
  /** Stops listening to drive channels (app shutdown). */
  close(): void;
}

interface Entry {
  key: string;
  /** The window's end: a monthly meter must not keep last month's figure past midnight on the 1st. */
  validUntil: number;
  totals: Promise<DriveTotals>;
}

/**
 * Totals are read on every article page, so they are cached per drive. Every ledger change publishes on
 * `drive:<id>`; listening there (rather than only clearing locally) makes other instances, reached
 * through the Redis bus, drop their copy too.
 */
export function createTotalsCache({ db, events, now }: { db: Kysely<Database>; events: EventBus; now: () => Date }): TotalsCache {
  const entries = new Map<string, Entry>();
  const subscriptions = new Map<string, () => void>();

  function invalidate(driveId: string) {
    entries.delete(driveId);
  }

  function listen(driveId: string) {
    if (subscriptions.has(driveId)) return;
    subscriptions.set(driveId, events.subscribe(`drive:${driveId}`, () => invalidate(driveId)));
  }

  return {
    get(drive, window) {
      listen(drive.id);
      const key = [
        drive.updated_at,
        drive.currency,
        drive.count_renewals,
        drive.subtract_refunds,
        window.start?.toISOString() ?? '',
        window.end?.toISOString() ?? '',
      ].join('|');
      const cached = entries.get(drive.id);
      if (cached && cached.key === key && now().getTime() < cached.validUntil) return cached.totals;
      const totals = driveTotals(db, drive, window);
      const entry: Entry = { key, validUntil: window.end?.getTime() ?? Number.POSITIVE_INFINITY, totals };
      entries.set(drive.id, entry);
      totals.catch(() => {
        if (entries.get(drive.id) === entry) entries.delete(drive.id);
      });
      return totals;
    },
    invalidate,
    close() {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
      entries.clear();
    },
  };
}
