import type { Classification } from '../classifier/index.js';
import type { AssessContext, CommentCandidate, Decision, Reason } from '../types.js';
import type { WordScan } from '../words/matcher.js';

/** What every phase may read: the comment, the site's settings and the text analysis done once. */
export interface PhaseInput {
  candidate: CommentCandidate;
  context: AssessContext;
  words: WordScan;
  classification: Classification;
}

/** A decision ends the chain; reasons without one are kept and the chain goes on. */
export interface PhaseResult {
  decision?: Decision;
  reasons: Reason[];
}

export interface Phase {
  name: string;
  /** Judges the text itself; the others use the reader's history or the article and are skipped by `contentOnly`. */
  content: boolean;
  run(input: PhaseInput): PhaseResult | undefined;
}
