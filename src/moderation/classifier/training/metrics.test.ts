import { describe, expect, it } from 'vitest';
import { atThreshold, rocAuc } from './metrics.js';

describe('metrics', () => {
  it('computes ROC-AUC, with ties counted half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75);
    expect(rocAuc([0.5, 0.5], [false, true])).toBeCloseTo(0.5);
    expect(rocAuc([0.9, 0.1], [false, true])).toBe(0);
  });

  it('computes precision, recall and false-hold rate at a threshold', () => {
    expect(atThreshold([0.9, 0.6, 0.4, 0.7], [true, true, true, false], 0.5)).toEqual({ precision: 2 / 3, recall: 2 / 3, falseHoldRate: 1 });
  });
});
