import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../db/ids.js';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';

describe('gifts of signed-in readers', () => {
  let d: DonationsTestApp;
  beforeEach(async () => {
    d = await startDonationsApp({ stripe: false, env: { TRIBUNE_DEMO: 'true' } });
  });
  afterEach(() => d.close());

  async function reader(name: string) {
    const id = newId(d.clock.now());
    const time = d.clock.now().toISOString();
    await d.t.runtime.db.insertInto('users').values({ id, email: `${name.toLowerCase()}@example.net`, display_name: name, role: 'reader', created_at: time, updated_at: time }).execute();
    return d.t.identityFor(id);
  }

  async function give(as: Awaited<ReturnType<typeof reader>>, body: string) {
    const posted = await d.t.request({ method: 'POST', url: '/donate/demo', as, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
    expect(posted.statusCode).toBe(303);
  }

  it('lists them in the reader data download and blanks their public name when the reader leaves', async () => {
    const ana = await reader('Ana');
    const ben = await reader('Ben');
    await give(ana, 'amount=2500&frequency=once&publicName=Ana+R&message=For+the+river+desk');
    await give(ben, 'amount=1000&frequency=once&publicName=Ben&message=Thanks');
    await give(d.t.anonymous(), 'amount=500&frequency=once&publicName=Someone');

    const data = (await d.t.request({ url: '/account/data.json', as: ana })).json();
    expect(data.donations.records).toEqual([
      expect.objectContaining({ amountMinor: 2500, currency: 'USD', publicName: 'Ana R', message: 'For the river desk' }),
    ]);

    const deleted = await d.t.request({ method: 'POST', url: '/account/delete', as: ana, payload: { confirm: 'yes' } });
    expect(deleted.statusCode).toBeLessThan(400);
    const gifts = await d.t.runtime.db.selectFrom('donations').select(['amount_minor', 'public_name', 'message']).orderBy('amount_minor').execute();
    // The money stays exactly as it was; only Ana's name and message are gone.
    expect(gifts).toEqual([
      { amount_minor: 500, public_name: 'Someone', message: null },
      { amount_minor: 1000, public_name: 'Ben', message: 'Thanks' },
      { amount_minor: 2500, public_name: null, message: null },
    ]);
    expect(await d.meter()).toMatchObject({ raisedMinor: 4000, donors: 3 });
  });
});
