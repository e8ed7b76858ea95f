import { describe, expect, it } from 'vitest';
import { detokenise, isTestExample, isValidationExample, untweet } from './datasets.js';
import { balanceSources } from './fit.js';
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

  it('strips Twitter furniture so the model cannot learn the source from it', () => {
    expect(untweet('!!! RT @mayasolovely: As a woman you &amp; me http://t.co/xyz #yolo &#128514;')).toBe('!!! As a woman you & me yolo');
    expect(untweet('art and part')).toBe('art and part');
  });

  it('keeps the validation split apart from the test split', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => ({ source: 'davidson', key: String(i) }));
    const validation = keys.filter((key) => isValidationExample(key));
    expect(validation.some((key) => isTestExample(key))).toBe(false);
    expect(validation.length / keys.length).toBeGreaterThan(0.1);
  });

  it('evens out the weight of large and small sets', () => {
    const examples = [...Array.from({ length: 100 }, () => ({ source: 'big', weight: 1 })), ...Array.from({ length: 4 }, () => ({ source: 'small', weight: 1 }))];
    const balanced = balanceSources(examples, 1);
    const total = (source: string) => balanced.filter((example) => example.source === source).reduce((sum, example) => sum + example.weight, 0);
    expect(total('big')).toBeCloseTo(total('small'), 6);
    expect(balanceSources(examples, 0)).toBe(examples);
  });

  it('generates the same labelled examples for the same seed, both hateful and civil', () => {
    const first = generateExamples(3, 0.05);
    expect(generateExamples(3, 0.05)).toEqual(first);
    expect(first.some((example) => example.labels.threat === 1)).toBe(true);
    expect(first.some((example) => example.labels.toxicity === 0)).toBe(true);
  });
});
