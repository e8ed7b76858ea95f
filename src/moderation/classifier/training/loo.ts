import { scoreAnalysis, type Scores } from '../classifier.js';
import type { Model } from '../model.js';
import type { Example } from './datasets.js';
import { evaluateScored, headFor, type Report } from './evaluate.js';
import { fitCalibrated, type TrainingSet } from './fit.js';
import type { TrainingOptions } from './train.js';

/** Final scores (rules applied) of every example `pick` admits, from its cached features. */
export function scoreCached(model: Model, set: TrainingSet, rows: number[]): Scores[] {
  return rows.map((i) => scoreAnalysis(model, set.featurised[i], set.featurised[i].hints).classification.scores);
}

export interface SetReports {
  source: string;
  model: Model;
  examples: Example[];
  scores: Scores[];
  reports: Report[];
}

/** A set judged on toxicity and, when that is not its own head, on its own head too; Davidson also as offensive+hate. */
export function reportsFor(name: string, source: string, examples: Example[], scores: Scores[], threshold: number): Report[] {
  const reports = [evaluateScored(name, examples, scores, 'toxicity', threshold)];
  const head = headFor(source);
  if (head !== 'toxicity') reports.push(evaluateScored(name, examples, scores, head, threshold));
  if (source === 'davidson') {
    reports.push(evaluateScored(`${name} offensive+hate`, examples, scores, 'toxicity', threshold, (example) => example.tag !== 'neither'));
    reports.push(evaluateScored(`${name} hate vs rest`, examples, scores, 'identity_attack', threshold, (example) => example.tag === 'hate'));
  }
  return reports;
}

/**
 * Leave one dataset out: for each source, a model trained and calibrated without any of it (the
 * templates stay), measured on all of it. Features are shared, so each run only fits.
 */
export function leaveOneOut(set: TrainingSet, sources: readonly string[], options: TrainingOptions, threshold: number, log: (message: string) => void = () => {}): SetReports[] {
  return sources.map((source) => {
    const started = Date.now();
    const model = fitCalibrated(set, (example) => example.source !== source, { ...options, log: undefined });
    const rows = set.examples.flatMap((example, i) => (example.source === source ? [i] : []));
    const examples = rows.map((i) => set.examples[i]);
    const scores = scoreCached(model, set, rows);
    log(`trained without ${source} and measured on its ${rows.length} texts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { source, model, examples, scores, reports: reportsFor(`${source} (unseen)`, source, examples, scores, threshold) };
  });
}
