/** How well scores match moderators' decisions on comments the fit never saw. */
export interface Figures {
  /** ROC-AUC of the score against "a moderator held it": 0.5 is chance, 1 ranks every removal first. */
  auc: number;
  /** Share of the comments moderators approved that the score would hold (at the hold threshold). */
  falseHoldRate: number;
  /** Share of the comments moderators rejected or removed that the score would hold. */
  caughtRate: number;
}

/** ROC-AUC by the rank-sum formula, tied scores sharing their average rank; NaN without both classes. */
export function rocAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((score, i) => ({ score, positive: labels[i] === 1 })).sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].score === order[i].score) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (!order[k].positive) continue;
      positives++;
      rankSum += rank;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
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
