import { BLIND_CIVIL } from '../../fixtures/blind-civil.js';
import { BLIND_PROBES, type Probe } from '../../fixtures/blind-probes.js';
import { BLIND_PROBES_2 } from '../../fixtures/blind-probes-2.js';
import { BLIND_MIXED_2026_12 } from '../../fixtures/blind-mixed-2026-12.js';
import { BLIND_FOURTH_WRITER_2026_12 } from '../../fixtures/blind-fourth-writer-2026-12.js';
import { BLIND_SIXTH } from '../../fixtures/blind-sixth-writer-2026-12.js';
import { BLIND_SEVENTH } from '../../fixtures/blind-seventh-writer-2026-12.js';
import { BLIND_EIGHTH } from '../../fixtures/blind-eighth-writers-2026-12.js';
import { BLIND_NINTH } from '../../fixtures/blind-ninth-writers-2026-12.js';
import { BLIND_TENTH } from '../../fixtures/blind-tenth-writers-2026-12.js';
import { createAssess } from '../../pipeline.js';
import { defaultSettings } from '../../../settings/index.js';
import type { Classifier } from '../classifier.js';
import type { Head } from '../model.js';
import { prepareText } from '../prepare.js';
import { rocAuc } from './metrics.js';

/**
 * Numbers on the frozen blind fixtures (`fixtures/blind-*.ts`), which no training or tuning reads. Two
 * views of "held": the classifier alone (any head at the hold threshold) and the whole content-only
 * pipeline (words phase included, so a slur holds even when the classifier would not).
 */
export interface BlindReport {
  civil: { count: number; classifierHeld: string[]; pipelineHeld: string[]; byTopic: Map<string, { count: number; held: number }> };
  probeSets: ProbeReport[];
}

export interface ProbeReport {
  name: string;
  count: number;
  hateful: number;
  /** The threat head against the hateful label, and against the threats alone (`threatVsRest`). */
  auc: Record<Head | 'max' | 'threatVsRest', number>;
  byCategory: Map<string, { hateful: boolean; count: number; classifierHeld: number; pipelineHeld: number; missed: string[] }>;
}

/** Each probe set was frozen before the model it measures; a later set is blind to the fixes the earlier one prompted. */
const PROBE_SETS: { name: string; probes: Labelled[] }[] = [
  { name: 'blind functional probes', probes: BLIND_PROBES.map((probe) => ({ ...probe, threat: probe.category === 'threat' })) },
  { name: 'blind functional probes, second set (2026-11-25)', probes: BLIND_PROBES_2.map((probe) => ({ ...probe, threat: probe.category === 'threat' })) },
  // Written by writers who saw neither the code nor the other fixtures: civil comments and hate by topic.
  {
    name: 'blind mixed set, third writer (2026-12-03)',
    probes: BLIND_MIXED_2026_12.map(({ text, hateful, topic }) => ({ text, hateful, category: topic, threat: topic === 'hate-violence' })),
  },
  {
    name: 'blind mixed set, fourth writer (2026-12-04)',
    probes: BLIND_FOURTH_WRITER_2026_12.map(({ text, hateful, topic, threat }) => ({ text, hateful, category: topic, threat })),
  },
  { name: 'blind mixed set, sixth writer (2026-12-04)', probes: BLIND_SIXTH.map((probe) => ({ ...probe, threat: probe.category === 'threat' })) },
  { name: 'blind mixed set, seventh writers (2026-12-04; local, national, culture)', probes: BLIND_SEVENTH },
  { name: 'blind mixed set, eighth writers (2026-12-04; briefed without example phrases)', probes: BLIND_EIGHTH },
  { name: 'blind mixed set, ninth writers (2026-12-04; North America, global English)', probes: BLIND_NINTH },
  { name: 'blind mixed set, tenth writers (2026-12-04; tabloids, community pages)', probes: BLIND_TENTH },
];

type Labelled = Pick<Probe, 'text' | 'hateful'> & { category: string; threat: boolean };

export function blindReport(classifier: Classifier, threshold = defaultSettings.moderation.holdThreshold): BlindReport {
  const settings = { ...defaultSettings.moderation, holdThreshold: threshold };
  const judge = createAssess({ classifier });
  const run = (text: string) => {
    const prepared = prepareText(text);
    const { scores } = classifier.classify(prepared.canonical, prepared.hints);
    const worst = Math.max(scores.toxicity, scores.identity_attack, scores.threat);
    const pipeline = judge(
      {
        text,
        author: { id: 'blind', role: 'reader', status: 'active', suspendedUntil: null, premoderate: false, approvedCount: 10, rejectedCount: 0, recent: [] },
        article: { id: 'blind', premoderate: false },
      },
      { settings, now: new Date(0), contentOnly: true },
    );
    return { scores, worst, classifierHeld: worst >= threshold, pipelineHeld: pipeline.decision !== 'publish' };
  };

  const byTopic = new Map<string, { count: number; held: number }>();
  const classifierHeld: string[] = [];
  const pipelineHeld: string[] = [];
  for (const { text, topic } of BLIND_CIVIL) {
    const result = run(text);
    const entry = byTopic.get(topic) ?? { count: 0, held: 0 };
    entry.count++;
    if (result.classifierHeld) classifierHeld.push(text);
    if (result.pipelineHeld) {
      pipelineHeld.push(text);
      entry.held++;
    }
    byTopic.set(topic, entry);
  }

  return {
    civil: { count: BLIND_CIVIL.length, classifierHeld, pipelineHeld, byTopic },
    probeSets: PROBE_SETS.map(({ name, probes }) => probeReport(name, probes, run)),
  };
}

function probeReport(name: string, probes: Labelled[], run: (text: string) => { scores: Record<Head, number>; worst: number; classifierHeld: boolean; pipelineHeld: boolean }): ProbeReport {
  const byCategory: ProbeReport['byCategory'] = new Map();
  const results = probes.map((probe) => ({ probe, ...run(probe.text) }));
  for (const { probe, classifierHeld, pipelineHeld } of results) {
    const entry = byCategory.get(probe.category) ?? { hateful: probe.hateful, count: 0, classifierHeld: 0, pipelineHeld: 0, missed: [] };
    entry.count++;
    if (classifierHeld) entry.classifierHeld++;
    if (pipelineHeld) entry.pipelineHeld++;
    // For hateful probes "missed" is published; for contrasts it is held.
    if (pipelineHeld !== probe.hateful) entry.missed.push(probe.text);
    byCategory.set(probe.category, entry);
  }
  const labels = results.map((result) => result.probe.hateful);
  const aucOf = (pick: (scores: (typeof results)[number]) => number, truth = labels) => rocAuc(results.map(pick), truth);
  return {
    name,
    count: results.length,
    hateful: labels.filter(Boolean).length,
    auc: {
      toxicity: aucOf((r) => r.scores.toxicity),
      identity_attack: aucOf((r) => r.scores.identity_attack),
      threat: aucOf((r) => r.scores.threat),
      max: aucOf((r) => r.worst),
      threatVsRest: aucOf((r) => r.scores.threat, results.map((result) => result.probe.threat)),
    },
    byCategory,
  };
}

export function formatBlindReport(report: BlindReport, verbose: boolean): string[] {
  const pct = (part: number, whole: number) => `${((part / Math.max(whole, 1)) * 100).toFixed(1)}%`;
  const { civil } = report;
  const lines = [
    `blind civil comments (${civil.count}, frozen, never tuned on): false holds, classifier ${pct(civil.classifierHeld.length, civil.count)}` +
      ` (${civil.classifierHeld.length}), whole content-only pipeline ${pct(civil.pipelineHeld.length, civil.count)} (${civil.pipelineHeld.length})`,
    `  by topic (pipeline): ${[...civil.byTopic].map(([topic, { count, held }]) => `${topic} ${held}/${count}`).join(', ')}`,
  ];
  if (verbose) for (const text of civil.pipelineHeld) lines.push(`    held: ${text}`);
  const auc = (value: number) => value.toFixed(3);
  for (const probes of report.probeSets) {
    lines.push(
      `${probes.name} (${probes.count}, ${probes.hateful} hateful): ROC-AUC toxicity ${auc(probes.auc.toxicity)}, ` +
        `identity_attack ${auc(probes.auc.identity_attack)}, threat ${auc(probes.auc.threat)} ` +
        `(threats against the rest ${auc(probes.auc.threatVsRest)}), max ${auc(probes.auc.max)}`,
    );
    const totals = { contrasts: 0, held: 0, hateful: 0, published: 0 };
    for (const entry of probes.byCategory.values()) {
      if (entry.hateful) {
        totals.hateful += entry.count;
        totals.published += entry.count - entry.pipelineHeld;
      } else {
        totals.contrasts += entry.count;
        totals.held += entry.pipelineHeld;
      }
    }
    lines.push(
      `  whole content-only pipeline: contrasts held ${pct(totals.held, totals.contrasts)} (${totals.held} of ${totals.contrasts}), ` +
        `hateful published ${pct(totals.published, totals.hateful)} (${totals.published} of ${totals.hateful})`,
    );
    lines.push(`  ${'category'.padEnd(18)} ${'kind'.padEnd(10)} ${'texts'.padStart(5)}  ${'held (classifier)'.padStart(17)}  ${'held (pipeline)'.padStart(15)}`);
    for (const [category, entry] of probes.byCategory) {
      lines.push(
        `  ${category.padEnd(18)} ${(entry.hateful ? 'hateful' : 'contrast').padEnd(10)} ${String(entry.count).padStart(5)}  ` +
          `${pct(entry.classifierHeld, entry.count).padStart(17)}  ${pct(entry.pipelineHeld, entry.count).padStart(15)}`,
      );
      if (verbose) for (const text of entry.missed) lines.push(`    ${entry.hateful ? 'published' : 'held'}: ${text}`);
    }
  }
  return lines;
}
