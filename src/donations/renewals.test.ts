import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../mail/index.js';
import type { SmtpCatcher } from '../testing/smtp-catcher.js';
import { createDonationsContext, type DonationsContext } from './context.js';
import { donorToken } from './donor-links.js';
import { monthsAfter, paidThrough, periodsElapsed, renewDemoGifts } from './renewals.js';
import { startDonationsAppWithMail, type DonationsTestApp } from './testing/donations-app.js';
import { until } from '../testing/wait.js';

describe('monthly periods', () => {
  it('falls on the same day each month, or the month’s last day', () => {
    const start = new Date('2026-01-31T09:30:00Z');
    expect(monthsAfter(start, 1).toISOString()).toBe('2026-02-28T09:30:00.000Z');
    expect(monthsAfter(start, 2).toISOString()).toBe('2026-03-31T09:30:00.000Z');
    expect(monthsAfter(new Date('2027-12-31T00:00:00Z'), 2).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(periodsElapsed(start, new Date('2026-02-28T09:29:59Z'))).toBe(0);
    expect(periodsElapsed(start, new Date('2026-02-28T09:30:00Z'))).toBe(1);
    expect(periodsElapsed(start, new Date('2027-01-31T09:30:00Z'))).toBe(12);
    expect(paidThrough({ created_at: start.toISOString() }, new Date('2026-03-01T00:00:00Z')).toISOString()).toBe('2026-03-31T09:30:00.000Z');
  });
});

describe('demo monthly gifts renew', () => {
  let smtp: SmtpCatcher;
  let d: DonationsTestApp;
  let ctx: DonationsContext;
  let address = 0;

  beforeAll(async () => {
    ({ d, smtp } = await startDonationsAppWithMail({ stripe: false, env: { TRIBUNE_DEMO: '1' }, start: '2026-03-15T12:00:00Z' }));
    // A second instance's view of the same database and clock: the job as another process runs it.
    ctx = createDonationsContext({ ...d.t.runtime, now: () => d.clock.now(), mailer: createMailer(d.t.config) });
  });
  afterAll(async () => {
    ctx?.totals.close();
    await d?.close();
  });

  async function giveMonthly(email: string, amount = 1500) {
    address += 1;
    const response = await d.t.request({ method: 'POST', url: '/donate/demo', as: d.t.anonymous(), remoteAddress: `10.88.0.${address}`, payload: { amount, frequency: 'monthly', email } });
    expect(response.statusCode).toBe(200);
    return d.t.runtime.db.selectFrom('donations').selectAll().where('intent_id', '=', response.json().intentId).executeTakeFirstOrThrow();
  }

  // Receipts are marked sent after the mail server accepted them: wait for that before the clock jumps a
  // month, or the jump makes a receipt still being marked look like one abandoned by a crashed instance.
  const receiptsSettled = () =>
    until(async () => (await d.t.runtime.db.selectFrom('donation_receipts').select('status').where('status', 'in', ['pending', 'sending']).execute()).length === 0, 'receipts sent');
  async function giveMonthlySettled(email: string, amount = 1500) {
    const gift = await giveMonthly(email, amount);
    await receiptsSettled();
    return gift;
  }
  const entries = (donationId: string) => d.t.runtime.db.selectFrom('donation_ledger').selectAll().where('donation_id', '=', donationId).orderBy('occurred_at').execute();
  const receipts = (email: string) => smtp.messagesTo(email).filter((mail) => mail.subject.toLowerCase().includes('receipt') || mail.text.includes('no money moved'));
  const manage = (donationId: string, action: string, email: string, extra: Record<string, unknown> = {}) =>
    d.t.request({ method: 'POST', url: `/donate/manage/gifts/${donationId}/${action}`, as: d.t.anonymous(), payload: { token: donorToken(d.t.config.secret, email, d.clock.now()), ...extra } });

  it('records next month’s gift once when it is due, receipts it, and moves the meter', async () => {
    d.clock.set('2026-03-15T12:00:00Z');
    const gift = await giveMonthlySettled('renewing@readers.test');
    await smtp.waitFor(() => receipts('renewing@readers.test').length === 1);
    expect(await renewDemoGifts(ctx)).toEqual({ renewed: 0, ended: 0 });

    d.clock.set('2026-04-15T11:59:59Z');
    expect((await renewDemoGifts(ctx)).renewed).toBe(0);
    const before = (await d.meter()).raisedMinor;
    d.clock.set('2026-04-15T12:00:00Z');
    expect((await renewDemoGifts(ctx)).renewed).toBe(1);
    // Again, and on two instances at once: nothing more.
    const again = await Promise.all([renewDemoGifts(ctx), renewDemoGifts(ctx), renewDemoGifts(ctx)]);
    expect(again.map((stats) => stats.renewed)).toEqual([0, 0, 0]);

    const ledger = await entries(gift.id);
    expect(ledger.map((entry) => [entry.kind, entry.amount_minor, entry.occurred_at])).toEqual([
      ['payment', 1500, '2026-03-15T12:00:00.000Z'],
      ['renewal', 1500, '2026-04-15T12:00:00.000Z'],
    ]);
    expect(ledger[1].drive_id).toBe(d.driveId);
    await smtp.waitFor(() => receipts('renewing@readers.test').length === 2);
    expect(receipts('renewing@readers.test')[1].text).toContain(ledger[1].id);
    await expect.poll(async () => (await d.meter()).raisedMinor).toBe(before + 1500);
    await receiptsSettled();
    const receiptRows = await d.t.runtime.db.selectFrom('donation_receipts').select('attempts').where('donation_id', '=', gift.id).execute();
    expect(receiptRows.map((row) => row.attempts)).toEqual([1, 1]);
    expect(receipts('renewing@readers.test')).toHaveLength(2);
  });

  it('renews each period once when several instances race, at the amount the donor set', async () => {
    d.clock.set('2026-03-20T08:00:00Z');
    const gift = await giveMonthlySettled('racing@readers.test');
    expect((await manage(gift.id, 'amount', 'racing@readers.test', { amount: '20' })).statusCode).toBe(200);
    const other = createDonationsContext({ ...d.t.runtime, now: () => d.clock.now(), mailer: createMailer(d.t.config) });
    try {
      for (const [index, month] of ['2026-04-20T08:00:00Z', '2026-05-20T08:00:00Z'].entries()) {
        d.clock.set(month);
        // Gifts of earlier tests in this file come due too: count this gift's entries only.
        await Promise.all([renewDemoGifts(ctx), renewDemoGifts(other), renewDemoGifts(ctx), renewDemoGifts(other)]);
        expect((await entries(gift.id)).filter((entry) => entry.kind === 'renewal')).toHaveLength(index + 1);
        await receiptsSettled();
      }
    } finally {
      other.totals.close();
    }
    const renewals = (await entries(gift.id)).filter((entry) => entry.kind === 'renewal');
    expect(renewals.map((entry) => [entry.amount_minor, entry.provider_ref])).toEqual([
      [2000, `${gift.provider_ref}:month-1`],
      [2000, `${gift.provider_ref}:month-2`],
    ]);
    await smtp.waitFor(() => receipts('racing@readers.test').length === 3);
    const rows = await d.t.runtime.db.selectFrom('donation_receipts').select('attempts').where('donation_id', '=', gift.id).execute();
    expect(rows.map((row) => row.attempts)).toEqual([1, 1, 1]);
    expect(receipts('racing@readers.test')).toHaveLength(3);
  });

  it('skips a paused gift and never renews a cancelled one', async () => {
    d.clock.set('2026-06-01T10:00:00Z');
    const paused = await giveMonthlySettled('paused@readers.test');
    const cancelled = await giveMonthlySettled('cancelled@readers.test');
    expect((await manage(paused.id, 'pause', 'paused@readers.test')).json()).toMatchObject({ paused: true });
    expect((await manage(cancelled.id, 'cancel', 'cancelled@readers.test')).json()).toMatchObject({ status: 'cancelled' });
    d.clock.set('2026-07-01T10:00:00Z');
    await renewDemoGifts(ctx);
    expect((await entries(paused.id)).map((entry) => entry.kind)).toEqual(['payment']);
    expect((await entries(cancelled.id)).map((entry) => entry.kind)).toEqual(['payment']);
    // Resumed, it takes this month's gift; the cancelled one stays as it is.
    d.clock.set('2026-07-03T10:00:00Z');
    expect((await manage(paused.id, 'resume', 'paused@readers.test')).json()).toMatchObject({ paused: false });
    await renewDemoGifts(ctx);
    expect((await entries(paused.id)).map((entry) => entry.provider_ref)).toEqual([paused.provider_ref, `${paused.provider_ref}:month-1`]);
    d.clock.set('2026-09-01T10:00:00Z');
    await renewDemoGifts(ctx);
    expect((await entries(cancelled.id)).map((entry) => entry.kind)).toEqual(['payment']);
  });

  it('cancelled at the end of the paid month: shows when, runs until then, then ends without renewing', async () => {
    d.clock.set('2026-10-10T09:00:00Z');
    const email = 'later@readers.test';
    const gift = await giveMonthlySettled(email);
    d.clock.set('2026-11-12T09:00:00Z');
    await renewDemoGifts(ctx);
    const cancel = await manage(gift.id, 'cancel', email, { when: 'period-end' });
    expect(cancel.json()).toEqual({ ok: true, amountMinor: 1500, status: 'active', paused: false, cancelAt: '2026-12-10T09:00:00.000Z' });
    const token = encodeURIComponent(donorToken(d.t.config.secret, email, d.clock.now()));
    const page = await d.t.request({ method: 'GET', url: `/donate/manage?token=${token}` });
    expect(page.body).toContain('Cancels on Dec 10, 2026');
    expect(page.body).toContain('Keep my monthly gift');
    expect(page.body).not.toContain(`/gifts/${gift.id}/cancel"`);
    // A form post goes back to the page with its notice.
    const form = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/cancel`, as: d.t.anonymous(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${token}&when=sometime` });
    expect(form.statusCode).toBe(400);

    d.clock.set('2026-12-10T08:59:59Z');
    expect(await renewDemoGifts(ctx)).toMatchObject({ ended: 0 });
    expect((await d.t.runtime.db.selectFrom('donations').select('status').where('id', '=', gift.id).executeTakeFirstOrThrow()).status).toBe('active');
    d.clock.set('2026-12-10T09:00:00Z');
    expect(await renewDemoGifts(ctx)).toMatchObject({ ended: 1 });
    expect((await entries(gift.id)).map((entry) => entry.kind)).toEqual(['payment', 'renewal']);
    const after = await d.t.request({ method: 'GET', url: `/donate/manage?token=${encodeURIComponent(donorToken(d.t.config.secret, email, d.clock.now()))}` });
    expect(after.body).toContain('Cancelled');
    d.clock.set('2027-01-10T09:00:00Z');
    await renewDemoGifts(ctx);
    expect((await entries(gift.id)).map((entry) => entry.kind)).toEqual(['payment', 'renewal']);
  });

  it('keeps a gift whose donor took the cancellation back', async () => {
    d.clock.set('2027-02-01T09:00:00Z');
    const email = 'kept@readers.test';
    const gift = await giveMonthlySettled(email);
    expect((await manage(gift.id, 'cancel', email, { when: 'period-end' })).json()).toMatchObject({ cancelAt: '2027-03-01T09:00:00.000Z' });
    expect((await manage(gift.id, 'resume', email)).json()).toEqual({ ok: true, amountMinor: 1500, status: 'active', paused: false });
    d.clock.set('2027-03-01T09:00:00Z');
    await renewDemoGifts(ctx);
    expect((await entries(gift.id)).map((entry) => entry.kind)).toEqual(['payment', 'renewal']);
  });
});
