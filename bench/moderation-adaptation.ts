/**
 * The moderation bench's second half: assess() with a site adaptation loaded (fitted here on a
 * simulated site's 400 decisions, parsed back from its stored JSON as an instance loads it), against
 * the same comments without one.
 */
import { performance } from 'node:perf_hooks';
import type { Classifier } from '../src/moderation/classifier/index.js';
import { learnFromDecisions } from '../src/moderation/adaptation/learn.js';
import { createScoreAdjustment, parseWeights } from '../src/moderation/adaptation/model.js';
import { simulatedDecisions } from '../src/moderation/adaptation/simulated-site.js';
import type { Assess } from '../src/moderation/pipeline.js';
import type { AssessContext, CommentCandidate } from '../src/moderation/types.js';

/** The `p`th percentile of times sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Each comment is assessed with and without the adaptation back to back, the order alternating, so
 * both see the same heap, JIT state and machine load: timed as two phases one after the other, the
 * adapted (second) phase read 1.2-1.4x slower, against 1.04-1.06x interleaved.
 */
function timeInterleaved(assess: Assess, inputs: CommentCandidate[], plainContext: AssessContext, adaptedContext: AssessContext): { plain: number[]; adapted: number[] } {
  for (let i = 0; i < 200; i++) {
    assess(inputs[i % inputs.length], plainContext);
    assess(inputs[i % inputs.length], adaptedContext);
  }
  const plain: number[] = [];
  const adapted: number[] = [];
  inputs.forEach((input, i) => {
    for (const withAdaptation of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      assess(input, withAdaptation ? adaptedContext : plainContext);
      (withAdaptation ? adapted : plain).push(performance.now() - t0);
    }
  });
  const sort = (times: number[]) => times.sort((a, b) => a - b);
  return { plain: sort(plain), adapted: sort(adapted) };
}

export async function benchAdaptation(assess: Assess, classifier: Classifier, inputs: CommentCandidate[], context: AssessContext): Promise<void> {
  let started = performance.now();
  const { weights } = await learnFromDecisions(simulatedDecisions(400), { classifier, settings: context.settings });
  const fitMs = performance.now() - started;
  const json = JSON.stringify(weights);
  started = performance.now();
  const adaptation = createScoreAdjustment(parseWeights(json)!);
  const loadMs = performance.now() - started;
  const { plain, adapted } = timeInterleaved(assess, inputs, context, { ...context, adaptation });
  const median = (times: number[]) => percentile(times, 50);
  console.log(`moderation: learning from 400 decisions ${fitMs.toFixed(0)} ms; loading the adaptation (${(json.length / 1024).toFixed(0)} kB JSON) ${loadMs.toFixed(1)} ms`);
  console.log(
    `moderation: assess() with an adaptation loaded: median ${median(adapted).toFixed(3)} ms, p99 ${percentile(adapted, 99).toFixed(3)} ms ` +
      `(without, interleaved in the same run: median ${median(plain).toFixed(3)} ms); ratio ${(median(adapted) / median(plain)).toFixed(2)}x`,
  );
}
