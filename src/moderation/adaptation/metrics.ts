import { rocAuc as trainingRocAuc } from '../classifier/training/metrics.js';

/** How well scores match moderators' decisions on comments the fit never saw. */
export interface Figures {
  /** ROC-AUC of the score against "a moderator held it": 0.5 is chance, 1 ranks every removal first. */
  auc: number;
  /** Share of the comments moderators approved that the score would hold (at the hold threshold). */
  falseHoldRate: number;
  /** Share of the comments moderators rejected or removed that the score would hold. */
  caughtRate: number;
}

/** ROC-AUC of scores against 0/1 labels (the training code's rank-sum measure); NaN without both classes. */
export function rocAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  return trainingRocAuc(scores, labels.map((label) => label === 1));
}

export function figuresFor(scores: readonly number[], labels: readonly (0 | 1)[], threshold: number): Figures {
  let approved = 0;
  let falseHolds = 0;
  let removed = 0;
  let caught = 0;
  scores.forEach((score, i) => {
    const held = score >= threshold;
    if (labels[i] === 1) {
      removed++;
      if (held) caught++;
    } else {
      approved++;
      if (held) falseHolds++;
    }
  });
  return {
    auc: rocAuc(scores, labels),
    falseHoldRate: approved === 0 ? Number.NaN : falseHolds / approved,
    caughtRate: removed === 0 ? Number.NaN : caught / removed,
  };
}
