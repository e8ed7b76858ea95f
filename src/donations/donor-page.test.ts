import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpCatcher } from '../testing/smtp-catcher.js';
import { createReader } from '../comments/test-fixtures.js';
import { donorToken, verifyDonorToken } from './donor-links.js';
import { startDonationsAppWithMail, type DonationsTestApp } from './testing/donations-app.js';

describe("the donor's own page (demo checkout)", () => {
  let smtp: SmtpCatcher;
  let d: DonationsTestApp;
  beforeAll(async () => {
    ({ d, smtp } = await startDonationsAppWithMail({ stripe: false, env: { TRIBUNE_DEMO: '1' } }));
  });
  afterAll(() => d?.close());

  let address = 0;
  const from = () => `10.77.0.${++address}`;
  const giveDemo = async (payload: Record<string, unknown>) => {
    const response = await d.t.request({ method: 'POST', url: '/donate/demo', as: d.t.anonymous(), remoteAddress: from(), payload });
    expect(response.statusCode).toBe(200);
    return (await d.t.runtime.db.selectFrom('donations').selectAll().where('intent_id', '=', response.json().intentId).executeTakeFirstOrThrow());
  };

  it('mails a link only to addresses that gave, and answers the same either way', async () => {
    await giveDemo({ amount: 1000, email: 'linked@readers.test' });
    const asked = await d.t.request({ method: 'POST', url: '/donate/manage/link', as: d.t.anonymous(), remoteAddress: from(), payload: { email: 'Linked@Readers.test' } });
    const stranger = await d.t.request({ method: 'POST', url: '/donate/manage/link', as: d.t.anonymous(), remoteAddress: from(), payload: { email: 'never-gave@readers.test' } });
    expect([asked.statusCode, stranger.statusCode]).toEqual([202, 202]);
    expect(asked.body).toBe(stranger.body);
    const mails = smtp.messagesTo('linked@readers.test').filter((mail) => mail.subject.startsWith('Your gifts'));
    expect(mails).toHaveLength(1);
    expect(smtp.messagesTo('never-gave@readers.test')).toHaveLength(0);
    const token = /token=([^\s"&]+)/.exec(mails[0].text)![1];
    expect(verifyDonorToken(d.t.config.secret, decodeURIComponent(token), d.clock.now())).toBe('linked@readers.test');
  });

  it('refuses hostile bodies on the link form with 4xx and limits it per address', async () => {
    const ip = from();
    const send = (payload: unknown) => d.t.request({ method: 'POST', url: '/donate/manage/link', as: d.t.anonymous(), remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    expect((await send({ email: ['a@b.test', 'c@d.test'] })).statusCode).toBe(400);
    expect((await send({ email: 'x'.repeat(401) })).statusCode).toBe(400);
    expect((await send({ email: 'not an address' })).json()).toMatchObject({ error: 'DONATION_FIELD_INVALID' });
    expect((await send({ email: 'a@b.test' })).statusCode).toBe(202);
    expect((await send({ email: 'a@b.test' })).statusCode).toBe(202);
    expect((await send({ email: 'a@b.test' })).statusCode).toBe(429);
    const statement = (payload: unknown) => d.t.request({ method: 'POST', url: '/donate/manage/statement', as: d.t.anonymous(), remoteAddress: from(), payload: payload as Record<string, unknown> });
    const token = donorToken(d.t.config.secret, 'linked@readers.test', d.clock.now());
    expect((await statement({ token, year: '1999' })).statusCode).toBe(400);
    expect((await statement({ token, year: ['2025', '2026'] })).statusCode).toBe(400);
    expect((await statement({ year: '2026' })).statusCode).toBe(401);
  });

  it('lets a signed-in reader manage the gifts they gave signed in, and nobody else', async () => {
    const reader = await createReader(d.t, 'Sig Reader', { email: 'sig@readers.test' });
    const giving = await d.t.request({ method: 'POST', url: '/donate/demo', as: reader, remoteAddress: from(), payload: { amount: 1500, frequency: 'monthly' } });
    const gift = await d.t.runtime.db.selectFrom('donations').selectAll().where('intent_id', '=', giving.json().intentId).executeTakeFirstOrThrow();
    // The account's address became the gift's email: the receipt went there.
    expect(gift.donor_email).toBe('sig@readers.test');
    const page = await d.t.request({ method: 'GET', url: '/donate/manage', as: reader });
    expect(page.body).toContain(`id="gift-${gift.id}"`);
    const other = await createReader(d.t, 'Other Reader');
    const theirs = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/cancel`, as: other, payload: {} });
    expect(theirs.statusCode).toBe(404);
    const anonymous = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/cancel`, as: d.t.anonymous(), payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const amount = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/amount`, as: reader, payload: { amount: '0.001' } });
    expect(amount.statusCode).toBe(400);
    const changed = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/amount`, as: reader, payload: { amount: '42' } });
    expect(changed.json()).toEqual({ ok: true, amountMinor: 4200, status: 'active', paused: false });
    expect((await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/cancel`, as: reader, payload: {} })).json()).toMatchObject({ status: 'cancelled' });
    expect((await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/pause`, as: reader, payload: {} })).statusCode).toBe(409);
  });

  it('shows a donor on the wall or not, as they choose, with their name escaped', async () => {
    const gift = await giveDemo({ amount: 1000, email: 'wall@readers.test', publicName: '<img src=x onerror=alert(1)>' });
    const token = donorToken(d.t.config.secret, 'wall@readers.test', d.clock.now());
    let donate = await d.t.request({ method: 'GET', url: '/donate' });
    expect(donate.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(donate.body).not.toContain('<img src=x');
    const hide = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/wall`, as: d.t.anonymous(), payload: { token, show: '0' } });
    expect(hide.json()).toEqual({ ok: true });
    donate = await d.t.request({ method: 'GET', url: '/donate' });
    expect(donate.body).not.toContain('onerror=alert(1)');
    const show = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${gift.id}/wall`, as: d.t.anonymous(), payload: { token, show: '1', publicName: 'Wanda Wall' } });
    expect(show.statusCode).toBe(200);
    expect((await d.t.request({ method: 'GET', url: '/donate' })).body).toContain('Wanda Wall');
    // Showing needs a name.
    const nameless = await giveDemo({ amount: 1000, email: 'wall@readers.test' });
    expect((await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${nameless.id}/wall`, as: d.t.anonymous(), payload: { token, show: '1' } })).statusCode).toBe(400);
  });

  it('refuses an expired or altered link', async () => {
    const old = donorToken(d.t.config.secret, 'linked@readers.test', new Date(d.clock.now().getTime() - 15 * 86_400_000));
    expect((await d.t.request({ method: 'GET', url: `/donate/manage?token=${encodeURIComponent(old)}` })).statusCode).toBe(403);
    const other = donorToken('another-secret-another-secret-another', 'linked@readers.test', d.clock.now());
    expect((await d.t.request({ method: 'GET', url: `/donate/manage?token=${encodeURIComponent(other)}` })).statusCode).toBe(403);
    const page = await d.t.request({ method: 'GET', url: '/donate/manage' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Email me a link');
  });
});
