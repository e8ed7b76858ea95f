/** A smooth convex function of a vector: its value, with the gradient written into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimiseOptions {
  maxIterations: number;
  /** Stop when the largest gradient component falls below this. */
  tolerance: number;
  /** Remembered steps; 10 is the usual choice. */
  memory?: number;
  /** Awaited every few iterations: the nightly run shares its process with the site. */
  pause?: () => Promise<void>;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]));
  return max;
}

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search. Deterministic, and it reaches the
 * optimum of a convex problem whatever its scale, so no step size has to be tuned per site.
 */
export async function minimise(objective: Objective, start: Float64Array, options: MinimiseOptions): Promise<{ x: Float64Array; value: number; iterations: number }> {
  const n = start.length;
  const memory = options.memory ?? 10;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  const steps: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const direction = new Float64Array(n);
  const alphas = new Float64Array(memory);
  let iteration = 0;
  for (; iteration < options.maxIterations && maxAbs(gradient) > options.tolerance; iteration++) {
    if (options.pause && iteration % 5 === 4) await options.pause();
    // Two-loop recursion: direction = -H·gradient.
    for (let i = 0; i < n; i++) direction[i] = -gradient[i];
    for (let k = steps.length - 1; k >= 0; k--) {
      const alpha = steps[k].rho * dot(steps[k].s, direction);
      alphas[k] = alpha;
      for (let i = 0; i < n; i++) direction[i] -= alpha * steps[k].y[i];
    }
    const last = steps[steps.length - 1];
    const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.max(1, maxAbs(gradient));
    for (let i = 0; i < n; i++) direction[i] *= gamma;
    for (let k = 0; k < steps.length; k++) {
      const beta = steps[k].rho * dot(steps[k].y, direction);
      for (let i = 0; i < n; i++) direction[i] += steps[k].s[i] * (alphas[k] - beta);
    }
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // Not a descent direction (curvature lost to rounding): start again from steepest descent.
      steps.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i] / Math.max(1, maxAbs(gradient));
      slope = dot(direction, gradient);
    }
    let step = 1;
    const next = new Float64Array(n);
    const nextGradient = new Float64Array(n);
    let nextValue = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = x[i] + step * direction[i];
      nextValue = objective(next, nextGradient);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i] - x[i];
      y[i] = nextGradient[i] - gradient[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      steps.push({ s, y, rho: 1 / sy });
      if (steps.length > memory) steps.shift();
    }
    const improvement = value - nextValue;
    x = next;
    gradient = nextGradient;
    value = nextValue;
    if (improvement < 1e-10 * Math.max(1, Math.abs(value))) break;
  }
  return { x, value, iterations: iteration };
}

