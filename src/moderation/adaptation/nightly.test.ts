import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createNightlyLearning, siteClock, type NightlyLearning } from './nightly.js';
import { simulatedComments } from './simulated-site.js';
import type { SiteAdaptation } from './store.js';
import { sameDatabase, seedDecisions, siteAdaptationOf } from './test-helpers.js';

describe('the nightly refit', () => {
  let t: TestApp;
  let other: Runtime;
  const stops: (() => unknown)[] = [];
  let instances: NightlyLearning[];

  function instance(runtime: Runtime, id: string): NightlyLearning {
    const adaptation: SiteAdaptation = siteAdaptationOf(runtime);
    const nightly = createNightlyLearning({ ...runtime, adaptation, instanceId: id });
    stops.push(() => adaptation.stop(), () => nightly.stop());
    return nightly;
  }

  beforeEach(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-10T02:30:00Z');
    // A second instance: its own runtime (connections, cache, event bus) on the same database.
    other = await createRuntime(t.config, { now: t.clock.now, log: pino({ level: 'silent' }), ...sameDatabase(t) });
    instances = [instance(t.runtime, 'instance-a'), instance(other, 'instance-b')];
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await other.close();
    await t.close();
  });

  const tickAll = async () => (await Promise.all(instances.map((nightly) => nightly.tick()))).sort();
  const runs = () => t.runtime.db.selectFrom('site_adaptation_runs').selectAll().orderBy('id').execute();

  it('is opt-in, waits for the night, and runs once across instances', async () => {
    await seedDecisions(t, simulatedComments(30, 8));
    expect(await tickAll()).toEqual(['off', 'off']);
    await t.runtime.settings.update('moderation', { learnNightly: true });
    await other.settings.update('moderation', { learnNightly: true });
    expect(await tickAll()).toEqual(['waiting', 'waiting']);

    t.clock.set('2026-03-10T04:00:00Z');
    expect(await tickAll()).toEqual(['refused', 'taken']);
    expect(await tickAll()).toEqual(['taken', 'taken']);
    const [refused] = await runs();
    expect(refused).toMatchObject({ id: '2026-03-10', outcome: 'refused' });
    expect(refused.message).toMatch(/^Only 30 moderator decisions can be learned from; at least 200 are needed/);
    expect(await t.runtime.db.selectFrom('site_adaptation').selectAll().execute()).toEqual([]);

    // More decisions by the next night: one instance learns, the other leaves it alone.
    await seedDecisions(t, simulatedComments(320, 9), Date.parse('2026-03-10T05:00:00Z'));
    t.clock.set('2026-03-11T03:05:00Z');
    expect(await tickAll()).toEqual(['stored', 'taken']);
    const [, stored] = await runs();
    expect(stored).toMatchObject({ id: '2026-03-11', outcome: 'stored' });
    expect(stored.message).toMatch(/^AUC 0\.\d{3} → 0\.\d{3} on the 70 most recent decisions$/);
    const adaptation = await t.runtime.db.selectFrom('site_adaptation').select(['source', 'decisions']).executeTakeFirstOrThrow();
    expect(adaptation).toEqual({ source: 'nightly', decisions: 280 });

    const admin = await t.signIn('admin');
    const page = await t.request({ url: '/admin/settings', as: admin, headers: { accept: 'text/html' } });
    expect(page.body).toMatch(/id="learning-nightly">Last nightly run, [^<]*: learned and stored — AUC/);
    expect(page.body).toContain('by the nightly run');
  });
});

describe('the site clock', () => {
  it('is the date and hour in the site’s time zone', () => {
    expect(siteClock(new Date('2026-01-10T02:30:00Z'), 'UTC')).toEqual({ date: '2026-01-10', hour: 2 });
    expect(siteClock(new Date('2026-01-10T02:30:00Z'), 'America/New_York')).toEqual({ date: '2026-01-09', hour: 21 });
    expect(siteClock(new Date('2026-01-10T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-01-11', hour: 8 });
  });
});

