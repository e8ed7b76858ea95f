import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TestIdentity } from '../testing/test-app.js';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';

/** Raw JSON values that have broken servers: no field of any donation route may take them. */
const ANY_FIELD: [string, string][] = [
  ['{"toString":1}', '{"toString":1}'],
  ['an object', '{"$ne":null}'],
  ['a list', '["a","b"]'],
  ['1e309', '1e309'],
  ['-1e309', '-1e309'],
  ['a lone high surrogate', '"x\\ud800y"'],
  ['a lone low surrogate', '"\\udfff"'],
];
/** And these, in fields that hold an amount. */
const AMOUNT_FIELD: [string, string][] = [
  ['"NaN"', '"NaN"'],
  ['"Infinity"', '"Infinity"'],
  ['"1e309"', '"1e309"'],
  ['"-5"', '"-5"'],
  ['"9" × 400', JSON.stringify('9'.repeat(400))],
];

interface Row {
  url: string;
  as: 'admin' | 'anonymous';
  body: Record<string, unknown>;
  /** Fields holding amounts (typed, or in minor units). */
  amounts: string[];
}

const MARKER = '"__marker__"';

function isErrorJson(response: LightMyRequestResponse): boolean {
  try {
    const body = response.json() as Record<string, unknown>;
    return typeof body.error === 'string' && typeof body.message === 'string' && !('statusCode' in body);
  } catch {
    return false;
  }
}

describe('hostile values in every field of every donation route', () => {
  let d: DonationsTestApp;
  let online: DonationsTestApp;
  let rows: Row[];
  let address = 0;

  beforeAll(async () => {
    d = await startDonationsApp({ stripe: false, env: { TRIBUNE_DEMO: 'true' } });
    online = await startDonationsApp();
    const scratch = (await d.t.request({ method: 'POST', url: '/admin/donations/drives', as: d.admin, payload: { title: 'Scratch', goalMinor: 1000, currency: 'USD' } })).json().id as string;
    const entry = await d.t.request({ method: 'POST', url: '/admin/donations/ledger', as: d.admin, payload: { driveId: d.driveId, amount: '5', note: 'Cash' } });
    const donation = await d.t.runtime.db.selectFrom('donation_ledger').select('donation_id').where('id', '=', entry.json().id).executeTakeFirstOrThrow();
    const gift = { amount: 2500, customAmount: '', currency: 'USD', frequency: 'once', publicName: 'Dora', message: 'Thanks', article: 'some-story' };
    rows = [
      { url: '/donate/demo', as: 'anonymous', body: gift, amounts: ['amount'] },
      { url: '/donate/demo', as: 'anonymous', body: { ...gift, customAmount: '12.50' }, amounts: ['customAmount'] },
      { url: '/admin/donations/drives', as: 'admin', body: { title: 'New', cta: 'Help', goal: '4700', currency: 'USD', period: 'monthly', countRenewals: true, subtractRefunds: 'on', makeCurrent: false }, amounts: ['goal'] },
      { url: `/admin/donations/drives/${scratch}`, as: 'admin', body: { title: 'Scratch', goalMinor: 1000, currency: 'USD', period: 'fixed', startsOn: '2026-03-01', endsOn: '2026-03-31' }, amounts: ['goalMinor'] },
      { url: `/admin/donations/drives/${scratch}/current`, as: 'admin', body: { current: '0' }, amounts: [] },
      { url: '/admin/donations/ledger', as: 'admin', body: { driveId: d.driveId, amount: '12.50', kind: 'payment', occurredOn: '', publicName: 'Bank donor', note: 'Bank transfer' }, amounts: ['amount'] },
      { url: `/admin/donations/donations/${donation.donation_id}/wall`, as: 'admin', body: { hidden: '1' }, amounts: [] },
      {
        url: '/admin/donations/settings', as: 'admin',
        body: { currency: 'USD', symbolPosition: 'after', locale: 'en-US', presetAmounts: '5 10 25', minimumAmount: '1', maximumAmount: '10000', bankTransfer: 'IBAN DE00 TEST', cryptoAddresses: '', donorWall: 'on' },
        amounts: ['presetAmounts', 'minimumAmount', 'maximumAmount'],
      },
      { url: `/admin/donations/drives/${scratch}/delete`, as: 'admin', body: {}, amounts: [] },
    ];
  });
  afterAll(async () => {
    await d?.close();
    await online?.close();
  });

  async function state(app: DonationsTestApp) {
    const db = app.t.runtime.db;
    const count = async (table: 'donation_intents' | 'donations' | 'donation_ledger' | 'donation_drives') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const drives = await db.selectFrom('donation_drives').selectAll().orderBy('id').execute();
    const walls = await db.selectFrom('donations').select('wall_hidden').orderBy('id').execute();
    return { intents: await count('donation_intents'), ledger: await count('donation_ledger'), drives, walls, settings: (await app.t.runtime.settings.get()).donations };
  }

  function send(app: DonationsTestApp, url: string, as: TestIdentity, payload: string, type = 'application/json') {
    address += 1;
    return app.t.request({ method: 'POST', url, as, remoteAddress: `10.7.${address >> 8}.${address & 255}`, headers: { 'content-type': type }, payload });
  }

  it('answers each with a 400 {error, message} and stores nothing, then takes the valid body as JSON and as a form', async () => {
    const failures: string[] = [];
    for (const row of rows) {
      const as = row.as === 'admin' ? d.admin : d.t.anonymous();
      for (const field of Object.keys(row.body).concat('_csrf')) {
        const values = row.amounts.includes(field) ? [...ANY_FIELD, ...AMOUNT_FIELD] : ANY_FIELD;
        const template = JSON.stringify({ ...row.body, [field]: '__marker__' });
        for (const [label, value] of values) {
          const before = await state(d);
          const response = await send(d, row.url, as, template.replace(MARKER, value));
          const stored = JSON.stringify(await state(d)) !== JSON.stringify(before);
          if (response.statusCode !== 400 || !isErrorJson(response) || stored) {
            failures.push(`${row.url} ${field}=${label} → ${response.statusCode} ${response.body.slice(0, 120)}${stored ? ' (stored)' : ''}`);
          }
        }
      }
      const json = await send(d, row.url, as, JSON.stringify(row.body));
      if (json.statusCode >= 400) failures.push(`${row.url} valid JSON → ${json.statusCode} ${json.body.slice(0, 200)}`);
      if (!row.url.endsWith('/delete')) {
        // What a browser posts: every value as text.
        const form = new URLSearchParams(Object.entries(row.body).map(([key, value]) => [key, String(value)])).toString();
        const posted = await send(d, row.url, as, form, 'application/x-www-form-urlencoded');
        if (posted.statusCode >= 400) failures.push(`${row.url} valid form → ${posted.statusCode} ${posted.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a currency that is an object, which used to throw a TypeError (500)', async () => {
    const hostile = '{"amount":500,"currency":{"toString":1}}';
    for (const [app, url] of [[d, '/donate/demo'], [online, '/donate']] as const) {
      const response = await send(app, url, app.t.anonymous(), hostile);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({ error: 'VALIDATION_FAILED', field: 'currency' });
    }
    const settings = await send(d, '/admin/donations/settings', d.admin, '{"currency":{"toString":1},"presetAmounts":"5","minimumAmount":{"toString":1},"maximumAmount":"10"}');
    expect(settings.statusCode).toBe(400);
    expect(settings.json()).toMatchObject({ field: 'currency' });
    expect(online.fake.requests).toHaveLength(0);
    // The same objects reaching the rules directly (not through a route) are refused there too.
    const { normaliseCurrency } = await import('./money.js');
    expect(() => normaliseCurrency({ toString: 1 })).toThrow(/currency code/);
  });

  it('takes a POST without any body as an empty form', async () => {
    const response = await d.t.request({ method: 'POST', url: `/admin/donations/drives/${d.driveId}/current`, as: d.admin });
    expect(response.statusCode).toBe(303);
  });
});
