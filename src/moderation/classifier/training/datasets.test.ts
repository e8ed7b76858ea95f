import { describe, expect, it } from 'vitest';
import { detokenise, isTestExample } from './datasets.js';
import { generateExamples } from './augment.js';

describe('training data helpers', () => {
  it("undoes Stormfront's tokenised spacing", () => {
    expect(detokenise('As of March 13th , 2014 , the booklet ( free ) was n\'t bad .')).toBe("As of March 13th, 2014, the booklet (free) wasn't bad.");
    expect(detokenise('`` scum , scum ! \'\' at them')).toBe('"scum, scum!" at them');
  });

  it('splits by key, the same way every time, about 15% to test', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => ({ source: 'stormfront', key: String(i) }));
    const share = keys.filter((key) => isTestExample(key)).length / keys.length;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.18);
    expect(isTestExample(keys[7])).toBe(isTestExample({ ...keys[7] }));
  });

  it('generates the same labelled examples for the same seed, both hateful and civil', () => {
    const first = generateExamples(3, 0.05);
    expect(generateExamples(3, 0.05)).toEqual(first);
    expect(first.some((example) => example.labels.threat === 1)).toBe(true);
    expect(first.some((example) => example.labels.toxicity === 0)).toBe(true);
  });
});
