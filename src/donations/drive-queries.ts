import type { Kysely } from 'kysely';
import type { Database, NewRow, RowUpdate } from '../db/schema.js';
import type { Drive, DriveTotals } from './meter.js';
import type { DriveWindow } from './period.js';

type Db = Kysely<Database>;

export async function listDrives(db: Db): Promise<Drive[]> {
  return db.selectFrom('donation_drives').selectAll().orderBy('is_current', 'desc').orderBy('created_at', 'desc').execute();
}

export async function findDrive(db: Db, id: string): Promise<Drive | undefined> {
  return db.selectFrom('donation_drives').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCurrentDrive(db: Db): Promise<Drive | undefined> {
  return db.selectFrom('donation_drives').selectAll().where('is_current', '=', 1).orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
}

export async function insertDrive(db: Db, row: NewRow<'donation_drives'>): Promise<void> {
  await db.insertInto('donation_drives').values(row).execute();
}

export async function updateDrive(db: Db, id: string, values: RowUpdate<'donation_drives'>): Promise<void> {
  await db.updateTable('donation_drives').set(values).where('id', '=', id).execute();
}

/** Exactly one current drive afterwards (or none when `id` is null), in one transaction. */
export async function setCurrentDrive(db: Db, id: string | null, updatedAt: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('donation_drives').set({ is_current: 0 }).where('is_current', '=', 1).execute();
    if (id) await trx.updateTable('donation_drives').set({ is_current: 1, updated_at: updatedAt }).where('id', '=', id).execute();
  });
}

export async function deleteDrive(db: Db, id: string): Promise<void> {
  await db.deleteFrom('donation_drives').where('id', '=', id).execute();
}

export async function driveHasLedger(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('donation_ledger').select('id').where('drive_id', '=', id).limit(1).executeTakeFirst();
  return row !== undefined;
}

function countedKinds(drive: Drive): ('payment' | 'renewal' | 'refund')[] {
  return ['payment', ...(drive.count_renewals ? (['renewal'] as const) : []), ...(drive.subtract_refunds ? (['refund'] as const) : [])];
}

/**
 * The drive's raised amount and donor count for a window, summed by the database from the ledger:
 * the only source of truth, so no counter can drift from the entries.
 */
export async function driveTotals(db: Db, drive: Drive, window: DriveWindow): Promise<DriveTotals> {
  let query = db
    .selectFrom('donation_ledger')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('raised'),
      eb.fn.count<number>(eb.case().when('amount_minor', '>', 0).then(eb.ref('donation_id')).end()).distinct().as('donors'),
    ])
    .where('drive_id', '=', drive.id)
    .where('currency', '=', drive.currency)
    .where('kind', 'in', countedKinds(drive));
  if (window.start) query = query.where('occurred_at', '>=', window.start.toISOString());
  if (window.end) query = query.where('occurred_at', '<', window.end.toISOString());
  const row = await query.executeTakeFirstOrThrow();
  return { raisedMinor: Number(row.raised), donors: Number(row.donors) };
}

export interface WindowBreakdown {
  payments: number;
  renewals: number;
  refunds: number;
  entries: number;
  donors: number;
}

/** Gross, renewals and refunds apart, for the admin's totals table (every kind, whatever the drive counts). */
export async function windowBreakdown(db: Db, driveId: string, currency: string, window: DriveWindow): Promise<WindowBreakdown> {
  let query = db
    .selectFrom('donation_ledger')
    .select((eb) => {
      const sumOf = (kind: 'payment' | 'renewal' | 'refund') =>
        eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('kind', '=', kind).then(eb.ref('amount_minor')).else(0).end()), eb.lit(0));
      return [
      sumOf('payment').as('payments'),
      sumOf('renewal').as('renewals'),
      sumOf('refund').as('refunds'),
      eb.fn.countAll<number>().as('entries'),
      eb.fn.count<number>(eb.case().when('amount_minor', '>', 0).then(eb.ref('donation_id')).end()).distinct().as('donors'),
      ];
    })
    .where('drive_id', '=', driveId)
    .where('currency', '=', currency);
  if (window.start) query = query.where('occurred_at', '>=', window.start.toISOString());
  if (window.end) query = query.where('occurred_at', '<', window.end.toISOString());
  const row = await query.executeTakeFirstOrThrow();
  return {
    payments: Number(row.payments),
    renewals: Number(row.renewals),
    refunds: Number(row.refunds),
    entries: Number(row.entries),
    donors: Number(row.donors),
  };
}

/** The counted entries of a window, for bucketing per day in the site's zone (bounded by one period). */
export async function windowEntries(
  db: Db,
  drive: Drive,
  window: { start: Date; end: Date },
): Promise<{ occurred_at: string; amount_minor: number }[]> {
  return db
    .selectFrom('donation_ledger')
    .select(['occurred_at', 'amount_minor'])
    .where('drive_id', '=', drive.id)
    .where('currency', '=', drive.currency)
    .where('kind', 'in', countedKinds(drive))
    .where('occurred_at', '>=', window.start.toISOString())
    .where('occurred_at', '<', window.end.toISOString())
    .orderBy('occurred_at')
    .execute();
}
