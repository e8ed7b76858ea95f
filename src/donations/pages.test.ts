import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDonations } from './index.js';
import { openStream } from '../testing/sse-client.js';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';

const html = { accept: 'text/html' };

describe('public donation pages', () => {
  let d: DonationsTestApp;
  afterEach(() => d.close());

  it('runs end to end offline through the demo checkout', async () => {
    d = await startDonationsApp({ stripe: false, env: { TRIBUNE_DEMO: 'true' } });
    const page = await d.t.request({ method: 'GET', url: '/donate?article=budget-vote', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('formaction="/donate/demo"');
    expect(page.body).toContain('Demo checkout — no money moves');
    expect(page.body).toContain('<input type="hidden" name="article" value="budget-vote">');
    const visitor = d.t.anonymous();
    const posted = await d.t.request({
      method: 'POST',
      url: '/donate/demo',
      as: visitor,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'amount=2500&frequency=once&publicName=Ada&message=Go+on&article=budget-vote',
    });
    expect(posted.statusCode).toBe(303);
    const location = String(posted.headers.location);
    expect(location).toMatch(/^\/donate\/thanks\?intent=/);
    const thanks = await d.t.request({ method: 'GET', url: location, headers: html });
    expect(thanks.body).toContain('Demo gift recorded: no money moved.');
    expect(thanks.body).toContain('25 $');
    const meter = await d.meter();
    expect(meter).toMatchObject({ raisedMinor: 2500, donors: 1, raisedLabel: '25 $' });
    const entry = await d.t.runtime.db.selectFrom('donation_ledger').selectAll().executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ provider: 'demo', kind: 'payment', amount_minor: 2500, drive_id: d.driveId });
    const donation = await d.t.runtime.db.selectFrom('donations').selectAll().executeTakeFirstOrThrow();
    expect(donation.article_slug).toBe('budget-vote');
  });

  it('draws an accessible meter that works without JavaScript and serves it as JSON', async () => {
    d = await startDonationsApp({ stripe: false, env: { TRIBUNE_DEMO: 'true' } });
    await d.t.request({ method: 'POST', url: '/admin/donations/ledger', as: d.admin, payload: { driveId: d.driveId, amount: '1437', note: 'Bank transfer', publicName: 'Bank friends' } });
    const page = await d.t.request({ method: 'GET', url: '/donate', headers: html });
    expect(page.body).toMatch(/role="progressbar"[^>]*aria-valuemin="0" aria-valuemax="100" aria-valuenow="30" aria-valuetext="1,437 \$ raised of 4,700 \$ \(30%\), 1 donor, 17 days left"/);
    expect(page.body).toContain('style="width: 30.5%"');
    expect(page.body).toMatch(/<li class="money">0 \$<\/li><li class="money">2,350 \$<\/li><li class="money">4,700 \$<\/li>/);
    const api = await d.t.request({ method: 'GET', url: '/api/drives/current' });
    expect(api.headers['access-control-allow-origin']).toBe('*');
    expect(api.json()).toMatchObject({
      driveId: d.driveId,
      cta: 'Do you like this content? Consider helping us!',
      raisedMinor: 143_700,
      goalMinor: 470_000,
      percent: 30,
      daysLeft: 17,
      ticks: [{ label: '0 $' }, { label: '2,350 $' }, { label: '4,700 $' }],
      donateUrl: 'http://localhost:3000/donate',
    });
    await d.t.runtime.settings.update('donations', { symbolPosition: 'before' });
    expect((await d.meter()).raisedLabel).toBe('$1,437');
  });

  it('answers 404 JSON when no drive is current, and the article box still asks for support', async () => {
    d = await startDonationsApp({ stripe: false });
    await d.t.request({ method: 'POST', url: `/admin/donations/drives/${d.driveId}/current`, as: d.admin, payload: { current: '0' } });
    const api = await d.t.request({ method: 'GET', url: '/api/drives/current' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'DRIVE_NONE_CURRENT' });
    const box = await articleBox(d, 'quiet-story');
    expect(box).toContain('Do you like this content? Consider helping us!');
    expect(box).toContain('href="/donate?article=quiet-story"');
    expect(box).not.toContain('role="progressbar"');
  });

  it('puts the call to action, the meter and an attributed donate link under an article', async () => {
    d = await startDonationsApp({ stripe: false });
    const box = await articleBox(d, 'council-budget');
    expect(box).toContain('<h2 class="support-box__cta" id="support-box-title">Do you like this content? Consider helping us!</h2>');
    expect(box).toContain('role="progressbar"');
    expect(box).toContain(`data-meter-live="${d.driveId}"`);
    expect(box).toContain('href="/donate?article=council-budget"');
    expect(box).toMatch(/<script src="\/assets\/meter(\.[0-9a-f]{12})?\.js" defer><\/script>/);
  });

  it('shows other ways to give with QR codes and an escaped donor wall', async () => {
    d = await startDonationsApp({ stripe: false, env: { TRIBUNE_DEMO: 'true' } });
    await d.t.runtime.settings.update('donations', {
      bankTransfer: 'IBAN DE02 1203 0000 0000 2020 51',
      cryptoAddresses: [{ label: 'Bitcoin', address: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' }],
    });
    await d.t.request({
      method: 'POST',
      url: '/donate/demo',
      as: d.t.anonymous(),
      payload: { amount: 1000, publicName: '<img src=x onerror=alert(1)>', message: '"><script>alert(2)</script>' },
    });
    const page = await d.t.request({ method: 'GET', url: '/donate', headers: html });
    expect(page.body).toContain('IBAN DE02 1203 0000 0000 2020 51');
    expect(page.body).toContain('bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh');
    expect(page.body.match(/<svg class="qr-code" role="img"/g)).toHaveLength(2);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toContain('<script>alert');
    // Hidden by an admin: gone from the wall, still in the ledger.
    const donation = await d.t.runtime.db.selectFrom('donations').select('id').executeTakeFirstOrThrow();
    await d.t.request({ method: 'POST', url: `/admin/donations/donations/${donation.id}/wall`, as: d.admin, payload: { hidden: '1' } });
    const after = await d.t.request({ method: 'GET', url: '/donate', headers: html });
    expect(after.body).not.toContain('onerror');
    expect((await d.meter()).raisedMinor).toBe(1000);
  });

  it('serves an embeddable meter page that other sites may frame', async () => {
    d = await startDonationsApp({ stripe: false });
    const embed = await d.t.request({ method: 'GET', url: '/embed/meter' });
    expect(embed.statusCode).toBe(200);
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.body).toContain('role="progressbar"');
    expect(embed.body).toContain('href="http://localhost:3000/donate?ref=embed" target="_top"');
    const donate = await d.t.request({ method: 'GET', url: '/donate', headers: html });
    expect(donate.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('resets the monthly meter on the 1st in the site zone, with no job and no ledger change', async () => {
    d = await startDonationsApp({ stripe: false, start: '2026-03-31T21:00:00Z' });
    await d.t.runtime.settings.update('site', { timeZone: 'Europe/Berlin' });
    await d.t.request({ method: 'POST', url: '/admin/donations/ledger', as: d.admin, payload: { driveId: d.driveId, amount: '100', note: 'late March' } });
    expect(await d.meter()).toMatchObject({ raisedMinor: 10_000, daysLeftLabel: 'last day' });
    d.clock.set('2026-03-31T22:00:01Z');
    expect(await d.meter()).toMatchObject({ raisedMinor: 0, donors: 0, daysLeft: 30 });
  });

  it('404s a thank-you page for an unknown intent', async () => {
    d = await startDonationsApp({ stripe: false });
    const response = await d.t.request({ method: 'GET', url: '/donate/thanks?intent=nope' });
    expect(response.statusCode).toBe(404);
  });

  it('streams meter updates live and unsubscribes when the reader leaves', async () => {
    d = await startDonationsApp({ stripe: false, env: { TRIBUNE_DEMO: 'true' } });
    const channel = `drive:${d.driveId}` as const;
    await d.meter();
    const before = d.t.runtime.events.listenerCount(channel);
    await d.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = d.t.app.server.address() as AddressInfo;
    const stream = await openStream(port, '/api/drives/current/live');
    expect(stream.response.headers['content-type']).toContain('text/event-stream');
    const meters = () => stream.events.filter((e) => e.event === 'meter').map((e) => e.data.meter);
    await expect.poll(() => meters().length).toBe(1);
    expect(meters()[0]).toMatchObject({ raisedMinor: 0 });
    expect(d.t.runtime.events.listenerCount(channel)).toBe(before + 1);
    await d.t.request({ method: 'POST', url: '/donate/demo', as: d.t.anonymous(), payload: { amount: 5000 } });
    await expect.poll(() => meters().length).toBe(2);
    expect(meters()[1]).toMatchObject({ raisedMinor: 5000, raisedLabel: '50 $', donors: 1 });
    stream.close();
    await expect.poll(() => d.t.runtime.events.listenerCount(channel)).toBe(before);
    expect(d.t.runtime.events.listenerCount('drives')).toBe(0);
  });
});

async function articleBox(d: DonationsTestApp, slug: string): Promise<string> {
  const domain = createDonations({ ...d.t.runtime, mailer: { send: async () => ({ messageId: '', response: 'not sent' }), close() {} } });
  const settings = await d.t.runtime.settings.get();
  const box = await domain.articleSupport({
    article: { id: 'a1', slug, title: 'A story', url: `/${slug}`, publishedAt: null, commentsOpen: true, commentsCloseAfterDays: null, premoderate: false },
    viewer: null,
    settings,
    csrf: 'x',
    query: {},
  });
  domain.context.totals.close();
  return box.value;
}
