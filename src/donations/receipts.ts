import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { DonationsContext } from './context.js';
import { donorPageUrl } from './donor-links.js';
import { findDonation } from './ledger-queries.js';
import { receiptMail } from './receipt-mail.js';

type Db = Kysely<Database>;

const MAX_ATTEMPTS = 5;
/** A receipt claimed this long ago by an instance that never finished is claimed again. */
const STALE_CLAIM_MS = 10 * 60_000;
const BATCH = 50;

/**
 * Queues the receipt of a ledger payment, in the transaction that recorded it: the entry id is the
 * key, so an entry recorded once is receipted once, however often Stripe redelivers the event.
 */
export async function queueReceipt(trx: Db, row: { ledgerEntryId: string; donationId: string; email: string | null; now: string }): Promise<void> {
  if (!row.email) return;
  await trx
    .insertInto('donation_receipts')
    .values({ ledger_entry_id: row.ledgerEntryId, donation_id: row.donationId, email: row.email, status: 'pending', claimed_at: null, sent_at: null, last_error: null, created_at: row.now })
    .onConflict((conflict) => conflict.column('ledger_entry_id').doNothing())
    .execute();
}

/** A payment recorded before Stripe told us the donor's email gets its receipt once the email arrives. */
export async function queueMissingReceipts(trx: Db, donationId: string, email: string, now: string): Promise<void> {
  const entries = await trx
    .selectFrom('donation_ledger')
    .select('id')
    .where('donation_id', '=', donationId)
    .where('kind', 'in', ['payment', 'renewal'])
    .where('id', 'not in', trx.selectFrom('donation_receipts').select('ledger_entry_id'))
    .execute();
  for (const entry of entries) await queueReceipt(trx, { ledgerEntryId: entry.id, donationId, email, now });
}

/**
 * Sends what is queued. Each receipt is claimed by a conditional update first, so two instances (or
 * two webhooks finishing together) never send the same one; a failure puts it back with its error
 * until MAX_ATTEMPTS. A crash between the SMTP server's acceptance and the `sent` mark sends it again
 * after STALE_CLAIM_MS: a second copy is better than a missing receipt.
 */
export async function sendPendingReceipts(ctx: DonationsContext): Promise<number> {
  let sent = 0;
  const now = ctx.now();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const due = await ctx.db
    .selectFrom('donation_receipts')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', stale)])]))
    .orderBy('created_at')
    .limit(BATCH)
    .execute();
  if (due.length === 0) return 0;
  const settings = await ctx.settings.get();
  for (const receipt of due) {
    const claimedAt = ctx.now().toISOString();
    const claim = await ctx.db
      .updateTable('donation_receipts')
      .set({ status: 'sending', claimed_at: claimedAt, attempts: receipt.attempts + 1 })
      .where('ledger_entry_id', '=', receipt.ledger_entry_id)
      .where('status', '=', receipt.status)
      .where('attempts', '=', receipt.attempts)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    try {
      const entry = await ctx.db.selectFrom('donation_ledger').selectAll().where('id', '=', receipt.ledger_entry_id).executeTakeFirstOrThrow();
      const donation = await findDonation(ctx.db, receipt.donation_id);
      if (!donation) throw new Error('donation missing');
      await ctx.mailer.send(receiptMail({ settings, donation, entry, to: receipt.email, manageUrl: donorPageUrl(ctx.config.baseUrl, ctx.config.secret, receipt.email, ctx.now()) }));
      await ctx.db.updateTable('donation_receipts').set({ status: 'sent', sent_at: ctx.now().toISOString(), last_error: null }).where('ledger_entry_id', '=', receipt.ledger_entry_id).execute();
      sent += 1;
    } catch (error) {
      ctx.log.warn({ err: error, entry: receipt.ledger_entry_id }, 'donation receipt not sent');
      await ctx.db
        .updateTable('donation_receipts')
        .set({ status: receipt.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending', last_error: String((error as Error).message ?? error).slice(0, 500) })
        .where('ledger_entry_id', '=', receipt.ledger_entry_id)
        .execute();
    }
  }
  return sent;
}

/** Sends now, and logs rather than fails: the gift is recorded whatever the mail server says. */
export async function sendReceiptsSoon(ctx: DonationsContext): Promise<void> {
  try {
    await sendPendingReceipts(ctx);
  } catch (error) {
    ctx.log.warn({ err: error }, 'donation receipts not sent');
  }
}
