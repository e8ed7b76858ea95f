/**
 * Learning from a site's moderators, simulated with a labelled public set as "the site" (EDOS by
 * default: its annotators removed sexism and nothing else, so insults aimed elsewhere are "not sexist").
 * The site's comments are texts its "shipped model" never saw, in a fixed random order; the first N are
 * moderators' decisions, learned from exactly as `tribune moderate learn` does (fit on the older 80%,
 * measured on the most recent 20%), then measured again on every other comment of the site.
 *
 * Quick (default): the committed model is the shipped one; the site's comments are whatever of the set
 * it never trained on (all of it when its meta.json does not list the set, else the test split), and the
 * public sets are measured the same way with and without the adaptation.
 * --loo: the classifier's training recipe without the site's set is the shipped model (the site is then
 * as new to it as a real site's comments), and the public leave-one-out figures are measured with and
 * without an adaptation: for each set X, a model trained without X, the site's decisions learned on top
 * of it, measured on all of X. Featurising and training take several minutes.
 *
 *   npx tsx scripts/simulate-site-adaptation.ts --data ../shared/datasets [--site edos] [--sizes 300,600,1200]
 *     [--model DIR] [--loo] [--loo-sets davidson,civil-comments] [--l2-words 4]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HEADS, createClassifier, defaultClassifier, defaultModelDir, loadModel, prepareText, type Classifier, type Head, type Scores } from '../src/moderation/classifier/index.js';
import { buildTrainingSet } from '../src/moderation/classifier/training/build.js';
import { SOURCES, loadCorpus } from '../src/moderation/classifier/training/corpus.js';
import { isTestExample, type Example } from '../src/moderation/classifier/training/datasets.js';
import { headFor } from '../src/moderation/classifier/training/evaluate.js';
import { fitCalibrated } from '../src/moderation/classifier/training/fit.js';
import { DEFAULT_TRAINING } from '../src/moderation/classifier/training/train.js';
import { DEFAULT_L2 } from '../src/moderation/adaptation/fit.js';
import { learnFromDecisions, type ModeratorDecision } from '../src/moderation/adaptation/learn.js';
import { rocAuc } from '../src/moderation/adaptation/metrics.js';
import { createScoreAdjustment, type AdaptationWeights } from '../src/moderation/adaptation/model.js';
import { reportLines } from '../src/moderation/adaptation/report.js';
import { defaultSettings } from '../src/settings/defaults.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    site: { type: 'string', default: 'edos' },
    sizes: { type: 'string', default: '300,600,1200' },
    model: { type: 'string' },
    loo: { type: 'boolean', default: false },
    'loo-sets': { type: 'string' },
    seed: { type: 'string', default: '1' },
    /** The L2 pull on word weights (default: fit.ts's), to see what a weaker or stronger pull trades. */
    'l2-words': { type: 'string' },
  },
});
if (!values.data) {
  process.stderr.write('usage: npx tsx scripts/simulate-site-adaptation.ts --data ../shared/datasets [--site edos] [--sizes 300,600,1200] [--model DIR] [--loo]\n');
  process.exit(2);
}
const out = (line = '') => process.stdout.write(`${line}\n`);
const log = (line: string) => process.stderr.write(`${line}\n`);
const settings = defaultSettings.moderation;
const fit = values['l2-words'] ? { l2: { ...DEFAULT_L2, words: Number(values['l2-words']) } } : {};
const sizes = values.sizes!.split(',').map(Number);
/** The adaptation the public figures are measured with: a few hundred decisions, as the issue asks. */
const PUBLIC_SIZE = sizes.includes(600) ? 600 : sizes[0];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The site's label: would its moderators remove it. EDOS: sexist; other sets: their own head ≥ 0.5. */
function removed(example: Example): boolean {
  if (example.source === 'edos') return example.tag === 'sexist';
  return (example.labels[headFor(example.source)] ?? example.labels.toxicity ?? 0) >= 0.5;
}

interface Scored {
  canonical: string;
  classification: ReturnType<Classifier['classify']>;
}

function scoreAll(classifier: Classifier, texts: readonly string[]): Scored[] {
  return texts.map((text) => {
    const prepared = prepareText(text);
    return { canonical: prepared.canonical, classification: classifier.classify(prepared.canonical, prepared.hints) };
  });
}

const largest = (scores: Scores) => Math.max(...HEADS.map((head) => scores[head]));

function adjusted(weights: AdaptationWeights, scored: readonly Scored[]): Scores[] {
  const adjustment = createScoreAdjustment(weights);
  return scored.map((item) => adjustment.adjust(item.classification, item.canonical).scores);
}

const committedDir = values.model ? resolve(values.model) : defaultModelDir();
const trainedOn = new Set((JSON.parse(readFileSync(join(committedDir, 'meta.json'), 'utf8')) as { trainedOn?: string[] }).trainedOn ?? []);
if (values.loo) log('featurising every set for the leave-one-out models…');
const training = values.loo ? buildTrainingSet(resolve(values.data), DEFAULT_TRAINING, log) : undefined;
const corpus = training?.corpus.examples ?? loadCorpus(resolve(values.data)).examples;
/** The classifier recipe trained on everything but one set: that set is as new to it as a real site's comments. */
const without = (held: string) => createClassifier(fitCalibrated(training!, (example) => example.source !== held, DEFAULT_TRAINING));
/**
 * What the site's "shipped model" never saw of a set: with --loo all of it (the model is trained
 * without it); else all of it when the committed model's meta.json does not list it, or its test split.
 */
const unseenBy = (source: string) => (example: Example) =>
  example.source === source && (values.loo || !trainedOn.has(source) || isTestExample(example));

const site = shuffled(corpus.filter(unseenBy(values.site!)), Number(values.seed));
if (site.length < Math.max(...sizes) + 200) throw new Error(`"${values.site}" has ${site.length} texts the model never saw: too few for --sizes ${values.sizes}`);
const decisionsOf = (count: number): ModeratorDecision[] =>
  site.slice(0, count).map((example, i) => ({
    commentId: `${example.source}:${example.key}`,
    text: example.text,
    label: removed(example) ? 1 : 0,
    decidedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
  }));
const unseen = site.slice(Math.max(...sizes));
const unseenLabels = unseen.map((example) => (removed(example) ? 1 : 0) as 0 | 1);

async function siteReport(classifier: Classifier, label: string): Promise<Map<number, AdaptationWeights>> {
  out(`== "${values.site}" as the site (${site.length} texts the model never saw, ${site.filter(removed).length} removed), ${label}`);
  const unseenScored = scoreAll(classifier, unseen.map((example) => example.text));
  const before = rocAuc(unseenScored.map((item) => largest(item.classification.scores)), unseenLabels);
  const fitted = new Map<number, AdaptationWeights>();
  for (const size of sizes) {
    const { weights, report } = await learnFromDecisions(decisionsOf(size), { classifier, settings, fit });
    fitted.set(size, weights);
    out(`-- after ${size} decisions`);
    for (const line of reportLines(report)) out(`   ${line}`);
    const after = rocAuc(adjusted(weights, unseenScored).map(largest), unseenLabels);
    out(`   On ${unseen.length} more of the site's comments, never decided: ROC-AUC ${before.toFixed(3)} → ${after.toFixed(3)} (${after - before >= 0 ? '+' : ''}${(after - before).toFixed(3)})`);
  }
  out();
  return fitted;
}

/** AUC on one set's own head and on toxicity, with and without the adaptation. */
function publicRow(name: string, source: string, examples: readonly Example[], scored: readonly Scored[], weights: AdaptationWeights): number {
  const adapted = adjusted(weights, scored);
  let worst = Number.POSITIVE_INFINITY;
  const cells: string[] = [];
  for (const head of [...new Set<Head>(['toxicity', headFor(source)])]) {
    const rows = examples.flatMap((example, i) => (example.labels[head] !== undefined ? [i] : []));
    const labels = rows.map((i) => (examples[i].labels[head]! >= 0.5 ? 1 : 0) as 0 | 1);
    const before = rocAuc(rows.map((i) => scored[i].classification.scores[head]), labels);
    const after = rocAuc(rows.map((i) => adapted[i][head]), labels);
    if (Number.isFinite(before)) worst = Math.min(worst, after - before);
    cells.push(`${head.padEnd(16)} ${before.toFixed(3)} → ${after.toFixed(3)} (${after - before >= 0 ? '+' : ''}${(after - before).toFixed(3)})`);
  }
  out(`${name.padEnd(28)} ${String(examples.length).padStart(6)}  ${cells.join('   ')}`);
  return worst;
}

if (!values.loo) {
  const committed = values.model ? createClassifier(loadModel(committedDir)) : defaultClassifier();
  const fitted = await siteReport(committed, values.model ? `model ${values.model}` : 'committed model');
  out(`== public sets, on what the model never trained on, without and with the ${PUBLIC_SIZE}-decision adaptation: ROC-AUC`);
  let worst = Number.POSITIVE_INFINITY;
  for (const source of SOURCES) {
    if (source === values.site) continue;
    const examples = corpus.filter(unseenBy(source));
    if (examples.length === 0) continue;
    const scored = scoreAll(committed, examples.map((example) => example.text));
    const name = trainedOn.has(source) ? `${source} (test split)` : `${source} (unseen)`;
    worst = Math.min(worst, publicRow(name, source, examples, scored, fitted.get(PUBLIC_SIZE)!));
  }
  out(`largest fall: ${(-worst).toFixed(3)}`);
} else {
  await siteReport(without(values.site!), `the classifier trained without "${values.site}" as the shipped model`);
  const sets = values['loo-sets'] ? values['loo-sets'].split(',') : SOURCES.filter((source) => source !== values.site);
  out(`== leave one set out: trained without X, an adaptation fitted on top of it from the site's ${PUBLIC_SIZE} decisions, measured on all of X: ROC-AUC`);
  let worst = Number.POSITIVE_INFINITY;
  for (const held of sets) {
    const started = Date.now();
    const classifier = without(held);
    const { weights } = await learnFromDecisions(decisionsOf(PUBLIC_SIZE), { classifier, settings, fit });
    const examples = corpus.filter((example) => example.source === held);
    worst = Math.min(worst, publicRow(`${held} (unseen)`, held, examples, scoreAll(classifier, examples.map((example) => example.text)), weights));
    log(`${held}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  out(`largest fall: ${(-worst).toFixed(3)}`);
}
