import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe('/admin/settings', () => {
  let t: TestApp;
  let admin: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin');
  });
  afterEach(() => t.close());

  const post = (url: string, body: Record<string, string>, as = admin) =>
    t.request({ method: 'POST', url, as, headers: form, payload: new URLSearchParams(body).toString() });
  const site = { name: 'The Ledger', description: 'Local news.', logoUrl: '', timeZone: 'America/Chicago', locale: 'en-GB' };

  it('shows the site, comment and donation currency settings', async () => {
    const page = await t.request({ url: '/admin/settings', as: admin, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    for (const name of ['name', 'description', 'logoUrl', 'timeZone', 'locale', 'maxLength', 'embedOrigins', 'currency']) {
      expect(page.body).toContain(`name="${name}"`);
    }
  });

  it('saves the site group, and pages follow the new name, zone and locale', async () => {
    const saved = await post('/admin/settings/site', site);
    expect(saved.statusCode).toBe(303);
    const settings = await t.runtime.settings.get();
    expect(settings.site).toMatchObject({ name: 'The Ledger', timeZone: 'America/Chicago', locale: 'en-GB' });
    const home = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(home.body).toContain('<html lang="en-GB">');
    expect(home.body).toContain('The Ledger');
  });

  it('refuses an unknown time zone or locale and changes nothing', async () => {
    const zone = await post('/admin/settings/site', { ...site, timeZone: 'Mars/Olympus_Mons' });
    expect(zone.statusCode).toBe(400);
    expect(zone.body).toMatch(/id="timeZone-error" role="alert">[^<]*not a time zone/);
    expect(zone.body).toContain('value="Mars/Olympus_Mons"');
    const locale = await post('/admin/settings/site', { ...site, locale: 'not a locale!' });
    expect(locale.statusCode).toBe(400);
    expect(locale.body).toContain('id="locale-error"');
    expect((await t.runtime.settings.get()).site.name).toBe('Tribune');
  });

  it('saves comment defaults and the donation currency with their own checks', async () => {
    const comments = { maxLength: '2000', editWindowMinutes: '10', autoCloseDays: '30', postsPerMinutePerIp: '5', postsPerMinutePerReader: '3', embedOrigins: 'https://news.example.org\nhttps://blog.example.org/', deletedReaderComments: 'remove' };
    expect((await post('/admin/settings/comments', comments)).statusCode).toBe(303);
    expect((await t.runtime.settings.get()).comments).toMatchObject({
      guestsAllowed: false, maxLength: 2000, embedOrigins: ['https://news.example.org', 'https://blog.example.org'], deletedReaderComments: 'remove',
    });
    const badOrigin = await post('/admin/settings/comments', { ...comments, embedOrigins: 'https://example.org/path' });
    expect(badOrigin.statusCode).toBe(400);
    expect(badOrigin.body).toContain('id="embedOrigins-error"');
    expect((await post('/admin/settings/donation-currency', { currency: 'eur' })).statusCode).toBe(303);
    expect((await t.runtime.settings.get()).donations.currency).toBe('EUR');
    expect((await post('/admin/settings/donation-currency', { currency: 'XYZ1' })).statusCode).toBe(400);
  });

  it('is for admins only', async () => {
    const editor = await t.signIn('editor');
    expect((await post('/admin/settings/site', site, editor)).statusCode).toBe(403);
    expect((await t.runtime.settings.get()).site.name).toBe('Tribune');
  });
});
