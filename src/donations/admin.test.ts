import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const html = { accept: 'text/html' };

describe('donations admin', () => {
  let d: DonationsTestApp;
  beforeEach(async () => {
    d = await startDonationsApp({ stripe: false });
  });
  afterEach(() => d.close());

  const manual = (payload: Record<string, unknown>) => d.t.request({ method: 'POST', url: '/admin/donations/ledger', as: d.admin, payload });

  it('is for admins only', async () => {
    const editor = await d.t.signIn('editor');
    expect((await d.t.request({ method: 'GET', url: '/admin/donations', as: editor })).statusCode).toBe(403);
    expect((await d.t.request({ method: 'POST', url: '/admin/donations/ledger', as: editor, payload: { driveId: d.driveId, amount: '5', note: 'x' } })).statusCode).toBe(403);
    const anonymous = await d.t.request({ method: 'GET', url: '/admin/donations/ledger', headers: html });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/login');
    expect((await d.t.request({ method: 'GET', url: '/admin/donations', as: d.admin })).statusCode).toBe(200);
  });

  it('creates, edits, switches and deletes drives through the forms', async () => {
    const created = await d.t.request({
      method: 'POST',
      url: '/admin/donations/drives',
      as: d.admin,
      headers: form,
      payload: `_csrf=${d.admin.csrf}&title=Spring+appeal&goal=12500.50&currency=eur&period=fixed&startsOn=2026-03-10&endsOn=2026-03-20&subtractRefunds=on`,
    });
    expect(created.statusCode).toBe(303);
    const id = String(created.headers.location).split('/').pop()!;
    const drive = await d.t.runtime.db.selectFrom('donation_drives').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(drive).toMatchObject({
      title: 'Spring appeal',
      goal_minor: 1_250_050,
      currency: 'EUR',
      period: 'fixed',
      starts_at: '2026-03-10T00:00:00.000Z',
      ends_at: '2026-03-21T00:00:00.000Z',
      count_renewals: 0,
      subtract_refunds: 1,
      is_current: 0,
    });
    await d.t.request({ method: 'POST', url: `/admin/donations/drives/${id}/current`, as: d.admin, headers: form, payload: `_csrf=${d.admin.csrf}` });
    const meter = await d.meter();
    expect(meter).toMatchObject({ driveId: id, goalLabel: '12,500.50 €', daysLeft: 6 });
    const current = await d.t.runtime.db.selectFrom('donation_drives').select('id').where('is_current', '=', 1).execute();
    expect(current).toEqual([{ id }]);
    const list = await d.t.request({ method: 'GET', url: '/admin/donations/drives', as: d.admin });
    expect(list.body).toContain('Spring appeal');
    expect(list.body).toContain('2026-03-10 to 2026-03-20');
    expect((await d.t.request({ method: 'POST', url: `/admin/donations/drives/${id}/delete`, as: d.admin, headers: form, payload: `_csrf=${d.admin.csrf}` })).statusCode).toBe(303);
    expect((await d.t.request({ method: 'GET', url: '/api/drives/current' })).statusCode).toBe(404);
  });

  it('refuses bad drives and keeps a drive that has money', async () => {
    const bad = (payload: Record<string, unknown>) => d.t.request({ method: 'POST', url: '/admin/donations/drives', as: d.admin, payload });
    expect((await bad({ title: 'x', goal: '-5', currency: 'USD' })).json()).toMatchObject({ error: 'DONATION_AMOUNT_INVALID', field: 'goal' });
    expect((await bad({ title: 'x', goalMinor: 10.5, currency: 'USD' })).json()).toMatchObject({ error: 'DONATION_AMOUNT_INVALID', field: 'goalMinor' });
    expect((await bad({ title: 'x', goal: '100', currency: 'ABC' })).json()).toMatchObject({ error: 'DONATION_CURRENCY_UNKNOWN' });
    expect((await bad({ title: 'x', goal: '100', currency: 'USD', period: 'fixed' })).json()).toMatchObject({ error: 'DRIVE_INVALID', field: 'startsOn' });
    expect((await bad({ title: '', goal: '100', currency: 'USD' })).json()).toMatchObject({ error: 'DRIVE_INVALID', field: 'title' });
    await manual({ driveId: d.driveId, amount: '10', note: 'Cash at the fair' });
    const refused = await d.t.request({ method: 'POST', url: `/admin/donations/drives/${d.driveId}/delete`, as: d.admin, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'DRIVE_HAS_LEDGER' });
  });

  it('records manual entries and corrections, never editing the ledger', async () => {
    expect((await manual({ driveId: d.driveId, amount: '100', note: 'Bank transfer from the Smiths', publicName: 'The Smiths' })).statusCode).toBe(201);
    expect((await manual({ driveId: d.driveId, amount: '25.5', kind: 'refund', note: 'Typo: was 74.50' })).statusCode).toBe(201);
    expect((await manual({ driveId: d.driveId, amount: '10', occurredOn: '2026-02-27', note: 'Last month' })).statusCode).toBe(201);
    expect((await d.meter()).raisedMinor).toBe(10_000 - 2_550);
    expect((await manual({ driveId: d.driveId, amount: '10' })).json()).toMatchObject({ error: 'DONATION_FIELD_INVALID', field: 'note' });
    expect((await manual({ driveId: d.driveId, amount: '0', note: 'x' })).json()).toMatchObject({ error: 'DONATION_AMOUNT_INVALID', field: 'amount' });
    expect((await manual({ driveId: d.driveId, amount: '5', note: 'x', occurredOn: '2026-03-16' })).json()).toMatchObject({ field: 'occurredOn' });
    expect((await manual({ driveId: 'nope', amount: '5', note: 'x' })).statusCode).toBe(404);
    const rows = await d.t.runtime.db.selectFrom('donation_ledger').select(['amount_minor', 'occurred_at', 'recorded_by', 'provider']).orderBy('amount_minor').execute();
    expect(rows).toEqual([
      { amount_minor: -2_550, occurred_at: '2026-03-15T12:00:00.000Z', recorded_by: d.admin.userId, provider: 'manual' },
      { amount_minor: 1_000, occurred_at: '2026-02-27T00:00:00.000Z', recorded_by: d.admin.userId, provider: 'manual' },
      { amount_minor: 10_000, occurred_at: '2026-03-15T12:00:00.000Z', recorded_by: d.admin.userId, provider: 'manual' },
    ]);
  });

  it('filters the ledger, shows refunds, and exports CSV with formula injection defused', async () => {
    await manual({ driveId: d.driveId, amount: '100', note: '=HYPERLINK("http://evil.example","click")', publicName: '@SUM(A1)' });
    await manual({ driveId: d.driveId, amount: '30', kind: 'refund', note: 'Returned' });
    await manual({ driveId: d.driveId, amount: '7', occurredOn: '2026-03-02', note: 'Early' });
    const all = await d.t.request({ method: 'GET', url: '/admin/donations/ledger', as: d.admin });
    expect(all.body).toContain('-30 $');
    expect(all.body).toContain('class="ledger__refund"');
    const refunds = await d.t.request({ method: 'GET', url: '/admin/donations/ledger?kind=refund', as: d.admin });
    expect(refunds.body).toContain('Returned');
    expect(refunds.body).not.toContain('HYPERLINK');
    const early = await d.t.request({ method: 'GET', url: '/admin/donations/ledger?from=2026-03-01&to=2026-03-02', as: d.admin });
    expect(early.body).toContain('Early');
    expect(early.body).not.toContain('Returned');
    const csv = await d.t.request({ method: 'GET', url: '/admin/donations/ledger.csv', as: d.admin });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment; filename="donations-ledger-2026-03-15.csv"');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('occurred_at,drive,kind,provider,amount,currency,amount_minor,public_name,message,note,article,frequency,status,provider_ref,entry_id');
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv.body).toContain(",'@SUM(A1),");
    expect(csv.body).toContain(',refund,manual,-30.00,USD,-3000,');
    const filtered = await d.t.request({ method: 'GET', url: '/admin/donations/ledger.csv?kind=refund', as: d.admin });
    expect(filtered.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('shows totals per period and a chart of donations per day', async () => {
    await manual({ driveId: d.driveId, amount: '100', note: 'a' });
    await manual({ driveId: d.driveId, amount: '20', kind: 'refund', note: 'b' });
    await manual({ driveId: d.driveId, amount: '40', occurredOn: '2026-03-03', note: 'c' });
    const page = await d.t.request({ method: 'GET', url: '/admin/donations', as: d.admin });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('March 2026');
    expect(page.body).toContain('-20 $');
    expect(page.body).toContain('<strong>120 $</strong>');
    expect(page.body.match(/<rect /g)).toHaveLength(31);
    expect(page.body).toContain('<title>2026-03-15: 80 $</title>');
    expect(page.body).toContain('<title>2026-03-03: 40 $</title>');
  });

  it('saves the donation settings and re-draws the form on bad input', async () => {
    const saved = await d.t.request({
      method: 'POST',
      url: '/admin/donations/settings',
      as: d.admin,
      headers: form,
      payload: new URLSearchParams({
        _csrf: d.admin.csrf,
        currency: 'usd',
        symbolPosition: 'before',
        locale: 'en-GB',
        presetAmounts: '5 10 25.50',
        minimumAmount: '2',
        maximumAmount: '5000',
        bankTransfer: 'IBAN GB00 TEST',
        cryptoAddresses: 'Bitcoin: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
        donorWall: 'on',
      }).toString(),
    });
    expect(saved.statusCode).toBe(303);
    const settings = (await d.t.runtime.settings.get()).donations;
    expect(settings).toMatchObject({
      currency: 'USD',
      symbolPosition: 'before',
      locale: 'en-GB',
      presetAmounts: [500, 1000, 2550],
      minimumAmount: 200,
      maximumAmount: 500_000,
      cryptoAddresses: [{ label: 'Bitcoin', address: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' }],
      donorWall: true,
    });
    expect((await d.meter()).goalLabel).toBe('$4,700');
    const bad = await d.t.request({
      method: 'POST',
      url: '/admin/donations/settings',
      as: d.admin,
      headers: form,
      payload: `_csrf=${d.admin.csrf}&currency=ZZZ&presetAmounts=5&minimumAmount=1&maximumAmount=10`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert"');
    expect((await d.t.runtime.settings.get()).donations.currency).toBe('USD');
  });
});
