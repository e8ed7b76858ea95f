import { HEADS, prepareFromScan, type Classifier, type Head, type Scores } from '../classifier/index.js';
import { wordMatcherFor } from '../words/matcher.js';
import type { ModerationSettings } from './types.js';
import { adaptationErrors } from './errors.js';
import { textFeatures } from './features.js';
import { fitAdaptation, type FitOptions, type TrainingExample } from './fit.js';
import { figuresFor, type Figures } from './metrics.js';
import { adjustScores, headLogits, type AdaptationWeights } from './model.js';

/** One moderator's verdict on one comment, with the text as it was when they decided. */
export interface ModeratorDecision {
  commentId: string;
  text: string;
  /** 1: rejected or removed; 0: approved or kept. */
  label: 0 | 1;
  decidedAt: string;
}

export interface LearnReport {
  /** Decisions the stored adaptation was fitted on (the older ones). */
  fitted: number;
  /** The most recent decisions, kept out of fitting and scored before and after. */
  heldOut: number;
  approvals: number;
  removals: number;
  threshold: number;
  /** When the oldest held-out decision was made. */
  heldOutSince: string;
  before: Figures;
  after: Figures;
  /** False when the fit ranked the held-out decisions worse than the shipped model alone. */
  improves: boolean;
}

export interface Learned {
  weights: AdaptationWeights;
  report: LearnReport;
}

/** Fewer than this, and a held-out set of 50 says little: refuse rather than report noise. */
export const MIN_DECISIONS = 200;
/** Of each kind (approved, removed), over all decisions. */
export const MIN_EACH = 20;

export function heldOutSize(decisions: number): number {
  return Math.min(2000, Math.max(50, Math.round(decisions * 0.2)));
}

interface Scored extends TrainingExample {
  scores: Scores;
  canonical: string;
  protect: boolean;
  shippedMax: number;
}

export interface LearnOptions {
  classifier: Classifier;
  settings: ModerationSettings;
  heads?: readonly Head[];
  fit?: Partial<Pick<FitOptions, 'l2' | 'bits' | 'maxIterations'>>;
  /** Told how many of the decisions are scored so far. */
  onProgress?: (done: number, total: number) => void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Each decision's text as the pipeline reads it (the site's word lists, the shipped model's scores). */
async function score(decisions: readonly ModeratorDecision[], options: LearnOptions, heads: readonly Head[]): Promise<Scored[]> {
  const matcher = wordMatcherFor(options.settings);
  const scored: Scored[] = [];
  for (const [i, decision] of decisions.entries()) {
    // The nightly run shares the process with the site: let requests through between batches.
    if (i % 100 === 99) {
      options.onProgress?.(i + 1, decisions.length);
      await yieldToEventLoop();
    }
    const prepared = prepareFromScan(matcher.scan(decision.text));
    const classification = options.classifier.classify(prepared.canonical, prepared.hints);
    const logits = headLogits(classification.scores, heads);
    scored.push({
      logits,
      scores: classification.scores,
      text: textFeatures(prepared.canonical),
      label: decision.label,
      canonical: prepared.canonical,
      protect: classification.findings.length > 0,
      shippedMax: Math.max(...heads.map((head) => classification.scores[head])),
    });
  }
  options.onProgress?.(decisions.length, decisions.length);
  return scored;
}

function refuseUnlessEnough(decisions: readonly ModeratorDecision[], heldOut: readonly ModeratorDecision[]): void {
  const removals = decisions.filter((decision) => decision.label === 1).length;
  const approvals = decisions.length - removals;
  const detail = { decisions: decisions.length, approvals, removals, needed: MIN_DECISIONS, neededEach: MIN_EACH };
  if (decisions.length < MIN_DECISIONS) {
    throw adaptationErrors.raise(
      'ADAPT_TOO_FEW_DECISIONS',
      `Only ${decisions.length} moderator decisions can be learned from; at least ${MIN_DECISIONS} are needed. ` +
        'They are approvals and rejections of held or reported comments, and removals of published ones; the system’s own holds never count.',
      undefined,
      detail,
    );
  }
  if (approvals < MIN_EACH || removals < MIN_EACH) {
    throw adaptationErrors.raise(
      'ADAPT_ONE_SIDED',
      `Of ${decisions.length} moderator decisions, ${approvals} approve and ${removals} reject or remove a comment; at least ${MIN_EACH} of each are needed.`,
      undefined,
      detail,
    );
  }
  const recentRemovals = heldOut.filter((decision) => decision.label === 1).length;
  if (recentRemovals === 0 || recentRemovals === heldOut.length) {
    throw adaptationErrors.raise(
      'ADAPT_ONE_SIDED',
      `The most recent ${heldOut.length} decisions, which measure the result, are all ${recentRemovals === 0 ? 'approvals' : 'rejections'}; ` +
        'learning waits until they include both.',
      undefined,
      detail,
    );
  }
}

/**
 * Fits a site adaptation on the older decisions and measures it on the most recent ones, before (the
 * shipped model alone) and after. Refuses, with an error saying what is missing, when there are too few
 * decisions or not both kinds. Pure apart from yielding: the caller stores the result.
 */
export async function learnFromDecisions(all: readonly ModeratorDecision[], options: LearnOptions): Promise<Learned> {
  const decisions = [...all].sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0));
  const cut = decisions.length - heldOutSize(decisions.length);
  const older = decisions.slice(0, Math.max(0, cut));
  const recent = decisions.slice(Math.max(0, cut));
  refuseUnlessEnough(decisions, recent);
  const heads = options.heads ?? HEADS;
  const threshold = options.settings.holdThreshold;
  const scored = await score(decisions, options, heads);
  const training = scored.slice(0, older.length);
  const test = scored.slice(older.length);
  const weights = await fitAdaptation(training, { heads, threshold, ...options.fit, pause: yieldToEventLoop });
  const labels = test.map((example) => example.label);
  const before = figuresFor(test.map((example) => example.shippedMax), labels, threshold);
  const afterScores = test.map((example) => {
    const adjusted = adjustScores(weights, example.scores, example.canonical, example.protect);
    return Math.max(...heads.map((head) => adjusted[head]));
  });
  const after = figuresFor(afterScores, labels, threshold);
  const removals = decisions.filter((decision) => decision.label === 1).length;
  return {
    weights,
    report: {
      fitted: training.length,
      heldOut: test.length,
      approvals: decisions.length - removals,
      removals,
      threshold,
      heldOutSince: recent[0].decidedAt,
      before,
      after,
      improves: after.auc >= before.auc,
    },
  };
}
