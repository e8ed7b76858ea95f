/** ROC-AUC by the rank-sum (Mann–Whitney) formula, ties sharing their average rank. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((score, i) => ({ score, positive: labels[i] })).sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].score === order[i].score) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k].positive) {
      positives++;
      rankSum += rank;
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface AtThreshold {
  precision: number;
  recall: number;
  /** Share of negatives scored at or above the threshold. */
  falseHoldRate: number;
}

export function atThreshold(scores: number[], labels: boolean[], threshold: number): AtThreshold {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let negatives = 0;
  scores.forEach((score, i) => {
    const held = score >= threshold;
    if (labels[i]) {
      if (held) tp++;
      else fn++;
    } else {
      negatives++;
      if (held) fp++;
    }
  });
  return {
    precision: tp + fp === 0 ? Number.NaN : tp / (tp + fp),
    recall: tp + fn === 0 ? Number.NaN : tp / (tp + fn),
    falseHoldRate: negatives === 0 ? Number.NaN : fp / negatives,
  };
}
