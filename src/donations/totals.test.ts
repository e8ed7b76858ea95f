import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDrive } from './drive-queries.js';
import { monthWindow } from './period.js';
import { createTotalsCache, type TotalsCache } from './totals.js';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';

describe('cached drive totals', () => {
  let d: DonationsTestApp;
  let cache: TotalsCache;
  beforeEach(async () => {
    d = await startDonationsApp({ stripe: false });
    cache = createTotalsCache(d.t.runtime);
  });
  afterEach(async () => {
    cache.close();
    await d.close();
  });

  it('answers from memory until the drive channel reports a change, from any instance', async () => {
    const drive = (await findDrive(d.t.runtime.db, d.driveId))!;
    const window = monthWindow(d.clock.now(), 'UTC');
    const first = cache.get(drive, window);
    expect(cache.get(drive, window)).toBe(first);
    expect(await first).toEqual({ raisedMinor: 0, donors: 0 });
    // Another instance recorded a gift: only its event reaches this cache.
    await d.t.request({ method: 'POST', url: '/admin/donations/ledger', as: d.admin, payload: { driveId: d.driveId, amount: '12', note: 'x' } });
    // With Redis the event makes a round trip, so the other instance's cache may hear it a moment later.
    await expect.poll(() => cache.get(drive, window) !== first).toBe(true);
    const second = cache.get(drive, window);
    expect(await second).toEqual({ raisedMinor: 1200, donors: 1 });
    await d.t.runtime.events.publish(`drive:${d.driveId}`, { type: 'donations.changed', driveId: d.driveId });
    await expect.poll(() => cache.get(drive, window) !== second).toBe(true);
  });

  it('recomputes once the window has ended and stops listening when closed', async () => {
    const drive = (await findDrive(d.t.runtime.db, d.driveId))!;
    const window = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-03-15T12:00:01Z') };
    const first = cache.get(drive, window);
    d.clock.advance(2000);
    expect(cache.get(drive, window)).not.toBe(first);
    const listeners = d.t.runtime.events.listenerCount(`drive:${d.driveId}`);
    cache.close();
    expect(d.t.runtime.events.listenerCount(`drive:${d.driveId}`)).toBe(listeners - 1);
  });
});
