import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  DonationIntentsTable,
  DonationLedgerTable,
  DonationsTable,
  NewRow,
  RowUpdate,
} from '../db/schema.js';

type Db = Kysely<Database>;
export type Intent = Selectable<DonationIntentsTable>;
export type Donation = Selectable<DonationsTable>;
export type LedgerEntry = Selectable<DonationLedgerTable>;

export async function insertIntent(db: Db, row: NewRow<'donation_intents'>): Promise<void> {
  await db.insertInto('donation_intents').values(row).execute();
}

export async function findIntent(db: Db, id: string): Promise<Intent | undefined> {
  return db.selectFrom('donation_intents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setIntentSession(db: Db, id: string, sessionId: string): Promise<void> {
  await db.updateTable('donation_intents').set({ checkout_session_id: sessionId }).where('id', '=', id).execute();
}

export async function findDonationByRef(db: Db, providerRef: string): Promise<Donation | undefined> {
  return db.selectFrom('donations').selectAll().where('provider_ref', '=', providerRef).executeTakeFirst();
}

export async function findDonation(db: Db, id: string): Promise<Donation | undefined> {
  return db.selectFrom('donations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDonationByIntent(db: Db, intentId: string): Promise<Donation | undefined> {
  return db.selectFrom('donations').selectAll().where('intent_id', '=', intentId).orderBy('created_at').limit(1).executeTakeFirst();
}

export async function insertDonation(db: Db, row: NewRow<'donations'>): Promise<void> {
  await db.insertInto('donations').values(row).execute();
}

export async function updateDonation(db: Db, id: string, values: RowUpdate<'donations'>): Promise<void> {
  await db.updateTable('donations').set(values).where('id', '=', id).execute();
}

/** Adds an entry unless its provider reference is already in the ledger; true when it was added. */
export async function insertLedgerEntry(db: Db, row: NewRow<'donation_ledger'>): Promise<boolean> {
  const result = await db
    .insertInto('donation_ledger')
    .values(row)
    .onConflict((conflict) => conflict.column('provider_ref').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The positive entry a provider payment (Stripe PaymentIntent) produced, to hang its refunds on. */
export async function findPaymentEntry(db: Db, paymentRef: string): Promise<LedgerEntry | undefined> {
  return db
    .selectFrom('donation_ledger')
    .selectAll()
    .where('payment_ref', '=', paymentRef)
    .where('kind', 'in', ['payment', 'renewal'])
    .orderBy('occurred_at')
    .limit(1)
    .executeTakeFirst();
}

/** Minor units already refunded against a payment (a positive number). */
export async function refundedSoFar(db: Db, paymentRef: string): Promise<number> {
  const row = await db
    .selectFrom('donation_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
    .where('payment_ref', '=', paymentRef)
    .where('kind', '=', 'refund')
    .executeTakeFirstOrThrow();
  return -Number(row.total);
}

export async function donationPaidTotal(db: Db, donationId: string): Promise<number> {
  const row = await db
    .selectFrom('donation_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
    .where('donation_id', '=', donationId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Records a Stripe event id once; false when it was already there (a redelivery). */
export async function recordStripeEvent(db: Db, row: NewRow<'stripe_events'>): Promise<boolean> {
  const result = await db
    .insertInto('stripe_events')
    .values(row)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function isStripeEventRecorded(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('stripe_events').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function setStripeEventOutcome(db: Db, id: string, outcome: string): Promise<void> {
  await db.updateTable('stripe_events').set({ outcome }).where('id', '=', id).execute();
}

export interface LedgerFilter {
  driveId?: string;
  provider?: string;
  kind?: string;
  /** Inclusive UTC instant. */
  from?: string;
  /** Exclusive UTC instant. */
  to?: string;
  article?: string;
}

export interface LedgerRow extends LedgerEntry {
  public_name: string | null;
  message: string | null;
  article_slug: string | null;
  frequency: string;
  status: string;
  wall_hidden: number;
  /** The gift's planned end (monthly gifts cancelled at the end of the paid period). */
  cancel_at: string | null;
  drive_title: string | null;
}

/** Newest first; `before` is the (occurred_at, id) of the last row shown, for keyset pages. */
export async function listLedger(db: Db, filter: LedgerFilter, page: { limit: number; before?: { at: string; id: string } }): Promise<LedgerRow[]> {
  let query = db
    .selectFrom('donation_ledger as l')
    .innerJoin('donations as d', 'd.id', 'l.donation_id')
    .leftJoin('donation_drives as v', 'v.id', 'l.drive_id')
    .selectAll('l')
    .select(['d.public_name', 'd.message', 'd.article_slug', 'd.frequency', 'd.status', 'd.wall_hidden', 'd.cancel_at', 'v.title as drive_title']);
  if (filter.driveId) query = query.where('l.drive_id', '=', filter.driveId);
  if (filter.provider) query = query.where('l.provider', '=', filter.provider as LedgerEntry['provider']);
  if (filter.kind) query = query.where('l.kind', '=', filter.kind as LedgerEntry['kind']);
  if (filter.from) query = query.where('l.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('l.occurred_at', '<', filter.to);
  if (filter.article) query = query.where('d.article_slug', '=', filter.article);
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('l.occurred_at', '<', before.at), eb.and([eb('l.occurred_at', '=', before.at), eb('l.id', '<', before.id)])]),
    );
  }
  return query.orderBy('l.occurred_at', 'desc').orderBy('l.id', 'desc').limit(page.limit).execute();
}

export interface WallEntry {
  public_name: string;
  message: string | null;
  created_at: string;
}

/** Public names and messages of gifts that went through, newest first. */
export async function donorWall(db: Db, limit: number): Promise<WallEntry[]> {
  const rows = await db
    .selectFrom('donations')
    .select(['public_name', 'message', 'created_at'])
    .where('public_name', 'is not', null)
    .where('public_name', '!=', '')
    .where('wall_hidden', '=', 0)
    .where('show_on_wall', '=', 1)
    .where('status', 'in', ['paid', 'active', 'cancelled'])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ public_name: row.public_name ?? '', message: row.message, created_at: row.created_at }));
}

export async function setWallHidden(db: Db, donationId: string, hidden: boolean): Promise<void> {
  await db.updateTable('donations').set({ wall_hidden: hidden ? 1 : 0 }).where('id', '=', donationId).execute();
}
