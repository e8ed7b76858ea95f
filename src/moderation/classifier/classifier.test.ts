import { describe, expect, it } from 'vitest';
import { createClassifier } from './classifier.js';
import { defaultClassifier } from './default-model.js';
import { HEADS, encodeModel, loadModel, logits, predict, sideBySideLogits, type Model } from './model.js';
import { prepareText } from './prepare.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const score = (text: string) => {
  const prepared = prepareText(text);
  return defaultClassifier().classify(prepared.canonical, prepared.hints).scores;
};

describe('classifier with the committed model', () => {
  it('scores toxicity, threat and identity attack in 0..1', () => {
    const scores = score('You are an idiot.');
    expect(Object.keys(scores).sort()).toEqual(['identity_attack', 'threat', 'toxicity']);
    for (const value of Object.values(scores)) expect(value >= 0 && value <= 1).toBe(true);
  });

  it('does not hold profanity alone', () => {
    expect(score('f***ing great news').toxicity).toBeLessThan(0.5);
    expect(score('This is fucking brilliant reporting.').toxicity).toBeLessThan(0.5);
  });

  it('ranks civil-sounding hate above profanity and counter-speech', () => {
    const hate = score('I hate women.').toxicity;
    expect(hate).toBeGreaterThan(score('fucking great').toxicity);
    expect(hate).toBeGreaterThan(score('Saying women are vermin is disgusting.').toxicity);
  });

  it('ranks an attack on a people above plain rudeness, which still reaches the hold threshold', () => {
    const insult = score('You are a complete idiot and a moron.').toxicity;
    expect(insult).toBeGreaterThanOrEqual(0.5);
    expect(insult).toBeLessThanOrEqual(0.65);
    expect(score('Immigrants are vermin.').toxicity).toBeGreaterThan(insult);
  });

  it('scores a slur said in-group below one aimed at a people, and both at the hold threshold', () => {
    const inGroup = score('my nigga just got promoted');
    const aimed = score('those niggers again');
    expect(inGroup.toxicity).toBeGreaterThanOrEqual(0.5);
    expect(aimed.identity_attack).toBeGreaterThan(inGroup.identity_attack);
  });

  it('reads disguised spellings as the words they stand for', () => {
    for (const text of ['Immigrants are sc*m', 'I h8 women', 'Gay people are disgustinggg', 'I hate musilms', 'Ihate immigrants']) {
      expect(score(text).identity_attack, text).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('scores threats and dehumanisation on their own heads', () => {
    expect(score('liquidate them one by one').threat).toBeGreaterThanOrEqual(0.5);
    expect(score('Kurdish orcs').identity_attack).toBeGreaterThanOrEqual(0.5);
  });

  it('caps the learned scores when the only hateful words are negated or condemned', () => {
    expect(score("I don't hate Kurds.").toxicity).toBeLessThan(0.5);
    expect(score('Saying Kurds are vermin is disgusting.').toxicity).toBeLessThan(0.5);
  });
});

describe('model file format', () => {
  it('round-trips weights through the int16 file within rounding', () => {
    const weights = HEADS.map((_, head) => Float32Array.from({ length: 16 }, (_, i) => (i - 8) * 0.25 * (head + 1)));
    const model: Model = { bits: 4, heads: HEADS, weights, biases: [0.1, -0.2, 0.3] };
    const { meta, bytes } = encodeModel(model, { trainedOn: ['test'], examples: 1, dataFingerprint: 'test' });
    const dir = mkdtempSync(join(tmpdir(), 'tribune-model-'));
    try {
      writeFileSync(join(dir, 'weights.bin'), bytes);
      writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
      const loaded = loadModel(dir);
      const features = { indices: [1, 5, 15], values: [1, 0.5, 2] };
      predict(loaded, features).forEach((p, head) => expect(p).toBeCloseTo(predict(model, features)[head], 4));
      expect(createClassifier(loaded).classify('hello').scores.toxicity).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scores from the heads\' weights side by side exactly as from each head\'s own, with the weights as they were', () => {
    const weights = HEADS.map((_, head) => Float32Array.from({ length: 64 }, (_, i) => Math.sin(i * (head + 1.5))));
    const model: Model = { bits: 6, heads: HEADS, weights, biases: [0.1, -0.2, 0.3] };
    const score = sideBySideLogits(model);
    const features = { indices: [3, 17, 17, 63, 0], values: [0.5, 1, 0.25, 2, 0.125] };
    const before = logits(model, features);
    expect(score(features)).toEqual(before);
    weights[0][17] = 100;
    expect(score(features)).toEqual(before);
    expect(logits(model, features)[0]).not.toBe(before[0]);
  });
});

