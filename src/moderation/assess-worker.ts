// A worker thread of the assess pool (./assess-pool.ts): the same pipeline and model as the main
// thread, with the site's adaptation rebuilt from the weights the pool sends when they change.
import { parentPort } from 'node:worker_threads';
import { createScoreAdjustment, parseWeights } from './adaptation/model.js';
import { defaultClassifier } from './classifier/index.js';
import { assess } from './pipeline.js';
import type { AssessContext, CommentCandidate, ScoreAdjustment } from './types.js';

export interface AssessRequest {
  id: number;
  candidate: CommentCandidate;
  context: Omit<AssessContext, 'adaptation'>;
  /** Which adaptation applies; its weights come along the first time this worker needs them. */
  adaptation?: { key: number; weights?: string };
}

let current: { key: number; adjustment: ScoreAdjustment } | undefined;

function adaptationFor(request: AssessRequest): ScoreAdjustment | undefined {
  if (!request.adaptation) return undefined;
  const { key, weights } = request.adaptation;
  if (current?.key !== key) {
    const parsed = weights === undefined ? undefined : parseWeights(weights);
    if (!parsed) throw new Error(`assess worker: no usable weights for adaptation ${key}`);
    current = { key, adjustment: createScoreAdjustment(parsed) };
  }
  return current.adjustment;
}

// Load the model before taking comments: until this worker says it is ready, the pool scores in-process.
defaultClassifier();
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (request: AssessRequest) => {
  try {
    const adaptation = adaptationFor(request);
    const assessment = assess(request.candidate, { ...request.context, ...(adaptation ? { adaptation } : {}) });
    parentPort?.postMessage({ id: request.id, assessment });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
