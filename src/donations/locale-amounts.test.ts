import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('amounts typed in the site\'s number format', () => {
  let d: DonationsTestApp;
  beforeEach(async () => {
    d = await startDonationsApp();
  });
  afterEach(() => d.close());

  /** A site that writes numbers the German way, collecting euros. */
  async function german(): Promise<string> {
    await d.t.runtime.settings.update('donations', { locale: 'de-DE', currency: 'EUR' });
    const created = await d.t.request({ method: 'POST', url: '/admin/donations/drives', as: d.admin, payload: { title: 'Spendenaktion', goalMinor: 500_000, currency: 'EUR', makeCurrent: true } });
    return created.json().id as string;
  }

  const donate = (payload: string) => d.t.request({ method: 'POST', url: '/donate', as: d.t.anonymous(), remoteAddress: `10.3.0.${payload.length}`, headers: form, payload });

  it('charges "12,50" on a de-DE site as 12.50 €, not 1,250.00', async () => {
    await german();
    const page = await d.t.request({ method: 'GET', url: '/donate', headers: { accept: 'text/html' } });
    expect(page.body).toContain('in EUR, e.g. 12,50');
    expect((await donate('customAmount=12%2C50&frequency=once')).statusCode).toBe(303);
    expect(d.fake.requests.at(-1)?.form['line_items[0][price_data][unit_amount]']).toBe('1250');
    expect((await donate('customAmount=1.234%2C50&frequency=once')).statusCode).toBe(303);
    expect(d.fake.requests.at(-1)?.form['line_items[0][price_data][unit_amount]']).toBe('123450');
  });

  it('re-draws the form for "12.50" on a de-DE site, showing the format it expects', async () => {
    await german();
    const refused = await donate('customAmount=12.50&frequency=once');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the amount like 12,50 or 1.234,50.');
    expect(refused.body).toContain('value="12.50"');
    expect(d.fake.requests).toHaveLength(0);
    // An API client sending a JSON number means what it wrote, whatever the locale.
    const json = await d.t.request({ method: 'POST', url: '/donate', as: d.t.anonymous(), remoteAddress: '10.3.1.1', payload: { customAmount: 12.5 } });
    expect(json.statusCode).toBe(200);
    expect(d.fake.requests.at(-1)?.form['line_items[0][price_data][unit_amount]']).toBe('1250');
  });

  it('reads the admin\'s preset, minimum and goal amounts in the locale, and draws them back the same way', async () => {
    const driveId = await german();
    const saved = await d.t.request({
      method: 'POST', url: '/admin/donations/settings', as: d.admin, headers: form,
      payload: new URLSearchParams({ _csrf: d.admin.csrf, currency: 'EUR', locale: 'de-DE', presetAmounts: '5 10 12,50 1.000', minimumAmount: '1,50', maximumAmount: '10.000' }).toString(),
    });
    expect(saved.statusCode).toBe(303);
    expect((await d.t.runtime.settings.get()).donations).toMatchObject({ presetAmounts: [500, 1000, 1250, 100_000], minimumAmount: 150, maximumAmount: 1_000_000 });
    const page = await d.t.request({ method: 'GET', url: '/admin/donations/settings', as: d.admin });
    expect(page.body).toContain('name="presetAmounts" value="5 10 12,50 1000"');
    expect(page.body).toContain('value="1,50"');
    // "12.50" is refused rather than guessed, with the form drawn again.
    const guessed = await d.t.request({
      method: 'POST', url: '/admin/donations/settings', as: d.admin, headers: form,
      payload: new URLSearchParams({ _csrf: d.admin.csrf, currency: 'EUR', presetAmounts: '5 12.50', minimumAmount: '1', maximumAmount: '100' }).toString(),
    });
    expect(guessed.statusCode).toBe(400);
    expect(guessed.body).toContain('Enter the amount like 12,50 or 1.234,50.');
    expect((await d.t.runtime.settings.get()).donations.presetAmounts).toEqual([500, 1000, 1250, 100_000]);

    const goal = await d.t.request({ method: 'POST', url: `/admin/donations/drives/${driveId}`, as: d.admin, headers: form, payload: `_csrf=${d.admin.csrf}&title=Spendenaktion&goal=4.700%2C50&currency=EUR&period=monthly` });
    expect(goal.statusCode).toBe(303);
    const drive = await d.t.runtime.db.selectFrom('donation_drives').select('goal_minor').where('id', '=', driveId).executeTakeFirstOrThrow();
    expect(drive.goal_minor).toBe(470_050);
    expect((await d.t.request({ method: 'GET', url: `/admin/donations/drives/${driveId}`, as: d.admin })).body).toContain('value="4700,50"');

    const manual = await d.t.request({ method: 'POST', url: '/admin/donations/ledger', as: d.admin, payload: { driveId, amount: '12,50', note: 'Überweisung' } });
    expect(manual.statusCode).toBe(201);
    expect((await d.meter()).raisedMinor).toBe(1250);
  });

  it('separates presets with semicolons where digits are grouped with spaces (fr-FR)', async () => {
    await d.t.runtime.settings.update('donations', { locale: 'fr-FR' });
    const post = (presetAmounts: string) => d.t.request({ method: 'POST', url: '/admin/donations/settings', as: d.admin, payload: { currency: 'EUR', locale: 'fr-FR', presetAmounts, minimumAmount: '1', maximumAmount: '10 000' } });
    expect((await post('5; 1 000; 12,50')).statusCode).toBe(200);
    expect((await d.t.runtime.settings.get()).donations).toMatchObject({ presetAmounts: [500, 100_000, 1250], maximumAmount: 1_000_000 });
    // "1 500 2 500" could be two presets or four: refused, with the way out.
    const ambiguous = await post('1 500 2 500');
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json()).toMatchObject({ error: 'DONATION_FIELD_INVALID', field: 'presetAmounts', message: expect.stringContaining('semicolons') });
  });

  it('sends Stripe ISK in its two-decimal units, and whole krónur only', async () => {
    await d.t.runtime.settings.update('donations', { locale: 'is-IS', currency: 'ISK' });
    await d.t.request({ method: 'POST', url: '/admin/donations/drives', as: d.admin, payload: { title: 'Styrktarsjóður', goalMinor: 5_000_000, currency: 'ISK', makeCurrent: true } });
    // Intl gives ISK no minor unit, but Stripe reads 500 as 5 kr: 500 kr is 50000.
    expect((await donate('customAmount=500&frequency=once')).statusCode).toBe(303);
    expect(d.fake.requests.at(-1)?.form['line_items[0][price_data][unit_amount]']).toBe('50000');
    const fraction = await donate('customAmount=500%2C5&frequency=once');
    expect(fraction.statusCode).toBe(400);
    expect(fraction.body).toContain('ISK gifts are charged in steps of 1');
    expect(d.fake.requests).toHaveLength(1);
  });

  it('charges a yen amount as whole yen', async () => {
    await d.t.runtime.settings.update('donations', { locale: 'ja-JP', currency: 'JPY', minimumAmount: 100, maximumAmount: 1_000_000 });
    await d.t.request({ method: 'POST', url: '/admin/donations/drives', as: d.admin, payload: { title: '寄付', goalMinor: 500_000, currency: 'JPY', makeCurrent: true } });
    expect((await donate('customAmount=4%2C700&frequency=once')).statusCode).toBe(303);
    expect(d.fake.requests.at(-1)?.form).toMatchObject({ 'line_items[0][price_data][currency]': 'jpy', 'line_items[0][price_data][unit_amount]': '4700' });
    const fraction = await donate('customAmount=4700.5&frequency=once');
    expect(fraction.statusCode).toBe(400);
    expect(fraction.body).toContain('JPY amounts have no decimal places.');
  });
});
