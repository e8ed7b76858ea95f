import { describe, expect, it } from 'vitest';
import { fitPlatt, type CalibrationPoint } from './calibrate.js';
import { random } from './augment.js';

/** Labels drawn from sigmoid(2·logit − 1), balanced: the fit should find a≈2, b≈−1. */
function sample(a: number, b: number, count: number): CalibrationPoint[] {
  const rand = random(5);
  return Array.from({ length: count }, () => {
    const logit = (rand() - 0.5) * 6;
    const p = 1 / (1 + Math.exp(-(a * logit + b)));
    return { logit, label: rand() < p ? 1 : 0, weight: 1 };
  });
}

describe('Platt calibration', () => {
  it('recovers the slope and intercept that generated the labels', () => {
    const points = sample(2, 0, 20_000);
    const fitted = fitPlatt(points);
    expect(fitted.a).toBeGreaterThan(1.8);
    expect(fitted.a).toBeLessThan(2.2);
    expect(Math.abs(fitted.b)).toBeLessThan(0.15);
  });

  it('fits only the slope when asked, keeping the boundary at logit 0', () => {
    const fitted = fitPlatt(sample(2, -1, 20_000), 1, false);
    expect(fitted.b).toBe(0);
    expect(fitted.a).toBeGreaterThan(1);
  });

  it('leaves a head alone when the validation data has only one class', () => {
    expect(fitPlatt([{ logit: 1, label: 0, weight: 1 }, { logit: -1, label: 0, weight: 1 }])).toEqual({ a: 1, b: 0 });
  });
});
