import { describe, expect, it } from 'vitest';
import { HEADS, defaultClassifier, prepareText } from '../classifier/index.js';
import { defaultSettings } from '../../settings/defaults.js';
import { textFeatures } from './features.js';
import { fitAdaptation, type TrainingExample } from './fit.js';
import { minimise } from './lbfgs.js';
import { learnFromDecisions } from './learn.js';
import { figuresFor, rocAuc } from './metrics.js';
import { ADAPTATION_FORMAT, MAX_SHIFT, adjustScores, createScoreAdjustment, headLogits, parseWeights, shiftFor, type AdaptationWeights } from './model.js';
import { simulatedComments, simulatedDecisions } from './simulated-site.js';

const settings = defaultSettings.moderation;

function examplesFor(count: number, seed: number): TrainingExample[] {
  const classifier = defaultClassifier();
  return simulatedComments(count, seed).map((comment) => {
    const prepared = prepareText(comment.text);
    const { scores } = classifier.classify(prepared.canonical, prepared.hints);
    return { logits: headLogits(scores, HEADS), text: textFeatures(prepared.canonical), label: comment.label };
  });
}

/** The largest shift the adaptation gives any of these texts. */
function largestShift(weights: AdaptationWeights, examples: readonly TrainingExample[]): number {
  return Math.max(...examples.map((example) => Math.abs(shiftFor(weights, example.logits, example.text))));
}

describe('the site adaptation model', () => {
  it('is "no change" without decisions, and scores pass through it unchanged', async () => {
    const weights = await fitAdaptation([], { heads: HEADS, threshold: 0.5 });
    expect(weights.bias).toBe(0);
    expect(weights.words.every((weight) => weight === 0)).toBe(true);
    const scores = { toxicity: 0.62, identity_attack: 0.1, threat: 0.03 };
    expect(adjustScores(weights, scores, 'you are a fool')).toEqual(scores);
  });

  it('moves little on a few decisions and more on many: the pull towards no change', async () => {
    const probe = examplesFor(200, 21);
    const few = largestShift(await fitAdaptation(examplesFor(12, 22), { heads: HEADS, threshold: 0.5 }), probe);
    const many = largestShift(await fitAdaptation(examplesFor(400, 23), { heads: HEADS, threshold: 0.5 }), probe);
    expect(few).toBeLessThan(0.5);
    expect(many).toBeGreaterThan(2 * few);
  });

  it('never moves a score further than MAX_SHIFT, and never lowers one the rules found a threat in', () => {
    const weights: AdaptationWeights = { format: ADAPTATION_FORMAT, heads: [...HEADS], center: 0, bits: 12, bias: -40, words: new Array(4096).fill(0) };
    const scores = { toxicity: 0.5, identity_attack: 0.5, threat: 0.5 };
    expect(adjustScores(weights, scores, 'anything').toxicity).toBeCloseTo(1 / (1 + Math.exp(MAX_SHIFT)), 4);
    const classifier = defaultClassifier();
    const prepared = prepareText('I am going to kill you and your family.');
    const threat = classifier.classify(prepared.canonical, prepared.hints);
    expect(threat.findings.length).toBeGreaterThan(0);
    expect(createScoreAdjustment(weights).adjust(threat, prepared.canonical).scores).toEqual(threat.scores);
  });

  it('refuses stored weights that are malformed rather than half-applying them', async () => {
    const good = await fitAdaptation(examplesFor(30, 24), { heads: HEADS, threshold: 0.5 });
    expect(parseWeights(JSON.stringify(good))).toEqual(good);
    expect(parseWeights('not json')).toBeUndefined();
    expect(parseWeights(JSON.stringify({ ...good, format: 'other/1' }))).toBeUndefined();
    expect(parseWeights(JSON.stringify({ ...good, words: good.words.slice(1) }))).toBeUndefined();
    expect(parseWeights(JSON.stringify({ ...good, bias: 'NaN' }))).toBeUndefined();
    expect(parseWeights(JSON.stringify({ ...good, center: null }))).toBeUndefined();
  });

  it('learns a simulated site’s standard: AUC on its most recent, unseen decisions rises', async () => {
    const { report } = await learnFromDecisions(simulatedDecisions(400, 7), { classifier: defaultClassifier(), settings });
    expect(report).toMatchObject({ fitted: 320, heldOut: 80, improves: true });
    // Measured: 0.57 → 0.91 and false holds 16% → 0% with the model of November; 0.46 → 0.82 and 24% → 0%
    // with the one retrained on twelve sets (removals caught 41% → 38%: fewer holds overall); 0.50 → 0.68 and
    // 22% → 10% (caught 41% → 52%) with round 14's, trained also on comments that call insulting an official
    // abuse, which this site lets through, so less of its standard is left for a small adaptation to learn.
    expect(report.after.auc - report.before.auc).toBeGreaterThan(0.1);
    expect(report.after.falseHoldRate).toBeLessThan(report.before.falseHoldRate);
  });
});

describe('hashed words', () => {
  it('are the same for the same text and tell word order apart', () => {
    expect(textFeatures('Landlords are leeches')).toEqual(textFeatures('landlords ARE leeches!'));
    expect(textFeatures('not good').indices).not.toEqual(textFeatures('good not').indices);
    const { values } = textFeatures('one two three');
    expect(values.reduce((sum, value) => sum + value * value, 0)).toBeCloseTo(1, 10);
    expect(textFeatures('')).toEqual({ indices: [], values: [] });
  });
});

describe('the optimiser and the figures', () => {
  it('finds the minimum of a badly scaled quadratic', async () => {
    const scale = [1, 100, 0.01];
    const target = [3, -2, 50];
    const { x } = await minimise((point, gradient) => {
      let value = 0;
      for (let i = 0; i < 3; i++) {
        value += 0.5 * scale[i] * (point[i] - target[i]) ** 2;
        gradient[i] = scale[i] * (point[i] - target[i]);
      }
      return value;
    }, new Float64Array(3), { maxIterations: 200, tolerance: 1e-9 });
    for (let i = 0; i < 3; i++) expect(x[i]).toBeCloseTo(target[i], 4);
  });

  it('computes AUC with ties and the rates at the threshold', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(rocAuc([0.5, 0.6], [1, 1])).toBeNaN();
    expect(figuresFor([0.2, 0.6, 0.7, 0.4], [0, 0, 1, 1], 0.5)).toEqual({ auc: 0.75, falseHoldRate: 0.5, caughtRate: 0.5 });
  });
});
