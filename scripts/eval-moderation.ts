/**
 * Measures the committed moderation classifier on the test split that training never sees, the civil
 * false-hold rate, and generalisation: for each set X, a model trained and calibrated without any of X
 * is measured on all of X. Last, the blind fixtures (fixtures/blind-*.ts, frozen before the model was
 * tuned): civil news comments that must publish and functional hate-speech probes. Pass --skip-blind
 * while iterating on the model, so its choices are never made by looking at them.
 *
 *   npm run eval:moderation -- --data ../shared/datasets [--threshold 0.5] [--skip-loo] [--skip-blind] [--verbose]
 *     [--model DIR]     (measure weights in DIR instead of the committed ones)
 *     [--only a,b]      (leave out only these sets, for a quicker look)
 *     [--sample P]      (a fixed P% of every set by split key, templates whole: a quicker inner loop for
 *                        trying ideas; its figures are not comparable with the full table; it also fits one
 *                        model on the whole sample and prints the hand-written civil texts it holds)
 *     [--train JSON]    (training options over DEFAULT_TRAINING for the leave-one-out and sample fits,
 *                        e.g. '{"embeddings":"pooled"}': tries an idea without editing the defaults)
 *
 * Every text is read once; the leave-one-out models are fitted on those features (about 12 fits).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClassifier, defaultClassifier, loadModel, type Classifier } from '../src/moderation/classifier/index.js';
import type { Scores } from '../src/moderation/classifier/classifier.js';
import { AGREEMENT_HEADER, agreementReport, formatAgreement } from '../src/moderation/classifier/training/agreement.js';
import { blindReport, formatBlindReport } from '../src/moderation/classifier/training/blind.js';
import { buildTrainingSet } from '../src/moderation/classifier/training/build.js';
import { SOURCES } from '../src/moderation/classifier/training/corpus.js';
import { isTestExample } from '../src/moderation/classifier/training/datasets.js';
import { REPORT_HEADER, falseHoldRate, formatReport, headFor, scoreText, scoreTexts } from '../src/moderation/classifier/training/evaluate.js';
import { leaveOneOut, reportsFor, scoreCached } from '../src/moderation/classifier/training/loo.js';
import { rocAuc } from '../src/moderation/classifier/training/metrics.js';
import { fitCalibrated } from '../src/moderation/classifier/training/fit.js';
import { DEFAULT_TRAINING, featureOptionsOf, type TrainingOptions } from '../src/moderation/classifier/training/train.js';
import { defaultSettings } from '../src/settings/defaults.js';
import { tuningReport } from '../src/moderation/classifier/training/tuning-report.js';
import { CIVIL, COUNTER_SPEECH } from '../src/moderation/fixtures/corpus.js';
import { CIVIL_TUNING } from '../src/moderation/fixtures/civil-tuning.js';
import { BLIND_CIVIL } from '../src/moderation/fixtures/blind-civil.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    threshold: { type: 'string' },
    'skip-loo': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'skip-blind': { type: 'boolean', default: false },
    model: { type: 'string' },
    only: { type: 'string' },
    sample: { type: 'string' },
    train: { type: 'string' },
  },
});
if (!values.data) {
  process.stderr.write('usage: npm run eval:moderation -- --data ../shared/datasets [--threshold 0.5] [--skip-loo] [--skip-blind] [--verbose] [--model DIR] [--only a,b] [--sample P]\n');
  process.exit(2);
}
const threshold = values.threshold ? Number(values.threshold) : defaultSettings.moderation.holdThreshold;
const out = (line = '') => process.stdout.write(`${line}\n`);
const log = (message: string) => process.stderr.write(`${message}\n`);
const training: TrainingOptions = { ...DEFAULT_TRAINING, ...(values.train ? (JSON.parse(values.train) as Partial<TrainingOptions>) : {}) };
if (values.train) log(`training options: ${JSON.stringify(training)}`);
const set = buildTrainingSet(resolve(values.data), training, log, values.sample ? Number(values.sample) : 100);
const rowsOf = (pick: (i: number) => boolean) => set.examples.flatMap((_, i) => (pick(i) ? [i] : []));

const committed = values.model ? createClassifier(loadModel(resolve(values.model))) : defaultClassifier();
// Cached features serve the committed model only when it reads text with the same options.
const sameFeatures = committed.model.bits === training.bits && committed.model.charWeight === training.charWeight &&
  JSON.stringify(committed.model.features) === JSON.stringify(featureOptionsOf(training));
const scoreRows = (classifier: Classifier, rows: number[]): Scores[] =>
  sameFeatures && classifier === committed ? scoreCached(committed.model, set, rows) : rows.map((i) => scoreText(classifier, set.examples[i].text));

out(`hold threshold ${threshold}; test split = 15% of each set by post/user/thread/dialogue/pair, never trained on`);
out(`read ${set.corpus.examples.length} texts from ${SOURCES.length} sets after de-duplication (dropped: ${[...set.corpus.duplicates].map(([s, n]) => `${s} ${n}`).join(', ')})`);
out();
out('== committed model, in-domain test split');
out(REPORT_HEADER);
for (const source of SOURCES) {
  const rows = rowsOf((i) => set.examples[i].source === source && isTestExample(set.examples[i]));
  const examples = rows.map((i) => set.examples[i]);
  for (const report of reportsFor(source, source, examples, scoreRows(committed, rows), threshold)) out(formatReport(report));
}
out();

for (const line of tuningReport(committed, threshold)) out(line);
out();

if (values.sample) {
  // The sample's own model (these options), on the hand-written civil sets: an idea must not hold more of them.
  const sampled = createClassifier(fitCalibrated(set, () => true, { ...training, log: undefined }));
  const civilHeld = falseHoldRate(sampled, [...CIVIL, ...COUNTER_SPEECH], threshold).held;
  const tuningHeld = falseHoldRate(sampled, CIVIL_TUNING, threshold).held;
  out(`== model fitted on the ${values.sample}% sample: hand-written civil + counter-speech held ${civilHeld.length} of ${CIVIL.length + COUNTER_SPEECH.length}, tuning set held ${tuningHeld.length} of ${CIVIL_TUNING.length}`);
  for (const text of [...civilHeld, ...tuningHeld]) out(`  held: ${text}`);
  out();
}

if (!values['skip-loo']) {
  const only = values.only ? values.only.split(',') : [...SOURCES];
  const results = leaveOneOut(set, only, training, threshold, log);
  out('== leave one dataset out: trained and calibrated without X (templates kept), measured on all of X');
  out(REPORT_HEADER);
  for (const result of results) for (const report of result.reports) out(formatReport(report));
  const primary = results.map((result) => result.reports.find((report) => report.head === headFor(result.source))!.auc);
  out(`primary-head ROC-AUC over ${results.length} unseen sets: mean ${(primary.reduce((a, b) => a + b, 0) / primary.length).toFixed(3)}, min ${Math.min(...primary).toFixed(3)}`);
  out();
  out("== annotator agreement on the sets that publish each judgement: one annotator's judgement per text, ranked by the mean of the others and by the unseen model's toxicity");
  out(AGREEMENT_HEADER);
  for (const result of results) {
    const agreement = agreementReport(`${result.source} (unseen)`, result.examples, result.scores);
    if (agreement) out(formatAgreement(agreement));
  }
  // Civil Comments holds only comments someone once flagged; a news site's stream is mostly civil. Its
  // toxic comments against the blind civil ones are closer to that mix. It reads a blind fixture, so it
  // is left out with them.
  const civilComments = results.find((result) => result.source === 'civil-comments');
  if (!values['skip-blind'] && civilComments) {
    const unseen = createClassifier(civilComments.model);
    const toxic = civilComments.examples.filter((example) => (example.labels.toxicity ?? 0) >= 0.5).map((example) => example.text);
    const news = BLIND_CIVIL.map((comment) => comment.text);
    const mix = rocAuc(scoreTexts(unseen, [...toxic, ...news], 'toxicity'), [...toxic.map(() => true), ...news.map(() => false)]);
    out(`civil-comments toxic (unseen) vs ${news.length} blind civil news comments: ROC-AUC toxicity ${mix.toFixed(3)}`);
  }
  out();
}

if (!values['skip-blind']) {
  out('== blind fixtures (frozen before the model was tuned; committed model)');
  for (const line of formatBlindReport(blindReport(committed, threshold), values.verbose ?? false)) out(line);
}

