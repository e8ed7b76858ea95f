import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpCatcher } from '../testing/smtp-catcher.js';
import { donorToken } from './donor-links.js';
import { startDonationsAppWithMail, type DonationsTestApp } from './testing/donations-app.js';
import { checkoutSession, event, ids, invoice } from './testing/stripe-fixtures.js';

// Receipts on a real database (SQLite, or PostgreSQL under `--project pg`), delivered over SMTP to a
// real server on loopback; Stripe's events are signed with the SDK's own test helper.
describe('donation receipts', () => {
  let smtp: SmtpCatcher;
  let d: DonationsTestApp;
  beforeAll(async () => {
    // 23:30 UTC on 31 December is already 1 January in Auckland: the receipt must say the site's day.
    ({ d, smtp } = await startDonationsAppWithMail({ start: '2025-12-31T23:30:00Z' }));
    await d.t.runtime.settings.update('site', { timeZone: 'Pacific/Auckland', locale: 'en-US' });
    const saved = await d.t.request({
      method: 'POST',
      url: '/admin/donations/settings',
      as: d.admin,
      payload: {
        currency: 'USD', symbolPosition: 'before', presetAmounts: '5 10 25', minimumAmount: '1', maximumAmount: '10000', donorWall: 'on',
        legalName: 'Tribune Ledger Foundation gGmbH', legalAddress: 'Hauptstraße 1\n10115 Berlin\nGermany', receiptText: 'Thank you, <friend>.\n\nTax number 27/123/45678.',
      },
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => d?.close());

  const receiptRows = async (email: string) =>
    d.t.runtime.db.selectFrom('donation_receipts').selectAll().where('email', '=', email).execute();
  /** Receipts go out after the webhook answered: wait until every one queued for the address is done. */
  const settled = async (email: string, mails: number) => {
    await smtp.waitFor(() => smtp.messagesTo(email).length >= mails);
    await expect.poll(async () => (await receiptRows(email)).every((row) => row.status === 'sent' || row.status === 'failed')).toBe(true);
    return smtp.messagesTo(email);
  };

  it('mails one receipt per Stripe payment to the Checkout email, however often the webhook comes', async () => {
    const email = `once-${ids('x')}@readers.test`;
    const intentId = await d.give(12_345);
    const session = checkoutSession({ intentId, amount: 12_345, email: email.toUpperCase() });
    const first = event('checkout.session.completed', session, d.seconds());
    expect((await d.deliver(first)).json()).toMatchObject({ duplicate: false });
    expect(await settled(email, 1)).toHaveLength(1);
    // The same event redelivered, and the same session announced under a new event id.
    expect((await d.deliver(first)).json()).toMatchObject({ duplicate: true });
    expect((await d.deliver(event('checkout.session.completed', session, d.seconds()))).statusCode).toBe(200);
    await Promise.all([d.deliver(first), d.deliver(event('checkout.session.completed', session, d.seconds()))]);
    expect(await settled(email, 1)).toHaveLength(1);
    expect((await receiptRows(email)).map((row) => row.status)).toEqual(['sent']);

    const mail = smtp.messagesTo(email)[0];
    const entry = await d.t.runtime.db.selectFrom('donation_ledger').selectAll().where('provider_ref', '=', session.payment_intent as string).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Your receipt from Tribune Ledger Foundation gGmbH: $123.45 on Jan 1, 2026');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('$123.45');
      expect(part).toContain('Jan 1, 2026');
      expect(part).toContain(entry.id);
      expect(part).toContain('Tribune Ledger Foundation gGmbH');
      expect(part).toContain('Hauptstraße 1');
      expect(part).toContain('10115 Berlin');
    }
    expect(mail.text).toContain('Thank you, <friend>.');
    expect(mail.text).toContain('Tax number 27/123/45678.');
    expect(mail.text).toMatch(/Hauptstraße 1\n10115 Berlin\nGermany/);
    // The owner's text is text: escaped in the HTML part, never markup.
    expect(mail.html).toContain('Thank you, &lt;friend&gt;.');
    expect(mail.html).not.toContain('<friend>');
    // The link in the receipt opens the donor's page.
    const link = /http:\/\/localhost:3000(\/donate\/manage\?token=[^\s"]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    const page = await d.t.request({ method: 'GET', url: link! });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('$123.45');
  });

  it('receipts each monthly payment once, also those paid before Stripe told us the email', async () => {
    const email = `monthly-${ids('x')}@readers.test`;
    const intentId = await d.give(1_500, 'monthly');
    const sub = ids('sub');
    const firstInvoice = ids('in');
    // A renewal overtakes everything; the first invoice carries no email; then the session names it.
    const renewal = event('invoice.paid', invoice({ intentId, subscription: sub, amount: 1_500 }), d.seconds());
    const first = event('invoice.paid', invoice({ intentId, subscription: sub, amount: 1_500, id: firstInvoice, billingReason: 'subscription_create' }), d.seconds());
    const session = event('checkout.session.completed', checkoutSession({ intentId, amount: 1_500, mode: 'subscription', subscription: sub, invoice: firstInvoice, email }), d.seconds());
    for (const stripeEvent of [renewal, first, session, renewal, session]) expect((await d.deliver(stripeEvent)).statusCode).toBe(200);
    expect(await settled(email, 2)).toHaveLength(2);
    expect(smtp.messagesTo(email).map((mail) => mail.text.includes('Monthly gift (renewal)')).sort()).toEqual([false, true]);
    // A later renewal is receipted at once.
    await d.deliver(event('invoice.paid', invoice({ intentId, subscription: sub, amount: 1_500 }), d.seconds()));
    expect(await settled(email, 3)).toHaveLength(3);
  });

  it('keeps a receipt the mail server refused and sends it on the next sweep', async () => {
    const email = `bounce-${ids('x')}@readers.test`;
    smtp.reject(email, 'soft', 1);
    const intentId = await d.give(2_000);
    await d.deliver(event('checkout.session.completed', checkoutSession({ intentId, amount: 2_000, email }), d.seconds()));
    await expect.poll(async () => (await receiptRows(email))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(smtp.messagesTo(email)).toHaveLength(0);
    // Any later ledger change sweeps the queue too.
    const other = await d.give(2_000);
    await d.deliver(event('checkout.session.completed', checkoutSession({ intentId: other, amount: 2_000 }), d.seconds()));
    expect(await settled(email, 1)).toHaveLength(1);
    expect((await receiptRows(email))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('mails the yearly statement with every gift of that year in the site zone, and prints it', async () => {
    const email = `statement-${ids('x')}@readers.test`;
    const give = async (amount: number) => {
      const intentId = await d.give(amount);
      await d.deliver(event('checkout.session.completed', checkoutSession({ intentId, amount, email }), d.seconds()));
    };
    d.clock.set('2025-06-01T10:00:00Z');
    await give(1_000);
    d.clock.set('2025-12-31T10:59:00Z'); // 23:59 in Auckland: still 2025 there
    await give(2_000);
    d.clock.set('2025-12-31T11:01:00Z'); // 00:01 on 1 January 2026 in Auckland
    await give(4_000);
    await settled(email, 3);
    const token = donorToken(d.t.config.secret, email, d.clock.now());
    const asked = await d.t.request({ method: 'POST', url: '/donate/manage/statement', as: d.t.anonymous(), payload: { token, year: '2025' } });
    expect(asked.statusCode).toBe(202);
    const statement = smtp.messagesTo(email).find((mail) => mail.subject.includes('2025 giving statement'));
    expect(statement).toBeDefined();
    expect(statement!.text).toMatch(/^Jun 1, 2025 {2}Gift {2}\$10 {2}\(ref\. \w+\)$/m);
    expect(statement!.text).toMatch(/^Dec 31, 2025 {2}Gift {2}\$20 {2}\(ref\. \w+\)$/m);
    expect(statement!.text).not.toContain('$40');
    expect(statement!.text).toContain('Total: $30');
    expect(statement!.text).toContain('Tribune Ledger Foundation gGmbH');
    const printable = await d.t.request({ method: 'GET', url: `/donate/manage/statement?year=2025&token=${encodeURIComponent(token)}` });
    expect(printable.statusCode).toBe(200);
    expect(printable.headers['cache-control']).toBe('no-store');
    expect(printable.body).toContain('Giving statement 2025');
    expect(printable.body).toContain('<strong>$30</strong>');
    expect(printable.body).toContain('10115 Berlin');
    // Without a valid link the statement is not shown.
    const forged = await d.t.request({ method: 'GET', url: `/donate/manage/statement?year=2025&token=${encodeURIComponent(token.slice(0, -2) + 'xx')}` });
    expect(forged.statusCode).toBe(401);
  });
});

describe('demo and manual gifts ask for the email', () => {
  let smtp: SmtpCatcher;
  let d: DonationsTestApp;
  beforeAll(async () => {
    ({ d, smtp } = await startDonationsAppWithMail({ stripe: false, env: { TRIBUNE_DEMO: '1' } }));
  });
  afterAll(() => d?.close());

  it('sends a demo gift its receipt, and says no money moved', async () => {
    const form = await d.t.request({ method: 'GET', url: '/donate' });
    expect(form.body).toContain('name="email"');
    const response = await d.t.request({ method: 'POST', url: '/donate/demo', as: d.t.anonymous(), payload: { amount: 2500, email: 'Demo.Donor@Readers.test' } });
    expect(response.statusCode).toBe(200);
    const mails = await smtp.waitFor((all) => all.some((mail) => mail.to.includes('demo.donor@readers.test'))).then(() => smtp.messagesTo('demo.donor@readers.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('25 $');
    expect(mails[0].text).toContain('no money moved');
    expect(mails[0].text).toContain('Tribune');
  });

  it('refuses a malformed email on the form, naming the field', async () => {
    const response = await d.t.request({ method: 'POST', url: '/donate/demo', as: d.t.anonymous(), payload: { amount: 2500, email: 'not-an-address' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'DONATION_FIELD_INVALID' });
  });

  it('sends a receipt for a bank transfer the admin records with the donor email', async () => {
    const response = await d.t.request({
      method: 'POST',
      url: '/admin/donations/ledger',
      as: d.admin,
      payload: { driveId: d.driveId, amount: '300', kind: 'payment', note: 'Bank transfer 0042', email: 'bank@readers.test' },
    });
    expect(response.statusCode).toBe(201);
    const mails = await smtp.waitFor((all) => all.some((mail) => mail.to.includes('bank@readers.test'))).then(() => smtp.messagesTo('bank@readers.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('300 $');
    expect(mails[0].text).toContain(response.json().id);
  });
});
