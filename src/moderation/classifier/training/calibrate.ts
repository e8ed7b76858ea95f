import type { Calibration } from '../model.js';

export interface CalibrationPoint {
  logit: number;
  /** Soft label in 0..1. */
  label: number;
  weight: number;
}

/**
 * Platt scaling: fits a and b so sigmoid(a·logit + b) matches the labels, by Newton's method on the
 * weighted log loss. Class weights are balanced (times `negativeBias` on negatives, as in training), so
 * 0.5 means the same even odds on every head, whatever each head's share of positives. Without
 * `fitIntercept` only the slope is fitted: the heads' scores are spread alike while each keeps the
 * decision boundary it was trained to (which errs towards publishing).
 */
export function fitPlatt(points: CalibrationPoint[], negativeBias = 1, fitIntercept = true): Calibration {
  let positive = 0;
  let negative = 0;
  for (const point of points) {
    positive += point.label * point.weight;
    negative += (1 - point.label) * point.weight;
  }
  if (positive === 0 || negative === 0) return { a: 1, b: 0 };
  const pw = (positive + negative) / (2 * positive);
  const nw = ((positive + negative) / (2 * negative)) * negativeBias;
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    // Gradient and Hessian of the loss in (a, b), with a small ridge towards (1, 0) for stability.
    let ga = 1e-3 * (a - 1);
    let gb = 1e-3 * b;
    let haa = 1e-3;
    let hab = 0;
    let hbb = 1e-3;
    for (const { logit, label, weight } of points) {
      const p = 1 / (1 + Math.exp(-(a * logit + b)));
      const w = weight * (label * pw + (1 - label) * nw);
      const error = (p - label) * w;
      const curvature = p * (1 - p) * w;
      ga += error * logit;
      gb += error;
      haa += curvature * logit * logit;
      hab += curvature * logit;
      hbb += curvature;
    }
    const det = haa * hbb - hab * hab;
    if (det <= 0) break;
    const da = fitIntercept ? (hbb * ga - hab * gb) / det : ga / haa;
    const db = fitIntercept ? (haa * gb - hab * ga) / det : 0;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-7) break;
  }
  return { a, b };
}
