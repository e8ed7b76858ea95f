import { describe, expect, it } from 'vitest';
import { logits } from '../model.js';
import { weighCivilGroupTalk } from './fit.js';
import { fitMix, type MixPoint } from './stack.js';
import { DEFAULT_TRAINING, idfScale, trainOnFeatures, type LabelledText } from './train.js';

// Bucket 1 marks toxic texts, bucket 2 civil ones; bucket 0 is in every text.
const vector = (...indices: number[]) => ({ indices, values: indices.map(() => 1) });
const examples: LabelledText[] = Array.from({ length: 40 }, (_, i) => ({ text: String(i), labels: { toxicity: i % 2, identity_attack: i % 2, threat: 0 }, weight: 1 }));
const features = examples.map((_, i) => (i % 2 ? vector(0, 1, 3 + (i % 5)) : vector(0, 2, 3 + (i % 5))));
const options = { ...DEFAULT_TRAINING, bits: 4 };

describe('training options', () => {
  it('an NB-SVM half separates the classes and gives the same weights every run', () => {
    const model = trainOnFeatures(examples, features, { ...options, nbShare: 0.5 });
    expect(logits(model, vector(0, 1))[0]).toBeGreaterThan(0);
    expect(logits(model, vector(0, 2))[0]).toBeLessThan(0);
    const again = trainOnFeatures(examples, features, { ...options, nbShare: 0.5 });
    expect(Buffer.from(again.weights[0].buffer).equals(Buffer.from(model.weights[0].buffer))).toBe(true);
    expect(model.weights[0]).not.toEqual(trainOnFeatures(examples, features, { ...options, nbShare: 0 }).weights[0]);
  });

  it('IDF weighs rare buckets above common ones, averaging 1 over feature occurrences', () => {
    const scale = idfScale(features, 16, 1);
    expect(scale[1]).toBeGreaterThan(scale[0]);
    expect(scale[15]).toBe(1);
    let sum = 0;
    let count = 0;
    for (const { indices } of features) for (const index of indices) {
      sum += scale[index];
      count++;
    }
    expect(sum / count).toBeCloseTo(1, 5);
  });

  it('the stacking mix leans on the logit that separates the classes', () => {
    // The first logit is noise, the second follows the label.
    const points: MixPoint[] = Array.from({ length: 200 }, (_, i) => ({ logits: [((i * 7919) % 13) / 6 - 1, i % 2 ? 1.5 : -1.5], label: i % 2, weight: 1 }));
    const [a, b] = fitMix(points);
    expect(Math.abs(b)).toBeGreaterThan(5 * Math.abs(a));
    expect(b).toBeGreaterThan(0);
  });

  it('civil contrast weighs only harmless texts that name a people', () => {
    const texts = [
      { labels: { toxicity: 0, identity_attack: 0 }, weight: 1 },
      { labels: { toxicity: 1, identity_attack: 1 }, weight: 1 },
      { labels: { toxicity: 0 }, weight: 1 },
    ];
    const rules = [{ rules: { groups: 1 } }, { rules: { groups: 1 } }, { rules: { groups: 0 } }] as never[];
    expect(weighCivilGroupTalk(texts, rules, 2).map((text) => text.weight)).toEqual([2, 1, 1]);
  });
});
