import { afterEach, describe, expect, it } from 'vitest';
import { createClock, startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_GIFTS, seedDemoDonations } from './seed.js';

describe('demo donations', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('adds up to exactly 1,437 $', () => {
    expect(DEMO_GIFTS.reduce((sum, gift) => sum + gift.amount, 0)).toBe(143_700);
  });

  it.each([
    ['mid-month', '2026-03-15T12:00:00Z', 'UTC'],
    ['the first minute of a month', '2026-04-01T00:00:30Z', 'UTC'],
    ['the last minute of a month in Berlin', '2026-03-31T21:59:00Z', 'Europe/Berlin'],
  ])('shows 1,437 $ of 4,700 $ on a fresh demo seeded at %s', async (_label, start, timeZone) => {
    const app = await startTestApp({ clock: createClock(start) });
    t = app;
    await app.runtime.settings.update('site', { timeZone });
    await seedDemoDonations(app.runtime);
    const meter = (await app.request({ method: 'GET', url: '/api/drives/current' })).json();
    expect(meter).toMatchObject({ raisedMinor: 143_700, raisedLabel: '1,437 $', goalLabel: '4,700 $', donors: 10, percent: 30 });
    expect(meter.ticks.map((tick: { label: string }) => tick.label)).toEqual(['0 $', '2,350 $', '4,700 $']);
    const page = await app.request({ method: 'GET', url: '/donate', headers: { accept: 'text/html' } });
    expect(page.body).toContain('Amara O.');
    expect(page.body).toContain('Local news matters &lt;3');
    expect(page.body).toContain('<svg class="qr-code"');
  });
});
