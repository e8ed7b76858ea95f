import { defaultClassifier, prepareFromScan, type Classifier } from './classifier/index.js';
import { PHASES, type Phase, type PhaseInput } from './phases/index.js';
import type { Assessment, AssessContext, CommentCandidate, Decision, Reason } from './types.js';
import { wordMatcherFor } from './words/matcher.js';

export type Assess = (candidate: CommentCandidate, context: AssessContext) => Assessment;

export interface AssessOptions {
  classifier: Classifier;
  phases?: readonly Phase[];
}

/** Reasons the reader may fix by editing; the nudge is offered only for these. */
const NUDGEABLE = new Set(['TOXICITY', 'THREAT', 'IDENTITY_ATTACK', 'SLUR', 'SUSPECT_WORD']);

/**
 * Builds the pipeline around a loaded classifier. Every phase runs in order until one decides; the
 * reasons of all phases that ran are kept. Scores are always computed, so moderators see them even when
 * an earlier phase (staff, flood) decided.
 */
export function createAssess({ classifier, phases = PHASES }: AssessOptions): Assess {
  return (candidate, context) => {
    const scan = wordMatcherFor(context.settings).scan(candidate.text);
    const prepared = prepareFromScan(scan);
    const shipped = classifier.classify(prepared.canonical, prepared.hints);
    const classification = context.adaptation ? context.adaptation.adjust(shipped, prepared.canonical) : shipped;
    const input: PhaseInput = { candidate, context, words: scan, classification };
    const reasons: Reason[] = [];
    let decision: Decision = 'publish';
    for (const phase of phases) {
      if (context.contentOnly && !phase.content) continue;
      const result = phase.run(input);
      if (!result) continue;
      reasons.push(...result.reasons);
      if (result.decision) {
        decision = result.decision;
        break;
      }
    }
    const fixable = decision === 'hold' && reasons.some((reason) => NUDGEABLE.has(reason.code));
    const nudge = fixable && context.settings.nudge && !candidate.postAnyway;
    if (fixable && candidate.postAnyway) {
      reasons.push({ code: 'POSTED_AFTER_NUDGE', message: 'The reader was warned and chose to post anyway.' });
    }
    return { decision, reasons, scores: { ...classification.scores }, nudge };
  };
}

let shared: Assess | undefined;

/** The pipeline with the committed default model, loaded on the first call. */
export function assess(candidate: CommentCandidate, context: AssessContext): Assessment {
  shared ??= createAssess({ classifier: defaultClassifier() });
  return shared(candidate, context);
}
