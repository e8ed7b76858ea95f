import { newId } from '../db/ids.js';
import type { Deps } from '../runtime.js';
import { announceLedgerChange, createDonationsContext } from './context.js';
import { createDrive } from './drives.js';
import { insertDonation, insertLedgerEntry } from './ledger-queries.js';
import { monthWindow, safeTimeZone } from './period.js';

/** Ten gifts that add up to exactly 1,437 $ (143,700 cents): what the demo meter shows. */
export const DEMO_GIFTS: { amount: number; name: string | null; message: string | null; monthly?: boolean }[] = [
  { amount: 50_000, name: 'Amara O.', message: 'For the housing investigation. Keep digging.' },
  { amount: 25_000, name: null, message: null },
  { amount: 20_000, name: 'Jonas & Mia', message: 'We read you every morning.', monthly: true },
  { amount: 15_000, name: 'Priya', message: null },
  { amount: 10_000, name: null, message: null, monthly: true },
  { amount: 10_000, name: 'Teodor K.', message: 'Local news matters <3' },
  { amount: 5_000, name: 'A retired teacher', message: 'Thank you for the school board coverage.' },
  { amount: 4_200, name: null, message: null },
  { amount: 2_500, name: 'Lena', message: null },
  { amount: 2_000, name: 'Sam', message: 'Small, but every month.', monthly: true },
];

/**
 * The demo drive: monthly, goal 4,700 $, and this month's ledger at exactly 1,437 $. Gifts are dated
 * between the 1st (in the site's zone) and now, so a fresh demo shows the same figure whenever it runs.
 */
export async function seedDemoDonations(deps: Pick<Deps, 'config' | 'db' | 'events' | 'settings' | 'now' | 'log'>): Promise<void> {
  await deps.settings.update('donations', {
    currency: 'USD',
    symbolPosition: 'after',
    bankTransfer: 'The Tribune Ledger Foundation (demo)\nIBAN: DE02 1203 0000 0000 2020 51\nBIC: BYLADEM1001\nReference: Donation',
    cryptoAddresses: [{ label: 'Bitcoin (demo address)', address: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' }],
    donorWall: true,
  });
  // The seed records its gifts itself and mails nobody.
  const ctx = createDonationsContext({ ...deps, mailer: { send: async () => ({ messageId: '', response: 'not sent' }), close() {} } });
  try {
    const driveId = await createDrive(ctx, {
      title: 'Keep local news free',
      goalMinor: 470_000,
      currency: 'USD',
      period: 'monthly',
      makeCurrent: true,
    });
    const settings = await deps.settings.get();
    const now = deps.now();
    const { start } = monthWindow(now, safeTimeZone(settings.site.timeZone));
    const span = Math.max(0, now.getTime() - start.getTime());
    await deps.db.transaction().execute(async (trx) => {
      for (const [index, gift] of DEMO_GIFTS.entries()) {
        // Spread over the month so far, oldest first; never before the 1st nor after now.
        const at = new Date(start.getTime() + Math.floor((span * (index + 1)) / (DEMO_GIFTS.length + 1))).toISOString();
        const donationId = newId(new Date(at));
        const ref = `demo:seed-${index + 1}`;
        await insertDonation(trx, {
          id: donationId,
          intent_id: null,
          drive_id: driveId,
          provider: 'demo',
          provider_ref: ref,
          checkout_session_id: null,
          frequency: gift.monthly ? 'monthly' : 'once',
          amount_minor: gift.amount,
          currency: 'USD',
          status: gift.monthly ? 'active' : 'paid',
          public_name: gift.name,
          message: gift.message,
          article_slug: null,
          created_at: at,
          updated_at: at,
        });
        await insertLedgerEntry(trx, {
          id: newId(new Date(at)),
          donation_id: donationId,
          drive_id: driveId,
          kind: 'payment',
          provider: 'demo',
          provider_ref: ref,
          payment_ref: null,
          amount_minor: gift.amount,
          currency: 'USD',
          occurred_at: at,
          note: 'Demo data',
          recorded_by: null,
          created_at: at,
        });
      }
    });
    await announceLedgerChange(ctx, [driveId]);
  } finally {
    ctx.totals.close();
  }
}
