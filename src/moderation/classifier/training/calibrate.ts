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
  const [a, b] = fitTwoWeights(points.map(({ logit, label, weight }) => ({ x: logit, y: 1, label, weight })), negativeBias, fitIntercept);
  return { a, b };
}

export interface TwoInputPoint {
  x: number;
  y: number;
  /** Soft label in 0..1. */
  label: number;
  weight: number;
}

/**
 * (a, b) so sigmoid(a·x + b·y) matches the labels, by Newton's method on the class-balanced weighted log
 * loss, with a small ridge towards (1, 0) for stability. Platt scaling is y = 1 (b the intercept); a
 * mix of two models' logits is y = the second logit. Without `fitB` only a is fitted.
 */
export function fitTwoWeights(points: TwoInputPoint[], negativeBias = 1, fitB = true): [number, number] {
  let positive = 0;
  let negative = 0;
  for (const point of points) {
    positive += point.label * point.weight;
    negative += (1 - point.label) * point.weight;
  }
  if (positive === 0 || negative === 0) return [1, 0];
  const pw = (positive + negative) / (2 * positive);
  const nw = ((positive + negative) / (2 * negative)) * negativeBias;
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    // Gradient and Hessian of the loss in (a, b).
    let ga = 1e-3 * (a - 1);
    let gb = 1e-3 * b;
    let haa = 1e-3;
    let hab = 0;
    let hbb = 1e-3;
    for (const { x, y, label, weight } of points) {
      const p = 1 / (1 + Math.exp(-(a * x + b * y)));
      const w = weight * (label * pw + (1 - label) * nw);
      const error = (p - label) * w;
      const curvature = p * (1 - p) * w;
      ga += error * x;
      gb += error * y;
      haa += curvature * x * x;
      hab += curvature * x * y;
      hbb += curvature * y * y;
    }
    const det = haa * hbb - hab * hab;
    if (det <= 0) break;
    const da = fitB ? (hbb * ga - hab * gb) / det : ga / haa;
    const db = fitB ? (haa * gb - hab * ga) / det : 0;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-7) break;
  }
  return [a, b];
}
