import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEADS, createClassifier, defaultClassifier, defaultModelDir, loadModel, prepareText } from '../classifier/index.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { ADAPTATION_FORMAT, type AdaptationWeights } from './model.js';
import type { SiteAdaptation } from './store.js';
import { siteAdaptationOf } from './test-helpers.js';
import { modelVersion } from './version.js';

/** Everything scores higher: easy to tell applied from not. */
const STRICT: AdaptationWeights = { format: ADAPTATION_FORMAT, heads: [...HEADS], center: 0, bits: 12, bias: 2, words: new Array(4096).fill(0) };

describe('the stored adaptation', () => {
  let t: TestApp;
  let adaptation: SiteAdaptation;
  beforeEach(async () => {
    t = await startTestApp();
    adaptation = siteAdaptationOf(t.runtime);
  });
  afterEach(async () => {
    adaptation.stop();
    await t.close();
  });

  async function store(version: string, weights = JSON.stringify(STRICT)) {
    const report = { fitted: 240, heldOut: 60, approvals: 200, removals: 100, threshold: 0.5, heldOutSince: '2026-02-01T00:00:00.000Z', improves: true,
      before: { auc: 0.7, falseHoldRate: 0.1, caughtRate: 0.3 }, after: { auc: 0.9, falseHoldRate: 0.05, caughtRate: 0.8 } };
    await t.runtime.db.insertInto('site_adaptation')
      .values({ id: 'site', model_version: version, weights, report: JSON.stringify(report), decisions: 240, source: 'cli', fitted_at: t.clock.now().toISOString() })
      .execute();
  }
  const moderation = async () => (await t.runtime.settings.get()).moderation;

  it('applies while the setting is on and the shipped model is the one it was fitted on', async () => {
    await store(modelVersion(defaultClassifier()));
    const adjustment = await adaptation.forSettings(await moderation());
    const prepared = prepareText('The ferry is late again.');
    const shipped = defaultClassifier().classify(prepared.canonical, prepared.hints);
    expect(adjustment!.adjust(shipped, prepared.canonical).scores.toxicity).toBeGreaterThan(shipped.scores.toxicity);
    expect(await adaptation.forSettings({ ...(await moderation()), learnFromModerators: false })).toBeUndefined();
    expect((await adaptation.status())?.current).toBe(true);
  });

  it('is ignored once the shipped model changes, and the settings screen says so', async () => {
    await store('fitted-on-an-older-model');
    expect(await adaptation.forSettings(await moderation())).toBeUndefined();
    expect((await adaptation.status())?.current).toBe(false);
    const admin = await t.signIn('admin');
    const page = await t.request({ url: '/admin/settings', as: admin, headers: { accept: 'text/html' } });
    expect(page.body).toContain('The shipped moderation model has changed since, so this is not applied');
  });

  it('is ignored, not half-applied, when its weights are damaged', async () => {
    await store(modelVersion(defaultClassifier()), '{"format":"tribune-site-adaptation/1","words":[1,2]}');
    expect(await adaptation.forSettings(await moderation())).toBeUndefined();
  });
});

describe('the shipped model version', () => {
  it('changes when the model behaves differently, and not otherwise', () => {
    const model = loadModel(defaultModelDir());
    expect(modelVersion(createClassifier(model))).toBe(modelVersion(defaultClassifier()));
    const retrained = { ...model, biases: model.biases.map((bias) => bias + 0.3) };
    expect(modelVersion(createClassifier(retrained))).not.toBe(modelVersion(defaultClassifier()));
  });
});
